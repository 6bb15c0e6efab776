// Formatting shared by the renderers: locations, ordering, numbers and durations, untrusted text.
import { CATEGORIES, type Category, type Finding, type Severity } from "../model/finding.js";
import type { CategoryScore, PlanSection, Report } from "../model/report.js";
import { printable } from "../model/printable.js";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Where a finding points, for people. Notebook cells are counted from 1 over all cells, as a reader
 * scrolling the notebook counts them (the report's JSON keeps the 0-based index). */
export function locationText(finding: Finding): string {
  if (finding.file === null) return "(repository)";
  if (finding.cell !== undefined) {
    const line = finding.cellLine !== undefined ? ` line ${finding.cellLine}` : "";
    return `${finding.file} cell ${finding.cell + 1}${line}`;
  }
  return finding.line !== null ? `${finding.file}:${finding.line}` : finding.file;
}

/** " (and 4 more places)" for a finding that groups several occurrences; "" for one. */
export function moreLocationsText(finding: Finding): string {
  const more = (finding.locations?.length ?? 0) - 1;
  return more > 0 ? ` (and ${more} more place${more === 1 ? "" : "s"})` : "";
}

/** The rerun plan the findings were graded by, in one line (words from the repo unescaped: each renderer escapes). */
export function planText(plan: PlanSection): string {
  if (!plan.collected) return `not collected (${plan.reason}): findings graded as their rules are written`;
  if (!plan.found)
    return `none found (${plan.what ?? "no step runs a file of the repo"}): findings in code are a warning at most and never block`;
  const steps = `${plan.steps.length} step${plan.steps.length === 1 ? "" : "s"}`;
  return `${steps} from the ${plan.basis}, reaching ${plan.reached} code file${plan.reached === 1 ? "" : "s"}`;
}

/** Why the rerun plan set a finding aside, in a few words ("" for a conclusive finding on the plan, or one
 * graded without a plan): off the plan its reason; else "unconfirmed" or "plan unknown"; and what the first-look
 * gate held back, where it did. */
export function planNote(finding: Finding): string {
  const held = finding.heldBack;
  const heldText = held
    ? `held back by the first-look gate: ${held.severity === "error" ? "an" : "a"} ${held.severity} as written${held.blocks ? ", blocking" : ""}`
    : "";
  return [placeNote(finding), heldText].filter((x) => x !== "").join("; ");
}

function placeNote(finding: Finding): string {
  if (finding.plan === "off") return finding.planReason ?? "not on the rerun path";
  if (finding.plan === "unknown") return "plan unknown";
  if (finding.plan === "on" && finding.evidence === "unconfirmed") return "unconfirmed";
  return "";
}

/** Category order, then severity, then file and line: the order every renderer lists findings in. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding): number[] => [CATEGORIES.indexOf(f.category), SEVERITY_ORDER.indexOf(f.severity)];
  return [...findings].sort((a, b) => {
    const [ca = 0, sa = 0] = rank(a);
    const [cb = 0, sb = 0] = rank(b);
    if (ca !== cb) return ca - cb;
    if (sa !== sb) return sa - sb;
    const fa = a.file ?? "";
    const fb = b.file ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.line ?? 0;
    const lb = b.line ?? 0;
    if (la !== lb) return la - lb;
    return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  });
}

/** How every renderer lays findings out: every error first, across categories (in category order), then each
 * category's warnings and info. */
export interface FindingSections {
  errors: Finding[];
  rest: Array<[Category, Finding[]]>;
}

export function findingSections(findings: readonly Finding[]): FindingSections {
  const sorted = sortFindings(findings);
  return {
    errors: sorted.filter((f) => f.severity === "error"),
    rest: groupByCategory(sorted.filter((f) => f.severity !== "error")),
  };
}

/** At most `max` findings, chosen by severity so an error is never dropped to show a warning (nor a warning
 * to show info); within a severity, in the order shown. Returns what is kept and how many of each were left. */
export function capSections(
  sections: FindingSections,
  max: number,
): { kept: FindingSections; left: Record<Severity, number> } {
  let budget = Math.max(0, max);
  const left: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const take = (list: readonly Finding[]): Finding[] => {
    const kept = list.slice(0, budget);
    budget -= kept.length;
    for (const f of list.slice(kept.length)) left[f.severity]++;
    return kept;
  };
  const errors = take(sections.errors);
  const keptRest = new Map<Category, Finding[]>();
  for (const severity of ["warning", "info"] as const) {
    for (const [category, list] of sections.rest)
      keptRest.set(category, [...(keptRest.get(category) ?? []), ...take(list.filter((f) => f.severity === severity))]);
  }
  const rest = sections.rest
    .map(([category]): [Category, Finding[]] => [category, keptRest.get(category) ?? []])
    .filter(([, list]) => list.length > 0);
  return { kept: { errors, rest }, left };
}

/** Where a finding's primary place is on GitHub: a blob URL at the audited commit, the line anchored
 * (notebooks: the file, their flattened line is no line of the .ipynb); null when the repo is not there. */
export function blobUrl(
  webUrl: string | undefined,
  commit: string | null,
  finding: Pick<Finding, "file" | "line" | "cell">,
  subfolder?: string,
): string | null {
  if (!webUrl || !commit || finding.file === null) return null;
  const path = (subfolder ? `${subfolder}/${finding.file}` : finding.file)
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  const line = finding.cell === undefined && finding.line !== null ? `#L${finding.line}` : "";
  return `${webUrl}/blob/${commit}/${path}${line}`;
}

function groupByCategory(findings: readonly Finding[]): Array<[Category, Finding[]]> {
  const sorted = sortFindings(findings);
  return CATEGORIES.map((category): [Category, Finding[]] => [
    category,
    sorted.filter((f) => f.category === category),
  ]).filter(([, list]) => list.length > 0);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** A category's score for people: a number only when assessed, never a default 100. */
export function categoryScoreText(score: CategoryScore | undefined): string {
  if (!score || !score.assessed || score.score === null) return "not assessed";
  return String(Math.round(score.score));
}

export function totalText(total: number | null): string {
  return total === null ? "not assessed" : `${Math.round(total)}/100`;
}

/** With a baseline, the score the gates compare and how it follows from the total; null without one. */
export function gateScoreText(report: Pick<Report, "score" | "suppressions">): string | null {
  const b = report.suppressions?.baseline;
  if (!b) return null;
  if (b.gateScore === undefined)
    return b.totalWithoutThem === undefined
      ? null
      : `${totalText(b.totalWithoutThem)} (the new findings alone, as an earlier version scored it)`;
  if (b.gateScore === null) return "not assessed";
  return `${totalText(b.gateScore)} = ${totalText(report.score.total)} + ${num(b.accepted ?? 0)} points the baseline accepted (${b.unchanged} finding(s) already in ${b.file})`;
}

export function shortCommit(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 12) : "none";
}

/** Three significant figures without exponents: 0.0123, 1.23, 12.3, 1234. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "?";
  const abs = Math.abs(value);
  if (Number.isInteger(value)) return String(value);
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  const digits = Math.min(8, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(digits).replace(/0+$/, "");
}

/** 42.3 s, 3 min 12 s, 5 h 25 min: a duration a person reads at a glance. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  return `${m} min ${String(s).padStart(2, "0")} s`;
}

/** 1:02:05, as CarbonTracker prints times. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** Text from the audited repo may hold terminal escapes and bidi controls; show them instead of obeying them. */
export function safeText(text: string): string {
  return printable(text, { keepLines: true });
}

/** One line: newlines and tabs become spaces (messages are single-line in every format). */
export function oneLineText(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ");
}

/** Pad each column to its widest cell (plain text; colour after padding so widths stay true). */
export function columns(rows: readonly string[][], rightAligned: readonly boolean[] = []): string[][] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row.map((cell, i) => {
      const last = i === row.length - 1;
      if (rightAligned[i]) return cell.padStart(widths[i] ?? 0);
      return last ? cell : cell.padEnd(widths[i] ?? 0);
    }),
  );
}

/** "2 errors, 1 warning, 3 info": counts that are zero are left out. */
export function severitySummary(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.error) parts.push(`${counts.error} error${counts.error === 1 ? "" : "s"}`);
  if (counts.warning) parts.push(`${counts.warning} warning${counts.warning === 1 ? "" : "s"}`);
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.length ? parts.join(", ") : "none";
}

/** A clone URL may carry credentials (https://user:token@host/...); a report never shows them. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

/** The noun for a count: "1 team", "2 teams", "1 entry", "3 entries". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** Where a factor's value comes from, its origin named once: "default" rather than "default: default". */
export function factorSource(f: { origin: string; source: string }): string {
  return f.source === f.origin || f.source === "" ? f.origin : `${f.origin}: ${f.source}`;
}
