// Known findings and the score without them (pure).
import { describe, expect, it } from "vitest";
import type { Finding, Rule, RuleResult } from "../../src/index.js";
import { baselineFindings, findingKey, knownFindings, scoreWithout } from "../../src/action/baseline.js";

const f = (over: Partial<Finding>): Finding => ({
  rule: "paths-portable", category: "paths", severity: "error", file: "train.py", line: 3, message: "m", values: { value: "/home/a" }, locations: [], ...over,
});

describe("findingKey", () => {
  it("ignores the line and a group's count, keeps rule, file, cell and values", () => {
    expect(findingKey(f({ line: 9, values: { value: "/home/a", line: 9, count: 3 } }))).toBe(findingKey(f({})));
    expect(findingKey(f({ file: "other.py" }))).not.toBe(findingKey(f({})));
    expect(findingKey(f({ cell: 2 }))).not.toBe(findingKey(f({})));
    expect(findingKey(f({ values: { value: "/home/b" } }))).not.toBe(findingKey(f({})));
  });
});

describe("knownFindings", () => {
  it("counts the same problem twice only when the baseline holds it twice", () => {
    const current = [f({ line: 1 }), f({ line: 2 }), f({ rule: "x" })];
    expect(knownFindings(current, [f({ line: 7 })])).toEqual([true, false, false]);
    expect(knownFindings(current, [f({}), f({}), f({ rule: "x" })])).toEqual([true, true, true]);
  });
});

describe("scoreWithout", () => {
  const rules = [
    { id: "a", category: "paths", severity: "error", weight: 4, saturation: 2 },
    { id: "b", category: "paths", severity: "warning", weight: 2 },
  ] as unknown as Rule[];
  const results: RuleResult[] = [
    { rule: "a", category: "paths", severity: "error", effect: "friction", weight: 4, title: "a", why: "w", outcome: "fail", findings: 2 },
    { rule: "b", category: "paths", severity: "warning", effect: "friction", weight: 2, title: "b", why: "w", outcome: "fail", findings: 1 },
  ];
  it("takes off only the known findings of each rule", () => {
    // Everything: data's 20 points lose 4 x log2(3) + 2 = 8.3. Without one of a's two and b's one: lose 4.
    expect(scoreWithout(results, [], rules).categories.paths.score).toBe(58);
    expect(scoreWithout(results, [f({ rule: "a" }), f({ rule: "b" })], rules).categories.paths.score).toBe(80);
    expect(scoreWithout(results, [f({ rule: "a" }), f({ rule: "a" }), f({ rule: "b" })], rules).categories.paths.score).toBe(100);
  });
});

describe("baselineFindings", () => {
  it("reads a saved report's findings and names what is wrong with anything else", () => {
    expect(baselineFindings({ tool: { name: "repro-audit" }, findings: [f({})] })).toEqual({ ok: true, findings: [f({})] });
    expect(baselineFindings([])).toEqual({ ok: false, problem: "is not a JSON object" });
    expect(baselineFindings({ findings: [] })).toEqual({ ok: false, problem: "is not a repro-audit report (no tool.name repro-audit)" });
    expect(baselineFindings({ tool: { name: "repro-audit" } })).toEqual({ ok: false, problem: "has no findings list" });
    expect(baselineFindings({ tool: { name: "repro-audit" }, findings: [f({}), { rule: 3 }] })).toEqual({ ok: false, problem: "has a malformed finding at /findings/1" });
  });
});
