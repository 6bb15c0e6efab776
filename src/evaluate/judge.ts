// Judge rules against facts (pure): every matching record is a finding; outcomes say what was not assessed;
// inline suppressions are matched at the record level and honoured only when the caller says so.
import type { FactRecord, FactValue, Facts } from "../model/facts.js";
import type { Evidence, Finding, FindingLocation, RuleResult, Severity } from "../model/finding.js";
import type { InlineSuppression } from "../model/report.js";
import { fingerprintOf } from "./fingerprint.js";
import { indexSuppressions, type SuppressionIndex } from "./suppress.js";
import { gradedSeverity, isOnPlan, mayBlock, placeOf, type Placed } from "./plan-grade.js";
import { planIndex, type PlanIndex } from "./rerun-plan.js";
import type { Matcher, Rule, Selector, Where } from "./rule.js";
import { compareText } from "../model/text-order.js";
import { asWritten } from "./first-look-gate.js";

function matches(value: FactValue | undefined, matcher: Matcher): boolean {
  if (matcher === null || typeof matcher !== "object") return value === matcher;
  if ("in" in matcher) return matcher.in.includes(value ?? null);
  if ("not" in matcher) return value !== matcher.not;
  if ("matches" in matcher) return typeof value === "string" && new RegExp(matcher.matches).test(value);
  if ("exists" in matcher) return (value !== undefined && value !== null) === matcher.exists;
  if ("gt" in matcher) return typeof value === "number" && value > matcher.gt;
  return typeof value === "number" && value < matcher.lt;
}

export function recordMatches(record: FactRecord, where: Where | undefined): boolean {
  return Object.entries(where ?? {}).every(([field, matcher]) => matches(record[field], matcher));
}

function select(facts: Facts, selector: Selector): FactRecord[] {
  return (facts.families[selector.family] ?? []).filter((r) => recordMatches(r, selector.where));
}

/** Fill "{field}" from the record; unknown fields are left visible so a wrong template shows.
 * "{field|words}" says the words where the field is empty or null, so no message reads "found ''".
 * "{?field}words{/field}" says the words (filled too) only where the field has a value ("did you mean"). */
export function fillTemplate(template: string, record: Readonly<Record<string, FactValue | undefined>>): string {
  const present = (value: FactValue | undefined) => value !== "" && value !== null && value !== undefined;
  return template
    .replace(
      /\{\?([A-Za-z0-9_-]+)\}([^{}]*(?:\{(?!\?|\/)[^{}]*\}[^{}]*)*)\{\/\1\}/g,
      (_whole, field: string, inner: string) => (present(record[field]) ? inner : ""),
    )
    .replace(/\{([A-Za-z0-9_-]+)(?:\|([^{}]*))?\}/g, (whole, field: string, fallback: string | undefined) => {
      const value = record[field];
      if (fallback !== undefined && (value === "" || value === null || value === undefined)) return fallback;
      return value === undefined ? whole : String(value);
    });
}

function families(rule: Rule): string[] {
  return [
    rule.check.family,
    ...(rule.applies ? [rule.applies.family] : []),
    ...(rule.unless ? [rule.unless.family] : []),
    ...(rule.needs ?? []),
  ];
}

function locationOf(record: FactRecord): FindingLocation | null {
  if (typeof record.file !== "string") return null;
  return {
    file: record.file,
    ...(typeof record.line === "number" ? { line: record.line } : {}),
    ...(typeof record.cell === "number" ? { cell: record.cell } : {}),
    ...(typeof record.cellLine === "number" ? { cellLine: record.cellLine } : {}),
  };
}

/** The most characters of one value a finding quotes (in its values, message and fix): a 15 MB name in the
 * repo is named by its start, not copied into the report three times. */
export const MAX_QUOTED_CHARS = 200;

