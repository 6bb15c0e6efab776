// Rules judged over facts, scored, and put into a report beside what the stages recorded (pure).
import type { Facts } from "../model/facts.js";
import type { Report } from "../model/report.js";
import { judge } from "./judge.js";
import type { Rule } from "./rule.js";
import { score } from "./score.js";

/** Everything of a report but what judging gives: findings, rule outcomes and the score. */
export type AuditRecord = Omit<Report, "findings" | "rules" | "score">;

export function assembleReport(record: AuditRecord, facts: Facts, rules: readonly Rule[]): Report {
  const judged = judge([...rules], facts);
  return { ...record, score: score(judged.results, [...rules]), findings: judged.findings, rules: judged.results };
}
