// Rules judged over facts, scored, and put into a report beside what the stages recorded (pure). The repo's
// inline suppressions quiet findings only when the record says the repo is trusted; either way they are listed.
import type { Facts } from "../model/facts.js";
import type { Report } from "../model/report.js";
import { judge } from "./judge.js";
import type { Rule } from "./rule.js";
import { score } from "./score.js";

/** Everything of a report but what judging gives: findings, rule outcomes and the score. */
export type AuditRecord = Omit<Report, "findings" | "rules" | "score">;

export function assembleReport(record: AuditRecord, facts: Facts, rules: readonly Rule[]): Report {
  const trusted = record.suppressions?.repoTrusted === true;
  const judged = judge([...rules], facts, { honourInline: trusted });
  const suppressions = { ...(record.suppressions ?? { repoTrusted: false }), inline: judged.inline, suppressed: judged.suppressed };
  return { ...record, score: score(judged.results), findings: judged.findings, rules: judged.results, suppressions };
}
