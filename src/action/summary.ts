// The job summary: the gate's verdict first, then the Markdown report, then what the annotations left out (pure).
import type { AnnotationPlan } from "./commands.js";
import type { TrustDecision } from "./trust.js";

export interface Gate {
  threshold: number;
  /** Where the threshold came from, in words ("input fail-under", "config ci.yml failUnder"). */
  source: string;
  /** The score the gate compared: the report's total, or the total without the baseline's findings. */
  score: number | null;
  withoutBaseline: boolean;
  failed: boolean;
}

export function judgeGate(threshold: { value: number; origin: string; source: string } | null | undefined, score: number | null, withoutBaseline: boolean): Gate | null {
  if (!threshold) return null;
  const source = threshold.origin === "flag" ? "input fail-under" : threshold.source;
  // A score that could not be assessed passes no threshold (as the CLI's --fail-under).
  return { threshold: threshold.value, source, score, withoutBaseline, failed: (score ?? 0) < threshold.value };
}

export interface WarningGate {
  limit: number;
  /** Where the limit came from, in words ("input max-warnings", "config ci.yml maxWarnings"). */
  source: string;
  /** Warnings that count: those not in the baseline. */
  warnings: number;
  failed: boolean;
}

export function judgeWarnings(limit: { value: number; origin: string; source: string } | null | undefined, warnings: number): WarningGate | null {
  if (!limit) return null;
  const source = limit.origin === "flag" ? "input max-warnings" : limit.source;
  return { limit: limit.value, source, warnings, failed: warnings > limit.value };
}

/** One sentence on the warnings gate, for the summary and the log. */
export function warningGateText(gate: WarningGate): string {
  const relation = gate.failed ? "more than" : "no more than";
  return `${plural(gate.warnings, "warning")}, ${relation} max-warnings ${gate.limit} (${gate.source})`;
}

/** The reasons the run failed its gates, each a sentence without its full stop. */
export function gateFailures(gate: Gate | null, warnings: WarningGate | null): string[] {
  return [gate?.failed ? gateText(gate) : "", warnings?.failed ? warningGateText(warnings) : ""].filter(Boolean);
}

/** The summary of a run that ended before a report: the reason, on one line. */
export function failureSummary(reason: string): string {
  return `**repro-audit failed:** ${reason.replace(/[\r\n]+/g, " ")}\n`;
}

const scoreText = (score: number | null) => (score === null ? "not assessed" : `${Math.round(score)}/100`);
const code = (text: string) => `\`${text.replace(/[`\r\n]/g, "")}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One sentence on the gate, for the summary and the log. */
export function gateText(gate: Gate): string {
  const which = gate.withoutBaseline ? "score without the baseline's findings" : "score";
  if (gate.score === null) return `the ${which} is not assessed, so it is below fail-under ${gate.threshold} (${gate.source})`;
  const relation = gate.failed ? "is below" : "meets";
  return `the ${which} ${scoreText(gate.score)} ${relation} fail-under ${gate.threshold} (${gate.source})`;
}

export interface SummaryParts {
  reportMarkdown: string;
  gate: Gate | null;
  warningGate: WarningGate | null;
  annotations: AnnotationPlan;
  /** Info findings, which are not annotated. */
  info: number;
  baseline: { file: string; known: number; score: number | null } | null;
  trust: TrustDecision;
  sarifPath: string;
}

export function summaryMarkdown(parts: SummaryParts): string {
  const lines: string[] = [];
  const failures = gateFailures(parts.gate, parts.warningGate);
  if (failures.length > 0) lines.push(`**repro-audit failed:** ${failures.join("; ")}.`, "");
  lines.push(parts.reportMarkdown.trimEnd(), "", "### This run", "");
  if (parts.gate && !parts.gate.failed) lines.push(`- Passed: ${gateText(parts.gate)}.`);
  if (parts.warningGate && !parts.warningGate.failed) lines.push(`- Passed: ${warningGateText(parts.warningGate)}.`);

  const { shown, left } = parts.annotations;
  const annotated = shown.error + shown.warning;
  lines.push(`- Annotations: ${annotated === 0 ? "none" : `${plural(shown.error, "error")} and ${plural(shown.warning, "warning")} on their lines`}` + (parts.baseline ? " (new findings only)." : "."));
  if (left.error + left.warning > 0) {
    const more = [left.error ? plural(left.error, "more error") : "", left.warning ? plural(left.warning, "more warning") : ""].filter(Boolean).join(" and ");
    lines.push(`- ${more[0]!.toUpperCase()}${more.slice(1)} (GitHub shows 10 of each kind per step) are in the SARIF file ${code(parts.sarifPath)} and in the findings above; upload it to see every one in code scanning.`);
  }
  if (parts.info > 0) lines.push(`- ${plural(parts.info, "info finding")} not annotated: see the findings above.`);
  if (parts.baseline) {
    lines.push(
      `- Baseline ${code(parts.baseline.file)}: ${plural(parts.baseline.known, "finding")} already known, neither annotated nor counted toward fail-under; score without them ${scoreText(parts.baseline.score)}.`,
    );
  }
  lines.push(`- Repository ${parts.trust.trusted ? "trusted" : "not trusted"}: ${parts.trust.why}${parts.trust.trusted ? " (its .repro-audit.yml and inline suppressions count)" : " (its own config may only describe the training)"}.`);
  return `${lines.join("\n")}\n`;
}
