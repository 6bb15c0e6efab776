// Which stages run (pure): the ones asked for, or by default every stage the machine and the repo allow.
import type { StageName } from "../model/report.js";

export interface StageInputs {
  /** Stages the user asked for (flag or config); undefined = the default. */
  asked: StageName[] | undefined;
  runtime: "container" | "host";
  /** The engine that answered, or null with why none did and how to get one. */
  engine: { name: "docker" | "podman" } | { name: null; why: string; hint: string };
  /** Whether a train plan was found (config, flags or inferred). */
  planFound: boolean;
}

type LaterStage = "resolve" | "build" | "epoch";

export interface StageDecision {
  run: Record<LaterStage, boolean>;
  skipReason: Record<LaterStage, string>;
  /** Set when a stage that needs an engine was asked for explicitly and none answered: exit 3. */
  engineRequiredButMissing: { why: string; hint: string } | null;
  notes: string[];
}

export function decideStages(input: StageInputs): StageDecision {
  const explicit = input.asked !== undefined;
  const wants = (stage: StageName) => !explicit || input.asked!.includes(stage);
  const engineOk = input.engine.name !== null;
  const missing = input.engine.name === null ? { why: input.engine.why, hint: input.engine.hint } : null;
  const engineWhy = missing?.why ?? "";
  const notes: string[] = [];
  const decision: StageDecision = {
    run: { resolve: false, build: false, epoch: false },
    skipReason: { resolve: "", build: "", epoch: "" },
    engineRequiredButMissing: null,
    notes,
  };

  // Resolve: needs the index, not an engine; wherever the build is wanted, and by default even without an
  // engine, so a user without one still learns whether the specs install.
  if (wants("resolve") || wants("build")) decision.run.resolve = true;
  else decision.skipReason.resolve = "not asked for (--stages)";

  // Build: needs an engine.
  if (!wants("build")) decision.skipReason.build = "not asked for (--stages)";
  else if (!engineOk) {
    decision.skipReason.build = `no container engine: ${engineWhy}`;
    if (explicit) decision.engineRequiredButMissing = missing;
    else notes.push(`Build and epoch stages skipped: ${engineWhy}; to run them, ${missing!.hint}.`);
  } else decision.run.build = true;

  // Epoch: needs a plan, and an engine unless the user chose the host runtime.
  const hostRun = input.runtime === "host";
  if (!wants("epoch")) decision.skipReason.epoch = "not asked for (--stages)";
  else if (!input.planFound) decision.skipReason.epoch = "no train plan found (see the execution findings)";
  else if (!hostRun && !engineOk) {
    decision.skipReason.epoch = `no container engine: ${engineWhy}`;
    if (explicit) decision.engineRequiredButMissing = missing;
  } else if (!hostRun && !decision.run.build) decision.skipReason.epoch = "the container runtime needs the build stage";
  else decision.run.epoch = true;

  return decision;
}
