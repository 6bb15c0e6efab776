// How likely a finding is right, by what the blind rounds say about its rule (pure): the first-look precision of the
// rule's findings of the same plan grade and evidence where enough of those were judged, else of all its findings,
// else nothing is known and the finding is taken as right. The score weighs each finding's cost by it.
import type { Evidence, PlanPlace } from "../model/finding.js";

/** A finding's plan grade and evidence, as the figures split them ("on-conclusive"); a report graded by no plan
 * has none. */
export const GRADES = [
  "on-conclusive",
  "on-unconfirmed",
  "unknown-conclusive",
  "unknown-unconfirmed",
  "off-conclusive",
  "off-unconfirmed",
] as const;
export type Grade = (typeof GRADES)[number];

export function gradeOf(plan: PlanPlace | undefined, evidence: Evidence | undefined): Grade | undefined {
  return plan === undefined ? undefined : `${plan}-${evidence ?? "conclusive"}`;
}

/** Blind labels: what a reviewer signed (correct), refuted (wrong) or called a judgement call (debatable). */
export interface Judged {
  correct: number;
  wrong: number;
  debatable: number;
}

/** The judged findings a figure needs before it says anything: the gate's own minimum. */
const MIN_JUDGED = 10;

export const judgedOf = (t: Judged) => t.correct + t.wrong + t.debatable;
/** C / (C + W + D), or null with nothing judged. */
export const precisionOf = (t: Judged): number | null => (judgedOf(t) === 0 ? null : t.correct / judgedOf(t));

/** The figures that speak for findings of this grade: the grade's own where it has at least `min` judged findings,
 * else the rule's whole where it has, else none. */
export function figuresFor(
  whole: Judged | undefined,
  byGrade: Partial<Record<Grade, Judged>> | undefined,
  grade: Grade | undefined,
  min: number = MIN_JUDGED,
): Judged | undefined {
  const split = grade === undefined ? undefined : byGrade?.[grade];
  if (split && judgedOf(split) >= min) return split;
  if (whole && judgedOf(whole) >= min) return whole;
  return undefined;
}

/** The probability a finding of this grade is right: the precision of the figures that speak for it; 1 without any
 * (a rule no round has judged enough of costs what it always cost). */
export function trustOf(
  whole: Judged | undefined,
  byGrade: Partial<Record<Grade, Judged>> | undefined,
  grade: Grade | undefined,
): number {
  const f = figuresFor(whole, byGrade, grade);
  return f ? (precisionOf(f) ?? 1) : 1;
}

/** A rule's figures: its whole tally and, where the rounds graded its findings, the tally of each grade. */
export interface GradedFigures extends Judged {
  byGrade?: Partial<Record<Grade, Judged>>;
}

/** What a rule's findings cost in all, weighed each by its trust: the findings off the plan cost nothing. */
export function creditOf(
  findings: ReadonlyArray<{ plan?: PlanPlace; evidence?: Evidence }>,
  figures: GradedFigures | undefined,
): number {
  return findings
    .filter((f) => f.plan !== "off")
    .reduce((sum, f) => sum + trustOf(figures, figures?.byGrade, gradeOf(f.plan, f.evidence)), 0);
}
