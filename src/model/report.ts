// The report: what every renderer reads and what `audit()` returns. Validated by schemas/report.schema.json.
import type { Category, Finding, RuleResult } from "./finding.js";
import type { EnvironmentSection } from "./environment.js";
import type { CarbonSection } from "./carbon.js";

export const STAGES = ["static", "resolve", "build", "epoch"] as const;
export type StageName = (typeof STAGES)[number];
/** What each stage did; reports written before the resolve stage existed have no `resolve`. */
export type StageStatuses = Record<Exclude<StageName, "resolve">, StageStatus> & { resolve?: StageStatus };

export interface BranchInfo {
  name: string;
  commit: string | null;
  /** The branch the audit's main tree was taken from. */
  current: boolean;
}

export interface RepoInfo {
  /** What the user gave: a URL, or the absolute path of a local folder. */
  url: string;
  kind: "git" | "folder";
  commit: string | null;
  ref: string | null;
  branches: BranchInfo[];
  /** The repository's page on GitHub when its URL (or a local clone's origin) is there: file links point into it. */
  webUrl?: string;
  /** Where SARIF shows findings about the whole repository: the root README, else the first file at the root. */
  anchor?: string;
  /** The folder audited when it is a part of the repository (the Action's `path:`), relative to the repository's
   * top level; findings' files are relative to it, links add it. */
  subfolder?: string;
}

export interface StageStatus {
  status: "ran" | "skipped" | "failed";
  seconds?: number;
  reason?: string;
}

/** The four questions a reviewer asks (docs/scoring.md); each tool category answers one of them. */
export const AREAS = ["install", "data", "run", "trust"] as const;
export type Area = (typeof AREAS)[number];

export interface CategoryScore {
  /** 0-100, or null when not assessed: the share of its area's points this category alone would leave. */
  score: number | null;
  assessed: boolean;
  area: Area;
  /** A blocking rule of this category failed. */
  blocked: boolean;
  /** Points of its area lost to this category's findings. */
  lost: number;
  reason?: string;
}

export interface AreaScore {
  /** Points kept, 0 to `of`; null when none of its rules was assessed. */
  points: number | null;
  of: number;
  assessed: boolean;
  categories: Category[];
  /** Friction and blocking losses before the cap. */
  lost: number;
  /** Failing blocking rules: each caps the area at a third of its points. */
  blockedBy: string[];
  reason?: string;
}

/** One failing rule's cost, for the explanation: weight x log2(1 + findings). */
export interface RuleLoss {
  rule: string;
  area: Area;
  category: Category;
  effect: "block" | "friction";
  weight: number;
  findings: number;
  /** The findings weighed each by the probability it is right (finding-trust.ts), where that is what they cost. */
  credited?: number;
  lost: number;
  /** What the repo lacks altogether: costs more than friction, at most what a block takes. */
  absence?: boolean;
}

export interface Score {
  /** 100 x points kept / points of the assessed areas; null when nothing was assessed. */
  total: number | null;
  categories: Record<Category, CategoryScore>;
  areas: Record<Area, AreaScore>;
  losses: RuleLoss[];
  /** The arithmetic in words, when asked for (--explain-score). */
  explanation?: string[];
}

/** One `# repro-audit: ignore[rule-id] reason` comment: where it is, the line it quiets, what it matched. */
export interface InlineSuppression {
  file: string;
  /** The comment's line (flattened line in a notebook) and the line it quiets (its own, or the next one). */
  line: number;
  target: number;
  cell?: number;
  rules: string[];
  reason: string;
  /** Fact records (occurrences) of those rules at that line. */
  matched: number;
  /** Honoured only when the user trusts the repo (--trust-repo); otherwise listed and the findings stay. */
  honoured: boolean;
}

/** Everything that quieted the audit, counted: never silent. */
export interface Suppressions {
  inline: InlineSuppression[];
  /** Whether the repo's own comments and config were honoured (--trust-repo). */
  repoTrusted: boolean;
  /** Occurrences removed by honoured inline comments. */
  suppressed: number;
  /** Files left out of the walk by exclude globs. */
  excluded?: { globs: string[]; source: string; files: number; paths: string[] };
  /** Rules not judged at all (disable: in a config the audit trusts). */
  disabled?: Array<{ rule: string; source: string }>;
  /** Findings already in a --baseline report: they leave the gates alone. `accepted`: the points they cost on
   * their own; `gateScore`: what --fail-under compares, the total plus `accepted` (null: not assessed). Reports
   * of earlier versions hold `totalWithoutThem` instead. */
  baseline?: {
    file: string;
    unchanged: number;
    new: number;
    absent: number;
    accepted?: number;
    gateScore?: number | null;
    totalWithoutThem?: number | null;
  };
  /** Findings left out of this rendering by --quiet (errors only). */
  hidden?: { warning: number; info: number };
}

/** One step of the rerun plan as the report shows it. */
export interface PlanStep {
  order: number;
  /** Where the step is stated (README, script, Makefile, notebook) and its line. */
  file: string;
  line?: number;
  /** The folder it runs in, repo-relative ('.' the root). */
  cwd: string;
  command: string;
  /** The repo file it runs; null for an outside tool. */
  program: string | null;
  repeat: number;
}

/** The rerun plan the findings were graded by: its steps and reach, or why there is none. */
export type PlanSection =
  | { collected: false; reason: string }
  | { collected: true; found: boolean; basis: string; steps: PlanStep[]; reached: number; what?: string };

export interface Report {
  schemaVersion: 1;
  tool: { name: "repro-audit"; version: string };
  generatedAt: string;
  repo: RepoInfo;
  stages: StageStatuses;
  score: Score;
  findings: Finding[];
  rules: RuleResult[];
  /** The rerun plan behind the findings' grades (reports of earlier versions have none). */
  plan?: PlanSection;
  environment?: EnvironmentSection;
  carbon?: CarbonSection;
  suppressions?: Suppressions;
  /** Plain sentences about how the audit went (e.g. "plain folder: branches not checked"). */
  notes: string[];
}

/** The stages a report records, in order: every one, less `resolve` in a report older than that stage. */
export function presentStages(report: Pick<Report, "stages">): StageName[] {
  return STAGES.filter((name) => name !== "resolve" || report.stages.resolve !== undefined);
}
