// Judge rules against facts (pure): every matching record is a finding; outcomes say what was not assessed.
import type { FactRecord, FactValue, Facts } from "../model/facts.js";
import type { Finding, FindingLocation, RuleResult } from "../model/finding.js";
import type { Matcher, Rule, Selector, Where } from "./rule.js";

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

/** Fill "{field}" from the record; unknown fields are left visible so a wrong template shows. */
export function fillTemplate(template: string, record: Readonly<Record<string, FactValue | undefined>>): string {
  return template.replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, field: string) => {
    const value = record[field];
    return value === undefined ? whole : String(value);
  });
}

function families(rule: Rule): string[] {
  return [rule.check.family, ...(rule.applies ? [rule.applies.family] : []), ...(rule.needs ?? [])];
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

/** One finding for records that are one problem: the first record speaks, every record is a location. */
function toFinding(rule: Rule, records: readonly FactRecord[]): Finding {
  const first = records[0] ?? {};
  const values: Finding["values"] = {};
  for (const [key, value] of Object.entries(first)) if (value !== undefined) values[key] = value;
  if (rule.group) values.count = records.length;
  const seen = new Set<string>();
  const locations: FindingLocation[] = [];
  for (const record of records) {
    const at = locationOf(record);
    const key = at && `${at.file}\0${at.line ?? ""}\0${at.cell ?? ""}`;
    if (at && !seen.has(key!)) (seen.add(key!), locations.push(at));
  }
  return {
    rule: rule.id,
    category: rule.category,
    severity: rule.severity,
    file: typeof first.file === "string" ? first.file : null,
    line: typeof first.line === "number" ? first.line : null,
    ...(typeof first.cell === "number" ? { cell: first.cell } : {}),
    ...(typeof first.cellLine === "number" ? { cellLine: first.cellLine } : {}),
    message: fillTemplate(rule.message, values),
    values,
    locations,
  };
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

export function judgeRule(rule: Rule, facts: Facts): { result: RuleResult; findings: Finding[] } {
  const base = { rule: rule.id, category: rule.category, severity: rule.severity, weight: rule.weight };
  const missing = families(rule).find((family) => family in facts.notCollected);
  if (missing) {
    const reason = `${missing} not collected: ${facts.notCollected[missing]}`;
    return { result: { ...base, outcome: "not-assessed", findings: 0, reason }, findings: [] };
  }
  if (rule.applies && select(facts, rule.applies).length === 0) {
    const reason = `nothing in ${rule.applies.family} it applies to`;
    return { result: { ...base, outcome: "not-applicable", findings: 0, reason }, findings: [] };
  }
  const matched = select(facts, rule.check);
  const findings = rule.check.absent
    ? matched.length === 0
      ? [toFinding(rule, [{}])]
      : []
    : groupRecords(rule, matched).map((records) => toFinding(rule, records));
  const outcome = findings.length > 0 ? "fail" : "pass";
  const occurrences = rule.check.absent ? findings.length : matched.length;
  return { result: { ...base, outcome, findings: findings.length, occurrences }, findings };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function judge(rules: Rule[], facts: Facts): { results: RuleResult[]; findings: Finding[] } {
  const results: RuleResult[] = [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const judged = judgeRule(rule, facts);
    results.push(judged.result);
    findings.push(...judged.findings);
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.category.localeCompare(b.category) ||
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
  return { results, findings };
}
