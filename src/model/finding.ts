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

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  file: string | null;
  line: number | null;
  cell?: number;
  cellLine?: number;
  message: string;
  /** The fact fields the message was made from, for machines. */
  values: Record<string, string | number | boolean | null>;
}

/** What judging one rule came to. "not-applicable": the rule's precondition does not hold (e.g. no
 * notebooks); "not-assessed": a fact family it needs could not be collected (e.g. no build ran). */
export type Outcome = "pass" | "fail" | "not-applicable" | "not-assessed";

export interface RuleResult {
  rule: string;
  category: Category;
  severity: Severity;
  weight: number;
  outcome: Outcome;
  findings: number;
  /** Why not assessed / not applicable, when so. */
  reason?: string;
}