/** Pure: a value as a finding quotes it, cut to MAX_QUOTED_CHARS with an ellipsis (never half a surrogate pair). */
function quoted<T extends FactValue>(value: T): T | string {
  if (typeof value !== "string" || value.length <= MAX_QUOTED_CHARS) return value;
  let end = MAX_QUOTED_CHARS - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** How one finding is graded: its severity after the plan and its evidence, and where it lies (none: no plan). */
interface Grade {
  severity: Severity;
  evidence: Evidence;
  placed?: Placed;
  heldBack?: Finding["heldBack"];
}

/** One finding for records that are one problem: the first record speaks, every record is a location. */
function toFinding(rule: Rule, records: readonly FactRecord[], grade: Grade): Finding {
  const first = records[0] ?? {};
  const whole: Finding["values"] = {};
  const values: Finding["values"] = {};
  for (const [key, value] of Object.entries(first))
    if (value !== undefined) ((whole[key] = value), (values[key] = quoted(value)));
  if (rule.group) whole.count = values.count = records.length;
  const seen = new Set<string>();
  const locations: FindingLocation[] = [];
  for (const record of records) {
    const at = locationOf(record);
    const key = at && `${at.file}\0${at.line ?? ""}\0${at.cell ?? ""}`;
    if (at && !seen.has(key!)) (seen.add(key!), locations.push(at));
  }
  const file = typeof first.file === "string" ? first.file : null;
  return {
    rule: rule.id,
    category: rule.category,
    severity: grade.severity,
    file,
    line: typeof first.line === "number" ? first.line : null,
    ...(typeof first.cell === "number" ? { cell: first.cell } : {}),
    ...(typeof first.cellLine === "number" ? { cellLine: first.cellLine } : {}),
    message: fillTemplate(rule.message, values),
    values,
    locations,
    ...(rule.fix ? { fix: fillTemplate(rule.fix, values) } : {}),
    ...(grade.placed
      ? { plan: grade.placed.place, ...(grade.placed.reason ? { planReason: grade.placed.reason } : {}) }
      : {}),
    evidence: grade.evidence,
    ...(grade.heldBack ? { heldBack: grade.heldBack } : {}),
    // The whole values: a cut never makes two problems one.
    fingerprint: fingerprintOf({ rule: rule.id, file, values: whole }, rule.group),
  };
}

/** A record's values without its place: an absence is found nowhere in particular. */
function unlocated(record: FactRecord | undefined): FactRecord {
  if (!record) return {};
  const { file: _file, line: _line, cell: _cell, cellLine: _cellLine, ...rest } = record;
  return rest;
}

/** Records bucketed by the rule's `group` fields, in the order their first record was seen. */
function groupRecords(rule: Rule, records: readonly FactRecord[]): FactRecord[][] {
  if (!rule.group) return records.map((r) => [r]);
  const buckets = new Map<string, FactRecord[]>();
  for (const record of records) {
    const key = JSON.stringify(rule.group.map((field) => record[field] ?? null));
    const bucket = buckets.get(key);
    if (bucket) bucket.push(record);
    else buckets.set(key, [record]);
  }
  return [...buckets.values()];
}

export interface JudgeOptions {
  /** Inline suppressions quiet findings (the user trusts the repo); otherwise they are only counted. */
  honourInline?: boolean;
  /** The rerun plan, read once for all rules (null: not collected); read from the facts when left out. */
  plan?: PlanIndex | null;
}

/** What a rule says about itself in every result, so a saved report renders without the rule files. */
function describe(rule: Rule): Omit<RuleResult, "outcome" | "findings"> {
  return {
    rule: rule.id,
    category: rule.category,
    severity: rule.severity,
    effect: rule.effect ?? "friction",
    weight: rule.weight,
    ...(rule.check.absent ? { absence: true } : {}),
    title: rule.title,
    why: rule.reason,
    ...(rule.fix ? { fix: rule.fix } : {}),
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
  };
}

/** Records a suppression names at their line: counted on the suppression; removed only when honoured. */
function withoutSuppressed(
  rule: Rule,
  records: FactRecord[],
  index: SuppressionIndex | undefined,
  honour: boolean,
): FactRecord[] {
  if (!index || index.all.length === 0) return records;
  return records.filter((record) => {
    if (typeof record.file !== "string" || typeof record.line !== "number") return true;
    const hit = index.find(rule.id, record.file, record.line);
    if (!hit) return true;
    hit.matched++;
    return !honour;
  });
}

/** What did not happen when a family was not collected, in a reader's words rather than the family's id. */
const NOT_DONE: Record<string, string> = {
  "environment-build": "the image was not built",
  "import-probe": "the imports were not tried in the image",
  "epoch-run": "no epoch was run",
  "train-plan": "no training plan was made",
  branches: "the branches were not read",
  "spec-resolution": "the specs were not resolved",
};

export function judgeRule(
  rule: Rule,
  facts: Facts,
  index?: SuppressionIndex,
  options: JudgeOptions = {},
): { result: RuleResult; findings: Finding[] } {
  const base = describe(rule);
  const missing = families(rule).find((family) => family in facts.notCollected);
  if (missing) {
    const reason = `${NOT_DONE[missing] ?? `the ${missing} facts could not be read`}: ${facts.notCollected[missing]}`;
    return { result: { ...base, outcome: "not-assessed", findings: 0, reason }, findings: [] };
  }
  if (rule.applies && select(facts, rule.applies).length === 0) {
    const reason = `nothing in ${rule.applies.family} it applies to`;
    return { result: { ...base, outcome: "not-applicable", findings: 0, reason }, findings: [] };
  }
  if (rule.unless && select(facts, rule.unless).length > 0) {
    const reason = `${rule.unless.family} has a record that makes it not apply`;
    return { result: { ...base, outcome: "not-applicable", findings: 0, reason }, findings: [] };
  }
  const matched = withoutSuppressed(rule, select(facts, rule.check), index, options.honourInline === true);
  // An absence has no record of its own: its words may name fields of the record `applies` found.
  const groups = rule.check.absent
    ? matched.length === 0
      ? [[unlocated(rule.applies ? select(facts, rule.applies)[0] : undefined)]]
      : []
    : groupRecords(rule, matched);
  const plan = options.plan !== undefined ? options.plan : planIndex(facts);
  const graded = groups.map((records) => (plan ? gradeGroup(rule, records, plan) : asWrittenGroup(rule, records)));
  const findings = graded.map((g) => g.finding);
  const outcome = findings.length > 0 ? "fail" : "pass";
  const occurrences = rule.check.absent ? findings.length : matched.length;
  const blocking = graded.filter((g) => g.blocks).length;
  const counts = plan
    ? {
        // A note (noteWhen) shows the case harmless: like an off-plan finding, it costs nothing.
        counted: graded.filter((g) => g.finding.plan !== "off" && !g.note).length,
        ...(rule.effect === "block" || rule.blockWhen ? { blocking } : {}),
      }
    : blocking
      ? { blocking }
      : {};
  return { result: { ...base, outcome, findings: findings.length, occurrences, ...counts }, findings };
}

/** The rule's evidence for these records: unconfirmed by the rule, or when none of them escapes `unconfirmedWhen`. */
function evidenceOf(rule: Rule, records: readonly FactRecord[]): Evidence {
  if (rule.evidence === "unconfirmed") return "unconfirmed";
  if (!rule.unconfirmedWhen || records.length === 0) return "conclusive";
  return records.every((r) => recordMatches(r, rule.unconfirmedWhen)) ? "unconfirmed" : "conclusive";
}

/** A note: every record matches the rule's `noteWhen` (the record shows the case harmless); info, never blocking. */
const isNote = (rule: Rule, records: readonly FactRecord[]): boolean =>
  rule.noteWhen !== undefined && records.length > 0 && records.every((r) => recordMatches(r, rule.noteWhen));

/** Whether the rule as written blocks for these records: every finding of a `block` rule, or `blockWhen` matched. */
function blocksAsWritten(rule: Rule, records: readonly FactRecord[]): boolean {
  if (rule.effect === "block") return true;
  // An absence's one record is the one `applies` found: blockWhen matches that.
  return rule.blockWhen !== undefined && records.some((r) => recordMatches(r, rule.blockWhen));
}

/** What the first-look gate took from a finding graded `severity` (blocking or not): the rule as written, graded the
 * same way, gives more. None where the gate left the rule alone or the grading alone explains it. */
function heldFrom(
  rule: Rule,
  records: readonly FactRecord[],
  severity: Severity,
  blocks: boolean,
  grade: (severity: Severity) => Severity,
  mayBlockHere: boolean,
): Finding["heldBack"] {
  if (!rule.heldBack) return undefined;
  const written = asWritten(rule);
  const writtenSeverity = grade(written.severity);
  const writtenBlocks = mayBlockHere && blocksAsWritten(written, records) && !blocks;
  if (writtenSeverity === severity && !writtenBlocks) return undefined;
  return { severity: writtenSeverity, ...(writtenBlocks ? { blocks: true } : {}) };
}

interface Graded {
  finding: Finding;
  blocks: boolean;
  /** Every record matched the rule's noteWhen. */
  note?: boolean;
}

/** No plan collected: the finding is graded as its rule is written, as audits without the plan always were. */
function asWrittenGroup(rule: Rule, records: FactRecord[]): Graded {
  const note = isNote(rule, records);
  const blocks = !note && rule.blockWhen !== undefined && records.some((r) => recordMatches(r, rule.blockWhen));
  const heldBack = note ? undefined : heldFrom(rule, records, rule.severity, blocks, (s) => s, true);
  const finding = toFinding(rule, records, {
    severity: note ? "info" : rule.severity,
    evidence: evidenceOf(rule, records),
    ...(heldBack ? { heldBack } : {}),
  });
  return { finding, blocks, note };
}

/** Graded by the plan: places on the plan first (they speak for the finding), their records decide the evidence
 * and the blocking; only a conclusive finding on the plan keeps an error and may block. */
function gradeGroup(rule: Rule, records: FactRecord[], plan: PlanIndex): Graded {
  const lineOf = (r: FactRecord) => (typeof r.line === "number" ? r.line : null);
  const on = records.filter((r) => isOnPlan(r.file, plan, lineOf(r)));
  const ordered = [...on, ...records.filter((r) => !on.includes(r))];
  const placed = placeOf(
    ordered.map((r) => (typeof r.file === "string" ? r.file : null)),
    rule.category,
    plan,
    ordered.map(lineOf),
  );
  const deciding = on.length > 0 ? on : records;
  const evidence = evidenceOf(rule, deciding);
  const note = isNote(rule, records);
  const severity = note ? "info" : gradedSeverity(rule.severity, placed.place, evidence);
  const blocks = !note && blocksAsWritten(rule, deciding) && mayBlock(placed.place, evidence);
  const grade = (s: Severity) => gradedSeverity(s, placed.place, evidence);
  const heldBack = note
    ? undefined
    : heldFrom(rule, deciding, severity, blocks, grade, mayBlock(placed.place, evidence));
  const finding = toFinding(rule, ordered, { severity, evidence, placed, ...(heldBack ? { heldBack } : {}) });
  return { finding, blocks, note };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface Judged {
  results: RuleResult[];
  findings: Finding[];
  /** Every inline suppression the repo holds, with what it matched and whether it was honoured. */
  inline: InlineSuppression[];
  /** Occurrences removed by honoured suppressions. */
  suppressed: number;
}

export function judge(rules: Rule[], facts: Facts, options: JudgeOptions = {}): Judged {
  const index = indexSuppressions(facts);
  const results: RuleResult[] = [];
  const findings: Finding[] = [];
  const plan = options.plan !== undefined ? options.plan : planIndex(facts);
  for (const rule of rules) {
    const judged = judgeRule(rule, facts, index, { ...options, plan });
    results.push(judged.result);
    // One push at a time: a large repo's findings spread into push's arguments overflow the stack.
    for (const item of judged.findings) findings.push(item);
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.category, b.category) ||
      compareText(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.rule, b.rule),
  );
  const honour = options.honourInline === true;
  for (const s of index.all) s.honoured = honour;
  const suppressed = honour ? index.all.reduce((sum, s) => sum + s.matched, 0) : 0;
  return { results, findings, inline: index.all, suppressed };
}
