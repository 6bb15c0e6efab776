// The batch report: one row per team of a leaderboard, the competition's footprint and the verdict on its
// winners. What `repro-audit batch` and `merge` write; validated by schemas/batch-report.schema.json.
import type { StageName, StageStatus } from "./report.js";

/** Where a team's cost comes from: measured here, estimated from the code, or given by the leaderboard. */
export type CostBasis = "measured" | "estimated" | "given";
export const COST_BASES: readonly CostBasis[] = ["measured", "estimated", "given"];

/** One team's cost of training its model once (the whole training: every epoch, fold, model and seed). */
export interface TeamCost {
  basis: CostBasis;
  co2g: number;
  kwh: number | null;
  /** Predicted (or measured) training time; null when the basis says nothing about time. */
  seconds: number | null;
  /** The figure's own range in g CO2eq; null when it has none (a given figure, a complete measurement). */
  interval: { low: number; high: number } | null;
  /** What the figure rests on, in words ("leaderboard co2g: <source>", "measured here: 1 epoch of 30 x 5 runs"). */
  source: string;
}

export type RowStatus =
  | "audited" // the audit ran in this batch
  | "cached" // a finished audit of the same repo and commit was reused (--resume)
  | "failed" // the audit stopped: clone error, bad repo, engine failure, crash
  | "timeout" // the audit ran past the per-audit limit and was stopped
  | "no-repo" // the leaderboard names no repo for the team
  | "interrupted"; // the batch was stopped (Ctrl-C) before this audit finished

export interface TeamRow {
  rank: number;
  name: string;
  entries: number;
  publicScore: number | null;
  privateScore: number | null;
  repo: string | null;
  ref: string | null;
  /** The commit audited; null when nothing was audited or the repo is a plain folder. */
  commit: string | null;
  status: RowStatus;
  /** Why the audit failed, or which of its stages failed (one line). */
  reason?: string;
  /** The reproducibility score (0-100); null when not audited or not assessed. */
  score: number | null;
  findings: { error: number; warning: number; info: number } | null;
  /** Each stage's status; audits made before the resolve stage existed have no `resolve`. */
  stages: (Record<Exclude<StageName, "resolve">, StageStatus["status"]> & { resolve?: StageStatus["status"] }) | null;
  cost: TeamCost | null;
  /** Predicted training time beyond the competition's runtime limit; null when either is unknown. */
  overRuntimeLimit: boolean | null;
  /** The team's full audit report, relative to the batch's output folder. */
  auditFile?: string;
}

/** A team a bound rests on. */
export interface BoundTeam {
  rank: number;
  name: string;
  basis: CostBasis;
  co2g: number;
}

/** One bound of the footprint: a per-model cost times the counted submissions. */
export interface Bound {
  co2g: number;
  kmByCar: number;
  perModelCo2g: number;
  teams: BoundTeam[];
  bases: CostBasis[];
}

export interface CompetitionFootprint {
  name: string;
  runtimeLimitHours: number | null;
  minEntries: number;
  teams: number;
  submissions: number;
  /** Teams with at least minEntries entries, and their submissions: what the bounds multiply. */
  teamsCounted: number;
  submissionsCounted: number;
  /** Teams of the batch with a known per-model cost, by basis. */
  models: number;
  basisCounts: Record<CostBasis, number>;
  lower: Bound | null;
  central: Bound | null;
  upper: Bound | null;
}

export interface RankedScore {
  rank: number;
  name: string;
  privateScore: number;
}

export interface NoiseSpread {
  /** Teams with both a public and a private score. */
  teams: number;
  mean: number;
  /** Standard deviation of public minus private: the evaluation noise. */
  sd: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  histogram: Array<{ from: number; to: number; teams: number }>;
}

export interface Verdict {
  higherIsBetter: boolean;
  /** Teams with a private score. */
  teamsScored: number;
  best: RankedScore | null;
  /** The team at the top-10% rank (ceil(10% of scored teams)). */
  topDecile: RankedScore | null;
  /** |best - top-decile| private score. */
  gap: number | null;
  noise: NoiseSpread | null;
  /** The gap lies inside the evaluation noise (gap <= sd); null when either is unknown. */
  diminishingReturns: boolean | null;
  runtimeLimitHours: number | null;
  /** Solutions whose training takes longer than the platform allows: trained off the platform. */
  overRuntimeLimit: Array<{ rank: number; name: string; hours: number; basis: CostBasis }>;
}

/** What the leaderboard says about the whole competition; every shard of a batch carries the same. */
export interface LeaderboardSummary {
  name: string;
  runtimeLimitHours: number | null;
  minEntries: number;
  higherIsBetter: boolean;
  teams: number;
  submissions: number;
  teamsCounted: number;
  submissionsCounted: number;
  best: RankedScore | null;
  topDecile: RankedScore | null;
  teamsScored: number;
  noise: NoiseSpread | null;
}

export interface BatchReport {
  schemaVersion: 1;
  kind: "batch";
  tool: { name: "repro-audit"; version: string };
  generatedAt: string;
  leaderboard: {
    /** The leaderboard file as given, and the board files it read. */
    file: string;
    sources: string[];
    /** sha256 of the leaderboard's teams and the batch's settings: shards merge only when equal. */
    fingerprint: string;
  };
  selection: {
    top: number;
    /** Rows in the whole batch (all shards). */
    teams: number;
    shard: { index: number; count: number } | null;
    /** Shards joined by merge. */
    merged?: number;
  };
  summary: LeaderboardSummary;
  competition: CompetitionFootprint;
  verdict: Verdict;
  rows: TeamRow[];
  run: {
    stages: StageName[] | null;
    concurrency: number;
    timeoutSeconds: number;
    interrupted: boolean;
    seconds: number;
  };
  notes: string[];
}
