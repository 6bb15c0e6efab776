// Every number and setting in a report says where it came from.

export type Origin =
  | "flag" // the user's command-line flag
  | "user-config" // the user's --config file
  | "repo-config" // the audited repo's own .repro-audit.yml (may only describe the training)
  | "code" // read from the repo's code, README or configs (an argparse default, a README command)
  | "measured" // measured here by an instrumented run
  | "estimated" // computed by the static estimate
  | "given" // a published figure the user supplies (a leaderboard's per-model cost)
  | "table" // a data table shipped with repro-audit (intensity, CPU TDP, GPU datasheets, model FLOPs)
  | "default"; // repro-audit's own default

export interface Sourced<T> {
  value: T;
  origin: Origin;
  /** The detail a person checks: "--epochs", "train.py:30 (argparse default)", "data/carbon-intensity.json (Ember 2023)". */
  source: string;
}

export function sourced<T>(value: T, origin: Origin, source: string): Sourced<T> {
  return { value, origin, source };
}

/** "30 (flag --epochs)", "1.58 (default)": a value with its source, for people. */
export function sourcedText(s: Sourced<unknown>): string {
  return s.origin === "default" ? `${String(s.value)} (default)` : `${String(s.value)} (${s.source})`;
}
