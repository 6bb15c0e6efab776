// Workflow commands on stdout (annotations), escaped by GitHub's rules so text from the audited repo can
// neither end a command early nor start one of its own (pure).
import type { Finding } from "../index.js";
import { CATEGORIES } from "../model/finding.js";

/** Control characters other than CR and LF (which the escapes below carry) are shown, never obeyed. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(
    /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

/** A command's message: %, CR and LF escaped (as @actions/core's escapeData). */
export function escapeData(text: string): string {
  return visible(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: the message's escapes plus ':' and ',' (as @actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export type AnnotationLevel = "error" | "warning" | "notice";

/** `::error file=a,line=3,title=t::message`; properties in the order given, empty ones left out. */
export function workflowCommand(
  level: AnnotationLevel,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/** A line of the Action's own log: never starts with "::", so nothing in it is read as a command. */
export function logLine(text: string): string {
  return `repro-audit: ${escapeData(text)}`;
}

/** GitHub shows at most this many error and this many warning annotations of one step. */
const ANNOTATION_CAP = 10;

export interface AnnotationPlan {
  lines: string[];
  shown: { error: number; warning: number };
  /** Error and warning findings left out by the cap (they stay in the SARIF and the report). */
  left: { error: number; warning: number };
}

/** Where a finding's file lies in the workflow's repository: the audited folder's place in the workspace first. */
function repoPath(prefix: string, file: string): string {
  return prefix ? `${prefix}/${file}` : file;
}

function annotation(f: Finding, prefix: string, titles: ReadonlyMap<string, string>): string {
  const notebook = f.cell !== undefined;
  // A notebook's flattened line is no line of the .ipynb's JSON: the cell is named in the message instead.
  const where = notebook ? ` (cell ${f.cell! + 1}${f.cellLine !== undefined ? `, line ${f.cellLine}` : ""})` : "";
  const more =
    f.locations.length > 1 ? ` (and ${f.locations.length - 1} more place${f.locations.length === 2 ? "" : "s"})` : "";
  const title = titles.get(f.rule);
  return workflowCommand(
    f.severity === "error" ? "error" : "warning",
    {
      file: f.file === null ? undefined : repoPath(prefix, f.file),
      line: f.file !== null && !notebook && f.line !== null && f.line >= 1 ? f.line : undefined,
      title: title ? `${f.rule}: ${title}` : f.rule,
    },
    `${f.message}${where}${more}`,
  );
}

/** Category order, then file and line: the order the report lists findings of one severity in. */
function byPlace(a: Finding, b: Finding): number {
  const category = CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category);
  if (category !== 0) return category;
  const fa = a.file ?? "";
  const fb = b.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/** One annotation per error and warning finding, errors first, each kind capped at `cap`; info is not annotated. */
export function planAnnotations(
  findings: readonly Finding[],
  options: { prefix: string; titles: ReadonlyMap<string, string>; cap?: number },
): AnnotationPlan {
  const cap = options.cap ?? ANNOTATION_CAP;
  const errors = findings.filter((f) => f.severity === "error").sort(byPlace);
  const warnings = findings.filter((f) => f.severity === "warning").sort(byPlace);
  const shownErrors = errors.slice(0, cap);
  const shownWarnings = warnings.slice(0, cap);
  return {
    lines: [...shownErrors, ...shownWarnings].map((f) => annotation(f, options.prefix, options.titles)),
    shown: { error: shownErrors.length, warning: shownWarnings.length },
    left: { error: errors.length - shownErrors.length, warning: warnings.length - shownWarnings.length },
  };
}
