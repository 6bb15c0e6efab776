import { describe, expect, it } from "vitest";
import { explainRule, pointsLost, score } from "../../src/evaluate/score.js";
import type { Rule } from "../../src/evaluate/rule.js";
import type { RuleResult } from "../../src/model/finding.js";

const result = (over: Partial<RuleResult>): RuleResult => ({
  rule: "r",
  category: "requirements",
  severity: "error",
  weight: 4,
  outcome: "pass",
  findings: 0,
  ...over,
});

describe("score", () => {
  it("loses weight x severity factor x min(1, n / saturation)", () => {
    expect(pointsLost(4, "error", 1)).toBe(4);
    expect(pointsLost(4, "warning", 1)).toBe(2);
    expect(pointsLost(10, "warning", 2, 5)).toBe(2);
    expect(pointsLost(10, "warning", 9, 5)).toBe(5);
  });

  it("scores a category from its assessed rules and marks the others not assessed", () => {
    const results = [
      result({ rule: "a", weight: 4, outcome: "fail", findings: 1, severity: "error" }),
      result({ rule: "b", weight: 6, outcome: "pass" }),
      result({ rule: "c", weight: 5, outcome: "not-applicable" }),
      result({ rule: "d", category: "environment", outcome: "not-assessed", reason: "environment-build not collected: build skipped" }),
    ];
    const s = score(results, []);
    expect(s.categories.requirements).toMatchObject({ score: 60, assessed: true, possible: 10, lost: 4 });
    expect(s.categories.environment).toMatchObject({ score: null, assessed: false, reason: "environment-build not collected: build skipped" });
    expect(s.categories.paths).toMatchObject({ score: null, assessed: false, reason: "no rules in this category" });
    // Only requirements is assessed, so the total is its score.
    expect(s.total).toBe(60);
  });

  it("weights categories in the total", () => {
    const results = [
      result({ rule: "a", category: "requirements", weight: 1, outcome: "fail", findings: 1 }), // 0, weight 2
      result({ rule: "b", category: "paths", weight: 1, outcome: "pass" }), // 100, weight 1
    ];
    expect(score(results, []).total).toBe(33);
  });

  it("uses each rule's saturation", () => {
    const results = [result({ rule: "p", category: "paths", weight: 5, outcome: "fail", findings: 2 })];
    const rules = [{ id: "p", saturation: 5 } as Rule];
    expect(score(results, rules).categories.paths.score).toBe(60);
  });

  it("is null when nothing was assessed", () => {
    expect(score([], []).total).toBeNull();
  });
});

describe("explainRule", () => {
  it("states the arithmetic with the rule's numbers", () => {
    const text = explainRule({
      id: "paths-portable",
      title: "Disallow machine-specific paths",
      category: "paths",
      severity: "error",
      weight: 5,
      saturation: 5,
      reason: "They do not exist on another machine.",
      check: { family: "path-literals" },
      message: "m",
      source: "x",
    });
    expect(text).toContain("= 5 x 1 x min(1, n / 5)");
    expect(text).toContain("one finding loses 1 point(s); 5 or more lose 5");
  });
});
