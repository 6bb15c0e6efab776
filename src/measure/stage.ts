// The epoch stage as the pipeline runs it: progress, the epoch-run facts, the ledger, a stage status out.
import type { CarbonAssumptions, CarbonSection, TrainPlan } from "../model/carbon.js";
import type { Sourced } from "../model/sourced.js";
import { addFacts, type Facts } from "../model/facts.js";
import type { Progress } from "../model/progress.js";
import type { RepoInfo, StageStatus } from "../model/report.js";
import { elapsedSeconds } from "../model/time.js";
import { runEpochStage } from "./epoch-stage.js";
import { appendLedger, ledgerEntryFor } from "./ledger.js";

export interface EpochStep {
  root: string;
  plan: TrainPlan;
  runtime: "container" | "host";
  engine: "docker" | "podman" | null;
  image: string | null;
  data: Array<{ host: string; container: string }>;
  measureEpochs: number;
  batches?: number;
  /** How the output's epoch lines are read, when the user said. */
  epochMarker?: Sourced<"start" | "end"> | null;
  timeoutSeconds: number;
  /** true/false forces; undefined: GPUs when nvidia-smi answers. */
  gpus?: boolean;
  assumptions: CarbonAssumptions;
  /** Append the run to the local ledger. */
  ledger: boolean;
  repo: RepoInfo;
  facts: Facts;
  progress: Progress;
  signal?: AbortSignal;
}

export async function epochStep(step: EpochStep): Promise<{ status: StageStatus; section: CarbonSection }> {
  const { progress } = step;
  const started = performance.now();
  progress.start("epoch", `running ${step.plan.commands[0]?.value ?? "the training"} (${step.runtime})`);
  const result = await runEpochStage({
    root: step.root,
    plan: step.plan,
    runtime: step.runtime,
    data: step.data,
    ...(step.engine ? { engine: step.engine } : {}),
    ...(step.image ? { image: step.image } : {}),
    measureEpochs: step.measureEpochs,
    ...(step.batches ? { batches: step.batches } : {}),
    ...(step.epochMarker ? { epochMarker: step.epochMarker } : {}),
    timeoutSeconds: step.timeoutSeconds,
    ...(step.gpus !== undefined ? { gpus: step.gpus } : {}),
    assumptions: step.assumptions,
    ...(step.signal ? { signal: step.signal } : {}),
  });
  addFacts(step.facts, "epoch-run", result.records["epoch-run"]);
  for (const note of result.notes) progress.note(note);
  const section = result.section;
  const measurement = section.measurement!;
  if (step.ledger && measurement.actual.seconds > 0)
    await appendLedger(ledgerEntryFor(section, step.repo.url, step.repo.commit));
  const status: StageStatus =
    measurement.status === "failed"
      ? { status: "failed", seconds: elapsedSeconds(started), reason: measurement.reason ?? "the run failed" }
      : { status: "ran", seconds: elapsedSeconds(started) };
  if (status.status === "failed") progress.fail(status.reason ?? "");
  else progress.succeed(`${measurement.actual.epochs} epoch(s) measured in ${measurement.actual.seconds.toFixed(1)}s`);
  return { status, section };
}
