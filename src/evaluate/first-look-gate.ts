// A rule earns error severity and the power to block by its first-look precision on real repos read blind
// (ESLint's `recommended` discipline, with a number behind it): below the gate it is held to a friction warning
// until a later round lifts it; a rule wrong or trivial more often than right (under the note line) is held to a
// note: its findings are listed and cost their friction points, but a warning a reader would mostly dismiss
// teaches users to ignore warnings. Only a conclusive finding on the rerun plan can be an error or block, so the
// gate reads the rule's figures for those findings where enough were judged, not its whole (off-plan findings of
// earlier rounds say little about them). Pure.
import { figuresFor, judgedOf, precisionOf, type Grade, type Judged } from "./finding-trust.js";
import type { Rule } from "./rule.js";

/** Precision C / (C + W + D) a rule needs, over at least `minJudged` judged findings, to be an error or block. */
export const FIRST_LOOK_GATE = { precision: 0.9, minJudged: 10 } as const;

/** Under this precision, over at least `minJudged` judged findings, a rule's findings are notes (info). */
export const FIRST_LOOK_NOTE = { precision: 0.5, minJudged: 20 } as const;

export interface FirstLook extends Judged {
  /** The rounds and repos behind the figures. */
  corpus: string;
  /** The same labels split by the finding's plan grade and evidence, as each round's reports stored them. */
  byGrade?: Partial<Record<Grade, Judged>>;
}

/** The grade the gate governs: only a conclusive finding on the plan keeps an error or blocks. */
const GATED: Grade = "on-conclusive";

/** The figures the gate reads: those of the findings it governs where at least `minJudged` of them were judged,
 * else the rule's whole. */
const gateFigures = (f: FirstLook | undefined) =>
  f ? figuresFor(f, f.byGrade, GATED, FIRST_LOOK_GATE.minJudged) : undefined;

/** True when the figures are enough to say the rule is not yet precise enough to be an error or block. */
export function belowGate(f: FirstLook | undefined): boolean {
  const g = gateFigures(f);
  return g !== undefined && (precisionOf(g) ?? 0) < FIRST_LOOK_GATE.precision;
}

/** True when the figures say the rule is more often wrong or trivial than right: its findings are notes. The
 * note line needs its own minimum of the rule's judged findings in all, then reads the gate's figures. */
function belowNoteLine(f: FirstLook | undefined): boolean {
  const g = gateFigures(f);
  if (!f || g === undefined || judgedOf(f) < FIRST_LOOK_NOTE.minJudged) return false;
  return (precisionOf(g) ?? 0) < FIRST_LOOK_NOTE.precision;
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

const percent = (t: Judged) => {
  const p = precisionOf(t);
  return p === null ? "-" : `${Math.round(p * 100)}%`;
};

export function firstLookLine(f: FirstLook): string {
  const whole = `${percent(f)} over ${judgedOf(f)} findings read blind (${f.correct} correct, ${f.wrong} wrong, ${f.debatable} debatable; ${f.corpus})`;
  const on = f.byGrade?.[GATED];
  if (!on || judgedOf(on) === 0) return whole;
  const used = judgedOf(on) >= FIRST_LOOK_GATE.minJudged ? ", the figure the gate reads" : "";
  return `${whole}; conclusive on the rerun plan: ${percent(on)} over ${judgedOf(on)} (${on.correct} correct, ${on.wrong} wrong, ${on.debatable} debatable${used})`;
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
