// The job summary: the gates' verdict first, then the Markdown report, then what the annotations left out (pure).
import type { Verdict } from "../evaluate/finish.js";
import type { Suppressions } from "../model/report.js";
import type { AnnotationPlan } from "./commands.js";
import type { TrustDecision } from "./trust.js";

/** The summary of a run that ended before a report: the reason, on one line. */
export function failureSummary(reason: string): string {
  return `**repro-audit failed:** ${reason.replace(/[\r\n]+/g, " ")}\n`;
}

const scoreText = (score: number | null) => (score === null ? "not assessed" : `${Math.round(score)}/100`);
const code = (text: string) => `\`${text.replace(/[`\r\n]/g, "")}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface SummaryParts {
  reportMarkdown: string;
  verdict: Verdict;
  annotations: AnnotationPlan;
  /** Info findings, which are not annotated. */
  info: number;
  baseline: NonNullable<Suppressions["baseline"]> | null;
  trust: TrustDecision;
  sarifPath: string;
}

export function summaryMarkdown(parts: SummaryParts): string {
  const lines: string[] = [];
  const failed = parts.verdict.checks.filter((c) => c.failed);
  if (failed.length) lines.push(`**repro-audit failed:** ${failed.map((c) => c.text).join("; ")}.`, "");
  lines.push(parts.reportMarkdown.trimEnd(), "", "### This run", "");
  for (const check of parts.verdict.checks) if (!check.failed) lines.push(`- Passed: ${check.text}.`);

  const { shown, left } = parts.annotations;
  const annotated = shown.error + shown.warning;
  lines.push(
    `- Annotations: ${annotated === 0 ? "none" : `${plural(shown.error, "error")} and ${plural(shown.warning, "warning")} on their lines`}` +
      (parts.baseline ? " (new findings only)." : "."),
  );
  if (left.error + left.warning > 0) {
    const more = [
      left.error ? plural(left.error, "more error") : "",
      left.warning ? plural(left.warning, "more warning") : "",
    ]
      .filter(Boolean)
      .join(" and ");
    lines.push(
      `- ${more[0]!.toUpperCase()}${more.slice(1)} (GitHub shows 10 of each kind per step) are in the SARIF file ${code(parts.sarifPath)} and in the findings above; upload it to see every one in code scanning.`,
    );
  }
  if (parts.info > 0) lines.push(`- ${plural(parts.info, "info finding")} not annotated: see the findings above.`);
  if (parts.baseline) {
    lines.push(
      `- Baseline ${code(parts.baseline.file)}: ${plural(parts.baseline.unchanged, "finding")} already known, neither annotated nor counted by the gates; the gate's score ${scoreText(parts.baseline.gateScore ?? null)}.`,
    );
  }
  lines.push(
    `- Repository ${parts.trust.trusted ? "trusted" : "not trusted"}: ${parts.trust.why}${parts.trust.trusted ? " (its .repro-audit.yml and inline suppressions count)" : " (its own config may only describe the training)"}.`,
  );
  return `${lines.join("\n")}\n`;
}
