// The terminal report: repo and stages, the score per category, findings by category, then the later stages.
import { CATEGORIES, type Finding, type Severity } from "../model/finding.js";
import type { Report, StageStatus } from "../model/report.js";
import { STAGES } from "../model/report.js";
import { paint, type Paint } from "./ansi.js";
import {
  categoryScoreText,
  columns,
  countBySeverity,
  duration,
  groupByCategory,
  locationText,
  moreLocationsText,
  oneLineText,
  redactUrl,
  safeText,
  severitySummary,
  shortCommit,
  totalText,
} from "./format.js";
import { carbonLines, environmentLines } from "./text-sections.js";

export interface TextOptions {
  /** ANSI colour; the CLI passes false for NO_COLOR or when stdout is not a terminal. Default true. */
  color?: boolean;
  /** At most this many branches are named in the header (default 20). */
  maxBranches?: number;
}

function scoreColour(p: Paint, score: number | null): (text: string) => string {
  if (score === null) return p.dim;
  return score >= 80 ? p.green : score >= 50 ? p.yellow : p.red;
}

function severityColour(p: Paint, severity: Severity): (text: string) => string {
  return severity === "error" ? p.red : severity === "warning" ? p.yellow : p.cyan;
}

function stageText(name: string, stage: StageStatus | undefined): string {
  if (!stage) return `${name} ?`;
  const seconds = stage.status === "ran" && stage.seconds !== undefined ? ` ${duration(stage.seconds)}` : "";
  const reason = stage.reason ? ` (${oneLineText(stage.reason)})` : "";
  return `${name} ${stage.status}${seconds}${reason}`;
}

function headerLines(report: Report, p: Paint, maxBranches: number): string[] {
  const repo = report.repo;
  const commit =
    repo.kind === "folder" ? "none (plain folder)" : `${shortCommit(repo.commit)}${repo.ref ? `  (ref ${repo.ref})` : ""}`;
  const names = repo.branches.slice(0, maxBranches).map((b) => (b.current ? `${b.name} (current)` : b.name));
  if (repo.branches.length > maxBranches) names.push(`and ${repo.branches.length - maxBranches} more`);
  const rows = [
    ["repo", redactUrl(repo.url)],
    ["commit", commit],
    ["branches", names.length ? names.join(", ") : "none listed"],
    ["stages", STAGES.map((name) => stageText(name, report.stages[name])).join(" · ")],
  ];
  return [
    `${p.bold("repro-audit")} ${report.tool.version}  reproducibility audit`,
    ...columns(rows).map(([label = "", value = ""]) => `  ${p.dim(label)}  ${safeText(value)}`),
  ];
}

function scoreLines(report: Report, p: Paint): string[] {
  const total = report.score.total;
  const lines = [`${p.bold("Score")}  ${scoreColour(p, total)(p.bold(totalText(total)))}`, ""];
  const scores = CATEGORIES.map((category) => report.score.categories[category]);
  const rows = CATEGORIES.map((category, i) => {
    const score = scores[i];
    const mine = report.findings.filter((f) => f.category === category);
    const detail = !score?.assessed ? (score?.reason ? oneLineText(score.reason) : "") : severitySummary(countBySeverity(mine));
    return [category, categoryScoreText(score), detail];
  });
  columns(rows, [false, true, false]).forEach(([name = "", scoreText = "", detail = ""], i) => {
    const score = scores[i];
    const value = score?.assessed ? score.score : null;
    lines.push(`  ${name}  ${scoreColour(p, value)(scoreText)}  ${p.dim(safeText(detail))}`.trimEnd());
  });
  return lines;
}

function findingLine(finding: Finding, p: Paint): string {
  const severity = severityColour(p, finding.severity)(finding.severity.padEnd(7));
  const message = safeText(oneLineText(finding.message)) + moreLocationsText(finding);
  return `  ${severity}  ${safeText(locationText(finding))}  ${message}  ${p.dim(finding.rule)}`;
}

function findingLines(report: Report, p: Paint): string[] {
  const counts = countBySeverity(report.findings);
  const lines = [`${p.bold("Findings")}  ${severitySummary(counts)}`];
  for (const [category, list] of groupByCategory(report.findings)) {
    lines.push("", p.bold(category));
    for (const finding of list) lines.push(findingLine(finding, p));
  }
  return lines;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const p = paint(options.color ?? true);
  const blocks: string[][] = [headerLines(report, p, options.maxBranches ?? 20), scoreLines(report, p), findingLines(report, p)];
  if (report.environment) blocks.push(environmentLines(report.environment, p));
  if (report.carbon) blocks.push(carbonLines(report.carbon, p));
  if (report.notes.length) blocks.push([p.bold("Notes"), ...report.notes.map((note) => `  - ${safeText(oneLineText(note))}`)]);
  return `${blocks.map((block) => block.join("\n")).join("\n\n")}\n`;
}
