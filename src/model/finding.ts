// Findings and rule outcomes: data only; the words a user reads come from each rule's message template.

export const CATEGORIES = [
  "instructions",
  "requirements",
  "environment",
  "paths",
  "datasets",
  "branches",
  "code",
  "execution",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = "error" | "warning" | "info";
/** Which findings fail the audit by their severity alone (--fail-on). */
export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What a failing rule does to the score: a blocking problem caps its area; friction costs a few points. */
const EFFECTS = ["block", "friction"] as const;
export type Effect = (typeof EFFECTS)[number];

/** Where a finding lies on the rerun plan: in what a stranger's rerun runs, follows or loads ("on"), outside
 * it ("off"), or not known because no plan was found ("unknown"). */
const PLAN_PLACES = ["on", "off", "unknown"] as const;
export type PlanPlace = (typeof PLAN_PLACES)[number];

/** How sure a finding is: "unconfirmed" when the audit cannot see enough to be certain (e.g. no step we can
 * see writes a file, yet something might). */
const EVIDENCE = ["conclusive", "unconfirmed"] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** One place a problem shows: a file and, where known, its line (and notebook cell). */
export interface FindingLocation {
  file: string;
  line?: number;
  cell?: number;
  cellLine?: number;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  file: string | null;
  line: number | null;
  cell?: number;
  cellLine?: number;
  message: string;
  /** The fact fields the message was made from, for machines (a grouped finding's first record, plus `count`). */
  values: Record<string, string | number | boolean | null>;
  /** Every occurrence of the problem, the primary one first (also in file/line); empty for the whole repo. */
  locations: FindingLocation[];
  /** One line saying what to do, from the rule's `fix` template. */
  fix?: string;
  /** Where it lies on the rerun plan; absent when no plan was collected (graded as its rule is written). */
  plan?: PlanPlace;
  /** Why it is off the plan (or why the plan is unknown), in a reader's words. */
  planReason?: string;
  /** How conclusive its evidence is (its rule's `evidence`, or `unconfirmedWhen` matching its record). */
  evidence?: Evidence;
  /** What the first-look gate took from this finding: the severity the rule as written would give it here, and
   * whether it would block. Blind readers judge these too (bench/real/rounds/README.md), so a held rule can earn
   * its way back. */
  heldBack?: { severity: Severity; blocks?: boolean };
  /** Stable identity across runs (rule, file, the values that name the problem; never the line). */
  fingerprint?: string;
  /** Against a --baseline report: already there ("unchanged") or not ("new"). */
  baseline?: "new" | "unchanged";
}

/** What judging one rule came to. "not-applicable": the rule's precondition does not hold (e.g. no
 * notebooks); "not-assessed": a fact family it needs could not be collected (e.g. no build ran). */
export type Outcome = "pass" | "fail" | "not-applicable" | "not-assessed";

export interface RuleResult {
  rule: string;
  category: Category;
  severity: Severity;
  effect: Effect;
  weight: number;
  /** The words a reader needs, carried so a saved report renders without the rule files: the rule's
   * title, why it matters (its `reason`), its fix template and its help page. */
  title: string;
  why: string;
  fix?: string;
  helpUri?: string;
  outcome: Outcome;
  findings: number;
  /** Fact records behind the findings (a grouped finding holds several). */
  occurrences?: number;
  /** Findings that block: a friction rule's whose record matched `blockWhen`; graded by the rerun plan, only
   * conclusive findings on the plan, for any rule that may block (0 then overrides a `block` effect). */
  blocking?: number;
  /** Findings the score counts when graded by the rerun plan (off-plan findings cost nothing); absent: all. */
  counted?: number;
  /** The counted findings weighed each by the probability the blind rounds give it of being right (its rule's
   * first-look precision for its plan grade and evidence, src/evaluate/finding-trust.ts): what the real-repo bench
   * sets to judge a trusted score model; absent: all in full. */
  credited?: number;
  /** The rule's finding is that the repo lacks something altogether (`absent: true`: no spec, no training command). */
  absence?: boolean;
  /** Why not assessed / not applicable, when so. */
  reason?: string;
}
