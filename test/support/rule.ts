// A rule as the judge receives it, for tests of grading and assembling: paths-portable unless overridden.
import type { Rule } from "../../src/evaluate/rule.js";

export const ruleWith = (over: Partial<Rule> = {}): Rule => ({
  id: "paths-portable",
  title: "Disallow machine paths",
  category: "paths",
  severity: "error",
  weight: 2,
  reason: "They do not exist on another machine.",
  check: { family: "path-literals" },
  message: "{value} is a machine path",
  source: "rules/paths-portable.yaml",
  ...over,
});
