// Labels against findings, by rule, file and line (any of a grouped finding's locations), never by the
// message's wording. Pure.
import type { DefectKind, DefectLabel, FindingLabel, Place } from "./labels.js";

export interface BenchLocation {
  file: string | null;
  line?: number | null;
  cell?: number;
  cellLine?: number;
}

/** The part of a report finding the bench reads; `locations` is there once findings group occurrences. */
export interface BenchFinding extends BenchLocation {
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  values?: Record<string, unknown>;
  locations?: BenchLocation[];
}

/** Which rules can find a defect of each kind: rule ids, or prefixes ending in "-". */
export const KIND_RULES: Record<DefectKind, string[]> = {
  "machine-path": ["paths-"],
  "missing-script": ["instructions-references-exist"],
  "undeclared-package": ["requirements-imports-declared"],
  "py3-syntax": ["code-syntax-valid", "code-python3-compatible"],
};

export function ruleFindsKind(rule: string, kind: DefectKind): boolean {
  return KIND_RULES[kind].some((r) => (r.endsWith("-") ? rule.startsWith(r) : rule === r));
}

/** Every place a finding points at: its locations when it has them, else its own file and line. */
export function placesOf(finding: BenchFinding): BenchLocation[] {
  const own: BenchLocation = {
    file: finding.file,
    line: finding.line ?? null,
    cell: finding.cell,
    cellLine: finding.cellLine,
  };
  return finding.locations && finding.locations.length > 0 ? finding.locations : [own];
}

/** A label's place and a finding's location are the same: file, and line or cell/cellLine. */
export function samePlace(label: Place, loc: BenchLocation): boolean {
  if ((label.file ?? null) !== (loc.file ?? null)) return false;
  if (label.cell !== undefined) return loc.cell === label.cell && loc.cellLine === label.cellLine;
  return (label.line ?? null) === (loc.line ?? null);
}

function holdsHint(finding: BenchFinding, hint: string | undefined): boolean {
  if (hint === undefined) return true;
  const text = (finding.message + " " + JSON.stringify(finding.values ?? {})).toLowerCase();
  return text.includes(hint.toLowerCase());
}

/** The findings of `rule` (or of a rule accepted by `ruleOk`) at the label's place. */
export function findingsAt(
  label: Place,
  findings: readonly BenchFinding[],
  ruleOk: (rule: string) => boolean,
): BenchFinding[] {
  return findings.filter(
    (f) => ruleOk(f.rule) && holdsHint(f, label.hint) && placesOf(f).some((loc) => samePlace(label, loc)),
  );
}

export interface ReadResult {
  label: FindingLabel;
  /** The finding the label matches now; null: stale (nothing of that rule at that place today). */
  finding: BenchFinding | null;
}

export function matchReadLabels(labels: readonly FindingLabel[], findings: readonly BenchFinding[]): ReadResult[] {
  return labels.map((label) => ({ label, finding: findingsAt(label, findings, (r) => r === label.rule)[0] ?? null }));
}

export interface DefectResult {
  defect: DefectLabel;
  /** The finding that reports it, or null: missed. */
  finding: BenchFinding | null;
}

export function matchDefects(defects: readonly DefectLabel[], findings: readonly BenchFinding[]): DefectResult[] {
  return defects.map((defect) => ({
    defect,
    finding: findingsAt(defect, findings, (r) => ruleFindsKind(r, defect.kind))[0] ?? null,
  }));
}

export interface Agreement {
  /** Matched read labels: the precision's denominator. */
  read: number;
  correct: number;
  stale: FindingLabel[];
  /** Matched labels judged wrong: today's false alarms, with the reviewer's why. */
  wrong: FindingLabel[];
  /** Today's error and warning findings no label reads. */
  unread: BenchFinding[];
  /** Labelled and found, per kind. */
  defects: Record<DefectKind, { labelled: number; found: number }>;
  missed: DefectLabel[];
}

export function agreement(
  reads: readonly ReadResult[],
  defects: readonly DefectResult[],
  findings: readonly BenchFinding[] = [],
): Agreement {
  const live = reads.filter((r) => r.finding !== null);
  const readFindings = new Set(live.map((r) => r.finding));
  const perKind = {} as Agreement["defects"];
  for (const kind of Object.keys(KIND_RULES) as DefectKind[]) {
    const of = defects.filter((d) => d.defect.kind === kind);
    perKind[kind] = { labelled: of.length, found: of.filter((d) => d.finding !== null).length };
  }
  return {
    read: live.length,
    correct: live.filter((r) => r.label.verdict === "correct").length,
    stale: reads.filter((r) => r.finding === null).map((r) => r.label),
    wrong: live.filter((r) => r.label.verdict === "wrong").map((r) => r.label),
    unread: findings.filter((f) => f.severity !== "info" && !readFindings.has(f)),
    defects: perKind,
    missed: defects.filter((d) => d.finding === null).map((d) => d.defect),
  };
}
