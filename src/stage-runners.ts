// Adapters between the pipeline and the build and epoch stages: options in, section and facts out.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { homedir } from "node:os";
import type { Config } from "./config/config.js";
import type { Progress } from "./cli/progress.js";
import { addFacts, markNotCollected, type Facts } from "./model/facts.js";
import type { RepoView } from "./model/repo-view.js";
import type { RepoInfo, StageStatus } from "./model/report.js";
import type { EnvironmentSection } from "./model/environment.js";
import type { CarbonSection, TrainPlan } from "./model/carbon.js";
import { runBuildStage } from "./provision/index.js";
import { runEpochStage } from "./measure/epoch-stage.js";
import { appendLedger, ledgerEntryFor } from "./measure/ledger.js";

export interface BuildOptions {
  engine?: "auto" | "docker" | "podman";
  baseImage?: string;
  buildTimeoutSeconds?: number;
  /** Where the Dockerfile and build log go (default: beside the clone cache). */
  outDir?: string;
}

export interface EpochOptions {
  runtime?: "container" | "host";
  epochs?: number;
  train?: string;
  measureEpochs?: number;
  batches?: number;
  data?: Array<{ host: string; container: string }>;
  epochTimeoutSeconds?: number;
  gpus?: boolean;
  region?: string;
  intensity?: number;
  pue?: number;
  /** Append each instrumented run to the local ledger (default true). */
  ledger?: boolean;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** Default home of an audit's build files: one folder per audited repo and commit (or working tree). */
export function defaultOutDir(repo: RepoInfo): string {
  const source = createHash("sha256").update(repo.url).digest("hex").slice(0, 12);
  const name = `${source}-${(repo.commit ?? "working-tree").slice(0, 12)}`;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit", "builds", name);
}

export async function runBuild(input: {
  root: string;
  view: RepoView;
  facts: Facts;
  options: BuildOptions;
  config: Config;
  progress: Progress;
  repo: RepoInfo;
  signal?: AbortSignal;
}): Promise<{ status: StageStatus; section: EnvironmentSection }> {
  const { options, config, progress } = input;
  const started = performance.now();
  progress.start("build", "building the environment image");
  const baseImage = options.baseImage ?? config.build?.baseImage;
  const result = await runBuildStage({
    root: input.root,
    view: input.view,
    facts: input.facts,
    outDir: options.outDir ?? defaultOutDir(input.repo),
    engine: options.engine ?? config.build?.engine ?? "auto",
    ...(baseImage ? { baseImage } : {}),
    ...(options.buildTimeoutSeconds ?? config.build?.timeoutSeconds ? { timeoutSeconds: options.buildTimeoutSeconds ?? config.build?.timeoutSeconds } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  for (const [family, records] of Object.entries(result.records)) addFacts(input.facts, family, records);
  for (const [family, why] of Object.entries(result.notCollected)) if (why) markNotCollected(input.facts, family, why);
  const build = result.section.build;
  const status: StageStatus =
    build.status === "failed"
      ? { status: "failed", seconds: seconds(started), reason: build.failureClass ?? "build failed" }
      : build.status === "skipped"
        ? { status: "skipped", reason: build.reason ?? "not built" }
        : { status: "ran", seconds: seconds(started) };
  if (status.status === "failed") progress.fail(`build failed (${build.failureClass ?? "unknown"}${build.package ? `: ${build.package}` : ""})`);
  else if (status.status === "skipped") progress.skip(status.reason ?? "");
  else progress.succeed(`image ${result.section.image} ${build.cacheHit ? "reused" : `built in ${build.seconds}s`}`);
  return { status, section: result.section };
}

export async function runEpoch(input: {
  root: string;
  plan: TrainPlan;
  options: EpochOptions;
  config: Config;
  progress: Progress;
  engine: "docker" | "podman" | null;
  image: string | null;
  repo: RepoInfo;
  facts: Facts;
  signal?: AbortSignal;
}): Promise<{ status: StageStatus; section: CarbonSection }> {
  const { options, config, progress } = input;
  const train = config.train ?? {};
  const started = performance.now();
  const runtime = options.runtime ?? "container";
  progress.start("epoch", `running ${input.plan.commands[0]?.value ?? "the training"} (${runtime})`);
  const measureEpochs = options.measureEpochs ?? train.measureEpochs;
  const batches = options.batches ?? train.batches;
  const timeoutSeconds = options.epochTimeoutSeconds ?? train.timeoutSeconds;
  const data = options.data?.length ? options.data : (train.data ?? []).map(splitMount);
  const region = options.region ?? config.carbon?.region;
  const intensity = options.intensity ?? config.carbon?.intensity;
  const pue = options.pue ?? config.carbon?.pue;
  const result = await runEpochStage({
    root: input.root,
    plan: input.plan,
    runtime,
    data,
    ...(input.engine ? { engine: input.engine } : {}),
    ...(input.image ? { image: input.image } : {}),
    ...(measureEpochs ? { measureEpochs } : {}),
    ...(batches ? { batches } : {}),
    ...(timeoutSeconds ? { timeoutSeconds } : {}),
    ...(options.gpus !== undefined ? { gpus: options.gpus } : {}),
    ...(region ? { region } : {}),
    ...(intensity ? { intensity } : {}),
    ...(pue ? { pue } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  addFacts(input.facts, "epoch-run", result.records["epoch-run"]);
  const section = result.section;
  if (options.ledger !== false && section.measured.seconds > 0) {
    await appendLedger(ledgerEntryFor(section, input.repo.url, input.repo.commit));
  }
  const status: StageStatus =
    section.status === "failed" ? { status: "failed", seconds: seconds(started), reason: section.reason ?? "the run failed" } : { status: "ran", seconds: seconds(started) };
  if (status.status === "failed") progress.fail(status.reason ?? "");
  else progress.succeed(`${section.measured.epochs} epoch(s) measured in ${section.measured.seconds.toFixed(1)}s`);
  return { status, section };
}

function splitMount(spec: string): { host: string; container: string } {
  const at = spec.lastIndexOf(":");
  return { host: spec.slice(0, at), container: spec.slice(at + 1) };
}
