// What became of the run (completed, failed, timeout, missing data), read from exit status and output (pure).
import type { FactRecord } from "../model/facts.js";

export type EpochRunStatus = "completed" | "failed" | "timeout" | "missing-data" | "skipped";

export interface RunOutcome {
  status: EpochRunStatus;
  reason: string;
  file?: string;
  line?: number;
  /** The path the program could not open, for missing data. */
  path?: string;
}

const NOT_FOUND = /(?:FileNotFoundError|No such file or directory)[^\n]*?['"]([^'"\n]+)['"]/g;
const FRAME = /File "([^"]+)", line (\d+)/g;

/** The last traceback frame inside the repo copy, as a repo-relative file and line. */
function lastRepoFrame(output: string, repoDir: string): { file: string; line: number } | null {
  let found: { file: string; line: number } | null = null;
  const prefix = repoDir.endsWith("/") ? repoDir : repoDir + "/";
  for (const m of output.matchAll(FRAME)) {
    if (m[1]!.startsWith(prefix)) found = { file: m[1]!.slice(prefix.length), line: Number(m[2]) };
  }
  return found;
}

const lastLine = (text: string): string =>
  text
    .trim()
    .split("\n")
    .filter((l) => l.trim())
    .pop()
    ?.trim()
    .slice(0, 300) ?? "";

export interface OutcomeInput {
  exitCode: number | null;
  /** We stopped it (hook or stdout marker reached the measured part). */
  stoppedAfterMeasure: boolean;
  timedOut: boolean;
  aborted: boolean;
  /** Epochs (or batches, for a partial measure) that completed before the end. */
  epochsCompleted: number;
  batchesSeen: number;
  output: string;
  /** Where the repo lies as the program saw it (/repo in the container). */
  repoDir: string;
  timeoutSeconds: number;
  /** The engine killed the run at its memory limit (`memory`). */
  oomKilled?: boolean;
  memory?: string;
  /** The container never started: the output is the engine's own. */
  neverStarted?: boolean;
}

export function classifyOutcome(input: OutcomeInput): RunOutcome {
  const frame = lastRepoFrame(input.output, input.repoDir);
  const where = frame ? { file: frame.file, line: frame.line } : {};
  if (input.stoppedAfterMeasure) return { status: "completed", reason: "stopped after the measured part" };
  if (input.aborted) return { status: "failed", reason: "interrupted" };
  if (input.timedOut)
    return {
      status: "timeout",
      reason: `no measured epoch within ${input.timeoutSeconds} s (${input.batchesSeen} batches seen)`,
    };
  if (input.oomKilled)
    return {
      status: "failed",
      reason: `out of memory: the run was killed at its ${input.memory ? `${input.memory} ` : ""}memory limit`,
      ...where,
    };
  if (input.neverStarted && input.exitCode !== 0)
    return {
      status: "failed",
      reason: `the engine could not start the container: ${lastLine(input.output) || `exit ${input.exitCode}`}`,
    };
  if (input.exitCode === 0 && (input.epochsCompleted > 0 || input.batchesSeen > 0))
    return { status: "completed", reason: "training finished within the measured part" };
  const missing = [...input.output.matchAll(NOT_FOUND)].pop();
  if (missing && input.exitCode !== 0)
    return {
      status: "missing-data",
      reason: `the program could not open ${missing[1]}: mount it with --data HOST:${missing[1]}`,
      path: missing[1]!,
      ...where,
    };
  if (input.exitCode === 0)
    return { status: "failed", reason: "the command ended without any epoch or batch boundary seen" };
  return { status: "failed", reason: `exit ${input.exitCode}: ${lastLine(input.output) || "no output"}`, ...where };
}

/** The `epoch-run` fact record for the rules: the outcome, what was measured, and where its boundaries came from. */
export function epochRunRecord(
  outcome: RunOutcome,
  extra: {
    seconds: number;
    epochs: number;
    batches: number;
    boundaries?: string;
    distrust?: string | null;
    startup?: { by: string };
    startupSeconds?: number | null;
  },
): FactRecord {
  const r: FactRecord = {
    status: outcome.status,
    reason: outcome.reason,
    seconds: Math.round(extra.seconds * 10) / 10,
    epochs: extra.epochs,
    batches: extra.batches,
  };
  if (extra.boundaries) r.boundaries = extra.boundaries;
  if (extra.distrust) r.untrustedEvents = extra.distrust;
  // Start-up apart from epoch 1: its seconds where a prediction was made from the boundaries, and what decided them.
  if (extra.startupSeconds !== undefined && extra.startupSeconds !== null)
    r.startupSeconds = Math.round(extra.startupSeconds * 10) / 10;
  if (extra.startup) r.startupEvidence = extra.startup.by;
  if (outcome.path) r.path = outcome.path;
  if (outcome.file) r.file = outcome.file;
  if (outcome.line) r.line = outcome.line;
  return r;
}
