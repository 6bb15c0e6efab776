// GitHub-flavoured Markdown for job summaries and PR comments: the score by area, every error first (across
// categories), then one <details> per category for its warnings and info; file links point at the exact
// line at the audited commit when the repo is on GitHub; the cap drops info before warnings before errors.
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { AREAS, presentStages } from "../model/report.js";
import {
  blobUrl,
  capSections,
  categoryScoreText,
  countBySeverity,
  duration,
  findingSections,
  locationText,
  moreLocationsText,
  num,
  planNote,
  planText,
  redactUrl,
  severitySummary,
  shortCommit,
  totalText,
  gateScoreText,
} from "./format.js";
import { carbonMarkdown, environmentMarkdown, mdCode, mdText } from "./md-sections.js";
import { ruleMetaOf, type RuleMeta } from "./rule-meta.js";
import { suppressionLines } from "./suppression-lines.js";

export interface MarkdownOptions {
  /** Rule titles and help links beyond those the report carries. */
  rules?: readonly RuleMeta[];
  /** Findings listed in all (PR comments hold 65,536 characters); errors are kept first. Default 100. */
  maxFindings?: number;
  /** The heading's level (default 2), so a summary can nest under the caller's own heading. */
  headingLevel?: number;
}

const safeHref = (url: string) =>
  url.replace(/[()\s<>"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

function ruleCell(id: string, meta: RuleMeta | undefined): string {
  const code = mdCode(id);
  return meta?.helpUri && /^https:\/\//.test(meta.helpUri) ? `[${code}](${safeHref(meta.helpUri)})` : code;
}

function table(head: string[], align: Array<"l" | "r">, rows: string[][]): string[] {
  const sep = align.map((a) => (a === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((row) => `| ${row.join(" | ")} |`);
}

function locationCell(report: Report, f: Finding): string {
  if (f.file === null) return "_whole repository_";
  const text = mdCode(locationText(f));
  const url = blobUrl(report.repo.webUrl, report.repo.commit, f, report.repo.subfolder);
  return url ? `[${text}](${safeHref(url)})` : text;
}

function messageCell(f: Finding): string {
  const note = planNote(f);
  const plan = note ? ` _(${mdText(note)})_` : "";
  const baseline = f.baseline === "unchanged" ? " _(in baseline)_" : "";
  const fix = f.fix ? `<br>**Fix:** ${mdText(f.fix)}` : "";
  return `${mdText(f.message + moreLocationsText(f))}${plan}${baseline}${fix}`;
}

function scoreTable(report: Report): string[] {
  const rows: string[][] = [];
  for (const area of AREAS) {
    const a = report.score.areas?.[area];
    if (!a) continue;
    const points = a.assessed && a.points !== null ? `${num(a.points)} / ${a.of}` : "_not assessed_";
    const blocked = a.blockedBy.length ? `blocked by ${a.blockedBy.map(mdCode).join(", ")}` : "";
    const categories = a.categories
      .map((c) => {
        const s = report.score.categories[c];
        return `${c} ${s?.assessed ? categoryScoreText(s) : "_not assessed_"}`;
      })
      .join(", ");
    rows.push([area, points, blocked, categories]);
  }
  return table(["Area", "Points", "", "Categories (0-100)"], ["l", "r", "l", "l"], rows);
}

function findingRows(
  report: Report,
  list: readonly Finding[],
  byId: Map<string, RuleMeta>,
  withSeverity: boolean,
): string[] {
  const head = withSeverity ? ["Severity", "Location", "Message", "Rule"] : ["Location", "Category", "Message", "Rule"];
  const rows = list.map((f) =>
    withSeverity
      ? [f.severity, locationCell(report, f), messageCell(f), ruleCell(f.rule, byId.get(f.rule))]
      : [locationCell(report, f), f.category, messageCell(f), ruleCell(f.rule, byId.get(f.rule))],
  );
  return table(head, ["l", "l", "l", "l"], rows);
}

function findingsMarkdown(report: Report, options: MarkdownOptions, sub: string): string[] {
  const byId = ruleMetaOf(report, options.rules);
  const sections = findingSections(report.findings);
  const { kept, left } = capSections(sections, options.maxFindings ?? 100);
  const lines = [`${sub} Findings (${severitySummary(countBySeverity(report.findings))})`, ""];
  if (sections.errors.length) {
    lines.push(`**Errors (${sections.errors.length})**`, "", ...findingRows(report, kept.errors, byId, false), "");
  }
  for (const [category, all] of sections.rest) {
    const shown = kept.rest.find(([c]) => c === category)?.[1] ?? [];
    const score = report.score.categories[category];
    const summary = `<b>${category}</b>: ${score?.assessed ? categoryScoreText(score) : "not assessed"} · ${severitySummary(countBySeverity(all))}`;
    lines.push(`<details><summary>${summary}</summary>`, "");
    if (shown.length) {
      for (const row of findingRows(report, shown, byId, true)) lines.push(row);
      lines.push("");
    }
    if (shown.length < all.length)
      lines.push(`_${all.length - shown.length} more in this category: see the JSON or SARIF report._`, "");
    lines.push("</details>", "");
  }
  const cut = left.error + left.warning + left.info;
  if (cut > 0)
    lines.push(
      `_${cut} finding(s) not listed (${severitySummary(left)}) to keep this report short: see the JSON or SARIF report._`,
      "",
    );
  return lines;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)));
  const sub = `${h}#`;
  const repo = report.repo;
  const lines: string[] = [`${h} repro-audit: ${totalText(report.score.total)}`, ""];
  const gate = gateScoreText(report);
  if (gate) lines.push(`**Gate score** ${mdText(gate)}`, "");

  const commit = mdCode(shortCommit(repo.commit));
  const commitLink =
    repo.webUrl && repo.commit ? `[${commit}](${safeHref(`${repo.webUrl}/tree/${repo.commit}`)})` : commit;
  const where =
    repo.kind === "folder"
      ? "plain folder (no commit)"
      : `commit ${commitLink}${repo.ref ? ` (ref ${mdCode(repo.ref)})` : ""}`;
  const branches = repo.branches.length
    ? repo.branches.map((b) => mdCode(b.name) + (b.current ? " (current)" : "")).join(", ")
    : "none listed";
  const stages = presentStages(report)
    .map((name) => {
      const s = report.stages[name];
      if (!s) return `${name} ?`;
      const secs = s.status === "ran" && s.seconds !== undefined ? ` ${duration(s.seconds)}` : "";
      return `${name} ${s.status}${secs}${s.reason ? ` (${mdText(s.reason)})` : ""}`;
    })
    .join(" · ");
  lines.push(
    `**Repository** ${mdText(redactUrl(repo.url))} · ${where}  `,
    `**Branches** ${branches}  `,
    `**Stages** ${stages}${report.plan ? "  " : ""}`,
  );
  if (report.plan) lines.push(`**Rerun plan** ${mdText(planText(report.plan))}`);
  lines.push("");

  lines.push(`${sub} Score`, "", ...scoreTable(report), "");
  for (const item of findingsMarkdown(report, options, sub)) lines.push(item);

  if (report.environment) lines.push(`${sub} Environment`, "", ...environmentMarkdown(report.environment), "");
  if (report.carbon) lines.push(`${sub} Carbon`, "", ...carbonMarkdown(report.carbon), "");
  const quieted = suppressionLines(report.suppressions);
  if (quieted.length)
    lines.push(
      `${sub} Suppressions`,
      "",
      ...quieted.map((l) => `${l.startsWith("  ") ? "  " : ""}- ${mdText(l.trim())}`),
      "",
    );
  if (report.score.explanation?.length)
    lines.push(
      `${sub} Score explained`,
      "",
      "```",
      ...report.score.explanation.map((l) => l.replace(/`/g, "'")),
      "```",
      "",
    );
  if (report.notes.length) lines.push(`${sub} Notes`, "", ...report.notes.map((n) => `- ${mdText(n)}`), "");
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
