// Judge rules against facts (pure): every matching record is a finding; outcomes say what was not assessed.
import type { FactRecord, FactValue, Facts } from "../model/facts.js";
import type { Finding, RuleResult } from "../model/finding.js";
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
export function fillTemplate(template: string, record: FactRecord): string {
  return template.replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, field: string) => {
    const value = record[field];
    return value === undefined ? whole : String(value);
  });
}

function families(rule: Rule): string[] {
  return [rule.check.family, ...(rule.applies ? [rule.applies.family] : []), ...(rule.needs ?? [])];
}

function toFinding(rule: Rule, record: FactRecord): Finding {
  const values: Finding["values"] = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) values[key] = value;
  return {
    rule: rule.id,
    category: rule.category,
    severity: rule.severity,
    file: typeof record.file === "string" ? record.file : null,
    line: typeof record.line === "number" ? record.line : null,
    ...(typeof record.cell === "number" ? { cell: record.cell } : {}),
    ...(typeof record.cellLine === "number" ? { cellLine: record.cellLine } : {}),
    message: fillTemplate(rule.message, record),
    values,
  };
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
      ? [toFinding(rule, {})]
      : []
    : matched.map((record) => toFinding(rule, record));
  const outcome = findings.length > 0 ? "fail" : "pass";
  return { result: { ...base, outcome, findings: findings.length }, findings };
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
