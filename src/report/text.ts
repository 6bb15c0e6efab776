// The terminal report: repo and stages, the score by area and category, every error first and then each
// category's warnings and info (each with its fix), the later stages, what was suppressed, the score explained.
import type { Finding, Severity } from "../model/finding.js";
import type { Report, StageStatus } from "../model/report.js";
import { AREAS, presentStages } from "../model/report.js";
import { paint, type Paint } from "./ansi.js";
import {
  categoryScoreText,
  columns,
  countBySeverity,
  gateScoreText,
  duration,
  findingSections,
  locationText,
  moreLocationsText,
  num,
  oneLineText,
  planNote,
  planText,
  redactUrl,
  safeText,
  severitySummary,
  shortCommit,
  totalText,
} from "./format.js";
import { carbonLines, environmentLines } from "./text-sections.js";
import { suppressionLines } from "./suppression-lines.js";

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
    repo.kind === "folder"
      ? "none (plain folder)"
      : `${shortCommit(repo.commit)}${repo.ref ? `  (ref ${repo.ref})` : ""}`;
  const names = repo.branches.slice(0, maxBranches).map((b) => (b.current ? `${b.name} (current)` : b.name));
  if (repo.branches.length > maxBranches) names.push(`and ${repo.branches.length - maxBranches} more`);
  const rows = [
    ["repo", redactUrl(repo.url)],
    ["commit", commit],
    ["branches", names.length ? names.join(", ") : "none listed"],
    [
      "stages",
      presentStages(report)
        .map((name) => stageText(name, report.stages[name]))
        .join(" · "),
    ],
    ...(report.plan ? [["rerun plan", oneLineText(planText(report.plan))]] : []),
  ];
  return [
    `${p.bold("repro-audit")} ${report.tool.version}  reproducibility audit`,
    ...columns(rows).map(([label = "", value = ""]) => `  ${p.dim(label)}  ${safeText(value)}`),
  ];
}

function scoreLines(report: Report, p: Paint): string[] {
  const total = report.score.total;
  const lines = [`${p.bold("Score")}  ${scoreColour(p, total)(p.bold(totalText(total)))}`];
  const gate = gateScoreText(report);
  if (gate) lines.push(`${p.dim("gate score")}  ${safeText(gate)}`);
  lines.push("");
  const rows: string[][] = [];
  const colours: Array<number | null> = [];
  for (const area of AREAS) {
    const a = report.score.areas?.[area];
    if (!a) continue;
    const blocked = a.blockedBy.length ? `blocked by ${a.blockedBy.join(", ")}` : "";
    rows.push([area, a.assessed && a.points !== null ? `${num(a.points)}/${a.of}` : "not assessed", blocked]);
    colours.push(a.assessed && a.points !== null ? (100 * a.points) / a.of : null);
    for (const category of a.categories) {
      const score = report.score.categories[category];
      const mine = report.findings.filter((f) => f.category === category);
      const detail = !score?.assessed
        ? score?.reason
          ? oneLineText(score.reason)
          : ""
        : severitySummary(countBySeverity(mine));
      rows.push([`  ${category}`, categoryScoreText(score), detail]);
      colours.push(score?.assessed ? score.score : null);
    }
  }
  columns(rows, [false, true, false]).forEach(([name = "", scoreText = "", detail = ""], i) => {
    const isArea = !name.startsWith(" ");
    const label = isArea ? p.bold(name) : name;
    lines.push(`  ${label}  ${scoreColour(p, colours[i] ?? null)(scoreText)}  ${p.dim(safeText(detail))}`.trimEnd());
  });
  return lines;
}

function findingLine(finding: Finding, p: Paint, showCategory: boolean): string[] {
  const severity = severityColour(p, finding.severity)(finding.severity.padEnd(7));
  const note = planNote(finding);
  const message =
    safeText(oneLineText(finding.message)) +
    moreLocationsText(finding) +
    (note ? p.dim(` (${safeText(oneLineText(note))})`) : "");
  const tag = showCategory ? `${finding.category}: ` : "";
  const mark = finding.baseline === "unchanged" ? p.dim(" (in baseline)") : "";
  const lines = [`  ${severity}  ${safeText(locationText(finding))}  ${tag}${message}${mark}  ${p.dim(finding.rule)}`];
  if (finding.fix) lines.push(`           ${p.dim("fix:")} ${safeText(oneLineText(finding.fix))}`);
  return lines;
}

function findingLines(report: Report, p: Paint): string[] {
  const counts = countBySeverity(report.findings);
  const lines = [`${p.bold("Findings")}  ${severitySummary(counts)}`];
  const { errors, rest } = findingSections(report.findings);
  if (errors.length) {
    lines.push("", p.bold(`errors (${errors.length})`));
    for (const finding of errors) lines.push(...findingLine(finding, p, true));
  }
  for (const [category, list] of rest) {
    lines.push("", p.bold(category));
    for (const finding of list) lines.push(...findingLine(finding, p, false));
  }
  const hidden = report.suppressions?.hidden;
  if (hidden && hidden.warning + hidden.info > 0)
    lines.push("", p.dim(`--quiet: ${hidden.warning} warning(s) and ${hidden.info} info not shown`));
  return lines;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const p = paint(options.color ?? true);
  const blocks: string[][] = [
    headerLines(report, p, options.maxBranches ?? 20),
    scoreLines(report, p),
    findingLines(report, p),
  ];
  if (report.environment) blocks.push(environmentLines(report.environment, p));
  if (report.carbon) blocks.push(carbonLines(report.carbon, p));
  const quieted = suppressionLines(report.suppressions);
  if (quieted.length) blocks.push([p.bold("Suppressions"), ...quieted.map((line) => `  ${safeText(line)}`)]);
  if (report.score.explanation?.length)
    blocks.push([p.bold("Score explained"), ...report.score.explanation.map((line) => `  ${safeText(line)}`)]);
  if (report.notes.length)
    blocks.push([p.bold("Notes"), ...report.notes.map((note) => `  - ${safeText(oneLineText(note))}`)]);
  return `${blocks.map((block) => block.join("\n")).join("\n\n")}\n`;
}
