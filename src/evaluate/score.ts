// Findings -> category scores -> total (pure). The arithmetic is documented in README.md ("Score") and
// printed by `repro-audit rules explain <id>`; keep the three in step.
import { CATEGORIES, type Category, type RuleResult, type Severity } from "../model/finding.js";
import type { CategoryScore, Score } from "../model/report.js";
import type { Rule } from "./rule.js";

/** Share of a rule's weight a saturated failure loses, by severity. */
export const SEVERITY_FACTOR: Record<Severity, number> = { error: 1, warning: 0.5, info: 0.1 };

/** Weight of each category in the total. */
export const CATEGORY_WEIGHT: Record<Category, number> = {
  instructions: 2,
  requirements: 2,
  environment: 2,
  paths: 1,
  datasets: 2,
  branches: 1,
  code: 1,
  execution: 2,
};

/** Points a rule loses for `findings` findings: weight x severity factor x min(1, findings / saturation). */
export function pointsLost(weight: number, severity: Severity, findings: number, saturation = 1): number {
  return weight * SEVERITY_FACTOR[severity] * Math.min(1, findings / saturation);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function score(results: RuleResult[], rules: Rule[]): Score {
  const saturationOf = new Map(rules.map((r) => [r.id, r.saturation ?? 1]));
  const categories = {} as Record<Category, CategoryScore>;
  for (const category of CATEGORIES) {
    const inCategory = results.filter((r) => r.category === category);
    const assessed = inCategory.filter((r) => r.outcome === "pass" || r.outcome === "fail");
    const possible = assessed.reduce((sum, r) => sum + r.weight, 0);
    const lost = assessed.reduce((sum, r) => sum + pointsLost(r.weight, r.severity, r.findings, saturationOf.get(r.rule)), 0);
    const weight = CATEGORY_WEIGHT[category];
    if (possible === 0) {
      const why = inCategory.find((r) => r.outcome === "not-assessed")?.reason ?? (inCategory.length ? "no rule applied" : "no rules in this category");
      categories[category] = { score: null, assessed: false, weight, possible: 0, lost: 0, reason: why };
    } else {
      categories[category] = { score: Math.round((100 * (possible - lost)) / possible), assessed: true, weight, possible, lost: round1(lost) };
    }
  }
  const scored = CATEGORIES.map((c) => categories[c]).filter((c) => c.assessed);
  const weightSum = scored.reduce((sum, c) => sum + c.weight, 0);
  const total = weightSum === 0 ? null : Math.round(scored.reduce((sum, c) => sum + c.weight * (c.score ?? 0), 0) / weightSum);
  return { total, categories };
}

/** The arithmetic behind one rule, in words, for `rules explain`. */
export function explainRule(rule: Rule): string {
  const saturation = rule.saturation ?? 1;
  const factor = SEVERITY_FACTOR[rule.severity];
  const perFinding = round1(pointsLost(rule.weight, rule.severity, 1, saturation));
  const max = round1(pointsLost(rule.weight, rule.severity, saturation, saturation));
  const lines = [
    `${rule.id} (${rule.category}, ${rule.severity}, weight ${rule.weight})`,
    rule.title,
    "",
    `Why: ${rule.reason}`,
    "",
    `Checks: records of fact family '${rule.check.family}'${rule.check.where ? ` where ${JSON.stringify(rule.check.where)}` : ""}` +
      (rule.check.absent ? ": one finding when there is none." : ": one finding per record."),
    ...(rule.applies ? [`Applies when '${rule.applies.family}' has a record${rule.applies.where ? ` where ${JSON.stringify(rule.applies.where)}` : ""}; otherwise not applicable.`] : []),
    ...(rule.needs?.length ? [`Needs collected: ${rule.needs.join(", ")}; otherwise not assessed.`] : []),
    "",
    "Score arithmetic:",
    `  lost = weight x severity factor x min(1, findings / saturation) = ${rule.weight} x ${factor} x min(1, n / ${saturation})`,
    `  one finding loses ${perFinding} point(s); ${saturation} or more lose ${max} of the category's possible points.`,
    `  category score = 100 x (possible - lost) / possible, where possible = sum of weights of the category's assessed rules;`,
    `  total = mean of assessed category scores weighted by ${Object.entries(CATEGORY_WEIGHT).map(([c, w]) => `${c} ${w}`).join(", ")}.`,
  ];
  return lines.join("\n");
}
