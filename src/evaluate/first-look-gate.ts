// A rule earns error severity and the power to block by its first-look precision on real repos read blind
// (ESLint's `recommended` discipline, with a number behind it): below the gate it is held to a friction warning
// until a later round lifts it; a rule wrong or trivial more often than right (under the note line) is held to a
// note: its findings are listed and cost their friction points, but a warning a reader would mostly dismiss
// teaches users to ignore warnings. Pure.
import type { Rule } from "./rule.js";

/** Precision C / (C + W + D) a rule needs, over at least `minJudged` judged findings, to be an error or block. */
export const FIRST_LOOK_GATE = { precision: 0.9, minJudged: 10 } as const;

/** Under this precision, over at least `minJudged` judged findings, a rule's findings are notes (info). */
export const FIRST_LOOK_NOTE = { precision: 0.5, minJudged: 20 } as const;

export interface FirstLook {
  correct: number;
  wrong: number;
  debatable: number;
  /** The rounds and repos behind the figures. */
  corpus: string;
}

const judgedOf = (f: FirstLook) => f.correct + f.wrong + f.debatable;
const firstLookPrecision = (f: FirstLook) => (judgedOf(f) === 0 ? null : f.correct / judgedOf(f));

/** True when the figures are enough to say the rule is not yet precise enough to be an error or block. */
export function belowGate(f: FirstLook | undefined): boolean {
  if (!f || judgedOf(f) < FIRST_LOOK_GATE.minJudged) return false;
  return (firstLookPrecision(f) ?? 0) < FIRST_LOOK_GATE.precision;
}

/** True when the figures say the rule is more often wrong or trivial than right: its findings are notes. */
function belowNoteLine(f: FirstLook | undefined): boolean {
  if (!f || judgedOf(f) < FIRST_LOOK_NOTE.minJudged) return false;
  return (firstLookPrecision(f) ?? 0) < FIRST_LOOK_NOTE.precision;
}

/** The rule as it may act: below the gate, errors become warnings and blocking becomes friction; below the note
 * line, warnings become info too; what was held back stays on the rule (`heldBack`) so docs and `rules explain`
 * can say why. */
export function gateByFirstLook(rule: Rule): Rule {
  if (!belowGate(rule.firstLook)) return rule;
  const heldSeverity = rule.severity === "error" || (rule.severity === "warning" && belowNoteLine(rule.firstLook));
  const heldEffect = rule.effect === "block" || rule.blockWhen !== undefined;
  if (!heldSeverity && !heldEffect) return rule;
  const { blockWhen: _dropped, ...rest } = rule;
  return {
    ...rest,
    severity: heldSeverity ? (belowNoteLine(rule.firstLook) ? "info" : "warning") : rule.severity,
    effect: "friction",
    heldBack: {
      severity: rule.severity,
      effect: rule.effect ?? "friction",
      ...(rule.blockWhen ? { blockWhen: rule.blockWhen } : {}),
    },
  };
}

export function firstLookLine(f: FirstLook): string {
  const p = firstLookPrecision(f);
  return `${p === null ? "-" : `${Math.round(p * 100)}%`} over ${judgedOf(f)} findings read blind (${f.correct} correct, ${f.wrong} wrong, ${f.debatable} debatable; ${f.corpus})`;
}

/** The rule as its file writes it, before the gate: what its own cases test, so the logic held back stays right
 * for the day a round lifts it. */
export function asWritten(rule: Rule): Rule {
  if (!rule.heldBack) return rule;
  const { heldBack, ...rest } = rule;
  return {
    ...rest,
    severity: heldBack.severity,
    effect: heldBack.effect,
    ...(heldBack.blockWhen ? { blockWhen: heldBack.blockWhen } : {}),
  };
}
