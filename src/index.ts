// The library's public API: re-exports only.
export { audit, type AuditOptions, type AuditResult } from "./pipeline.js";
export { render } from "./report/index.js";
export { validateReport } from "./report/validate.js";
export { loadRules, builtinRulesDir } from "./evaluate/load-rules.js";
export { judge } from "./evaluate/judge.js";
export { score } from "./evaluate/score.js";
export { explainRule, explainScore } from "./evaluate/score-explain.js";
export { compareToBaseline } from "./evaluate/baseline.js";
export { AuditError, EXIT } from "./model/errors.js";
export type { Report, Score, CategoryScore, RepoInfo, StageName } from "./model/report.js";
export type { Finding, Category, Severity, RuleResult } from "./model/finding.js";
export type { Facts, FactRecord } from "./model/facts.js";
export type { EnvironmentSection } from "./model/environment.js";
export type { CarbonSection, TrainPlan } from "./model/carbon.js";
export type { Rule } from "./evaluate/rule.js";
