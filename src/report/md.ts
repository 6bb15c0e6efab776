// GitHub-flavoured Markdown for job summaries and PR comments: score table, findings table, later stages.
import { CATEGORIES } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { STAGES } from "../model/report.js";
import {
  categoryScoreText,
  countBySeverity,
  duration,
  locationText,
  moreLocationsText,
  redactUrl,
  severitySummary,
  shortCommit,
  sortFindings,
  totalText,
} from "./format.js";
import { carbonMarkdown, environmentMarkdown, mdCode, mdText } from "./md-sections.js";
import type { RuleMeta } from "./rule-meta.js";

export interface MarkdownOptions {
  /** Rule titles and help links; findings of rules not listed show their id alone. */
  rules?: readonly RuleMeta[];
  /** Findings listed before the table is cut (PR comments hold 65,536 characters). Default 100. */
  maxFindings?: number;
  /** The heading's level (default 2), so a summary can nest under the caller's own heading. */
  headingLevel?: number;
}

function ruleCell(id: string, meta: RuleMeta | undefined): string {
  const code = mdCode(id);
  return meta?.helpUri && /^https:\/\//.test(meta.helpUri) ? `[${code}](${meta.helpUri.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)})` : code;
}

function table(head: string[], align: Array<"l" | "r">, rows: string[][]): string[] {
  const sep = align.map((a) => (a === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((row) => `| ${row.join(" | ")} |`);
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)));
  const sub = `${h}#`;
  const repo = report.repo;
  const lines: string[] = [`${h} repro-audit: ${totalText(report.score.total)}`, ""];

  const where =
    repo.kind === "folder"
      ? "plain folder (no commit)"
      : `commit ${mdCode(shortCommit(repo.commit))}${repo.ref ? ` (ref ${mdCode(repo.ref)})` : ""}`;
  const branches = repo.branches.length
    ? repo.branches.map((b) => mdCode(b.name) + (b.current ? " (current)" : "")).join(", ")
    : "none listed";
  const stages = STAGES.map((name) => {
    const s = report.stages[name];
    if (!s) return `${name} ?`;
    const secs = s.status === "ran" && s.seconds !== undefined ? ` ${duration(s.seconds)}` : "";
    return `${name} ${s.status}${secs}${s.reason ? ` (${mdText(s.reason)})` : ""}`;
  }).join(" · ");
  lines.push(`**Repository** ${mdText(redactUrl(repo.url))} · ${where}  `, `**Branches** ${branches}  `, `**Stages** ${stages}`, "");

  lines.push(`${sub} Score by category`, "");
  const scoreRows = CATEGORIES.map((category) => {
    const score = report.score.categories[category];
    if (!score?.assessed) {
      const reason = score?.reason ? ` (${mdText(score.reason)})` : "";
      return [category, `_not assessed_${reason}`, "–", "–", "–"];
    }
    const c = countBySeverity(report.findings.filter((f) => f.category === category));
    return [category, categoryScoreText(score), String(c.error), String(c.warning), String(c.info)];
  });
  lines.push(...table(["Category", "Score", "Errors", "Warnings", "Info"], ["l", "r", "r", "r", "r"], scoreRows), "");

  const sorted = sortFindings(report.findings);
  const max = Math.max(0, options.maxFindings ?? 100);
  const byId = new Map((options.rules ?? []).map((r) => [r.id, r]));
  lines.push(`${sub} Findings (${severitySummary(countBySeverity(sorted))})`, "");
  if (sorted.length) {
    const rows = sorted
      .slice(0, max)
      .map((f) => [f.severity === "error" ? "**error**" : f.severity, f.file === null ? "_whole repository_" : mdCode(locationText(f)), mdText(f.message + moreLocationsText(f)), ruleCell(f.rule, byId.get(f.rule))]);
    lines.push(...table(["Severity", "Location", "Message", "Rule"], ["l", "l", "l", "l"], rows), "");
    if (sorted.length > max) lines.push(`_… and ${sorted.length - max} more findings: see the JSON or SARIF report._`, "");
  }

  if (report.environment) lines.push(`${sub} Environment`, "", ...environmentMarkdown(report.environment), "");
  if (report.carbon) lines.push(`${sub} Carbon`, "", ...carbonMarkdown(report.carbon), "");
  if (report.notes.length) lines.push(`${sub} Notes`, "", ...report.notes.map((n) => `- ${mdText(n)}`), "");
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
