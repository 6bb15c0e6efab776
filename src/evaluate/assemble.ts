// Rules judged over facts, scored, and put into a report beside what the stages recorded (pure). The repo's
// inline suppressions quiet findings only when the record says the repo is trusted; either way they are listed.
// One order, from rule file to what is shown:
//   1. first-look gate (load): a rule under its precision gate is a warning at most and never blocks;
//   2. inline suppressions (judge): honoured ones remove fact records before findings are made;
//   3. rerun plan and evidence (judge): each finding is placed on the plan; only a conclusive finding on it
//      keeps an error and may block, unconfirmed or unknown is a warning at most, off the plan is info and
//      costs nothing (no plan collected: graded as the rules are written);
//   4. score: counts what the plan makes matter;
//   5. finish: baseline (known findings leave the gates alone), explanation, gates on every finding, then quiet
//      cuts what is shown to errors, so a finding the plan made info is never shown under quiet.
import type { Facts } from "../model/facts.js";
import type { Report } from "../model/report.js";
import { planSection } from "./rerun-plan.js";
import { judge } from "./judge.js";
import type { Rule } from "./rule.js";
import { score } from "./score.js";

/** Everything of a report but what judging gives: findings, rule outcomes and the score. */
export type AuditRecord = Omit<Report, "findings" | "rules" | "score" | "plan">;

export function assembleReport(record: AuditRecord, facts: Facts, rules: readonly Rule[]): Report {
  const trusted = record.suppressions?.repoTrusted === true;
  const judged = judge([...rules], facts, { honourInline: trusted });
  const suppressions = {
    ...(record.suppressions ?? { repoTrusted: false }),
    inline: judged.inline,
    suppressed: judged.suppressed,
  };
  return {
    ...record,
    score: score(judged.results),
    findings: judged.findings,
    rules: judged.results,
    plan: planSection(facts),
    suppressions,
  };
}
