// The report: what every renderer reads and what `audit()` returns. Validated by schemas/report.schema.json.
import type { Category, Finding, RuleResult } from "./finding.js";
import type { EnvironmentSection } from "./environment.js";
import type { CarbonSection } from "./carbon.js";

export const STAGES = ["static", "build", "epoch"] as const;
export type StageName = (typeof STAGES)[number];

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
}

export interface StageStatus {
  status: "ran" | "skipped" | "failed";
  seconds?: number;
  reason?: string;
}

export interface CategoryScore {
  /** 0-100, or null when not assessed. */
  score: number | null;
  assessed: boolean;
  /** Weight of this category in the total. */
  weight: number;
  /** Sum of weights of the assessed rules, and what was lost to failures. */
  possible: number;
  lost: number;
  reason?: string;
}

export interface Score {
  total: number | null;
  categories: Record<Category, CategoryScore>;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: "repro-audit"; version: string };
  generatedAt: string;
  repo: RepoInfo;
  stages: Record<StageName, StageStatus>;
  score: Score;
  findings: Finding[];
  rules: RuleResult[];
  environment?: EnvironmentSection;
  carbon?: CarbonSection;
  /** Plain sentences about how the audit went (e.g. "plain folder: branches not checked"). */
  notes: string[];
}
