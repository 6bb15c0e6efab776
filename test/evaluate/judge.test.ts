import { describe, expect, it } from "vitest";
import { fillTemplate, judge, judgeRule, recordMatches } from "../../src/evaluate/judge.js";
import type { Rule } from "../../src/evaluate/rule.js";
import { emptyFacts } from "../../src/model/facts.js";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: "requirements-pinned",
  title: "Require pins",
  category: "requirements",
  severity: "warning",
  weight: 3,
  reason: "Unpinned packages drift.",
  check: { family: "env-spec", where: { kind: "package", pinned: false } },
  message: "{name} is not pinned ('{spec}')",
  source: "rules/requirements-pinned.yaml",
  ...over,
});

describe("recordMatches", () => {
  const record = { kind: "package", name: "numpy", pinned: false, size: 10 };
  it("matches scalars, in, not, matches, exists, gt and lt", () => {
    expect(recordMatches(record, { kind: "package", pinned: false })).toBe(true);
    expect(recordMatches(record, { pinned: true })).toBe(false);
    expect(recordMatches(record, { name: { in: ["pandas", "numpy"] } })).toBe(true);
    expect(recordMatches(record, { name: { not: "numpy" } })).toBe(false);
    expect(recordMatches(record, { name: { matches: "^num" } })).toBe(true);
    expect(recordMatches(record, { spec: { exists: false } })).toBe(true);
    expect(recordMatches(record, { size: { gt: 9 } })).toBe(true);
    expect(recordMatches(record, { size: { lt: 10 } })).toBe(false);
  });
});

describe("judgeRule", () => {
  it("makes one finding per matching record, located and worded from the record", () => {
    const facts = emptyFacts();
    facts.families["env-spec"] = [
      { kind: "package", name: "numpy", spec: "", pinned: false, file: "requirements.txt", line: 1 },
      { kind: "package", name: "pandas", spec: "==2.0", pinned: true, file: "requirements.txt", line: 2 },
    ];
    const { result, findings } = judgeRule(rule(), facts);
    expect(result).toMatchObject({ outcome: "fail", findings: 1 });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "requirements-pinned", file: "requirements.txt", line: 1, message: "numpy is not pinned ('')" }),
    ]);
  });

  it("with absent: true, flags the lack of any matching record once", () => {
    const r = rule({ check: { family: "readme", where: { kind: "readme" }, absent: true }, message: "No README" });
    expect(judgeRule(r, emptyFacts()).findings).toEqual([expect.objectContaining({ file: null, line: null, message: "No README" })]);
    const facts = emptyFacts();
    facts.families.readme = [{ kind: "readme", file: "README.md" }];
    expect(judgeRule(r, facts).result.outcome).toBe("pass");
  });

  it("is not assessed when a family it needs was not collected, and says why", () => {
    const facts = emptyFacts();
    facts.notCollected.branches = "a plain folder has no git branches";
    const r = rule({ needs: ["branches"] });
    expect(judgeRule(r, facts).result).toMatchObject({ outcome: "not-assessed", reason: "branches not collected: a plain folder has no git branches" });
  });

  it("is not applicable when its precondition finds nothing", () => {
    const r = rule({ applies: { family: "env-spec", where: { kind: "spec-file" } } });
    expect(judgeRule(r, emptyFacts()).result.outcome).toBe("not-applicable");
  });

  it("orders findings errors first, then by category, file and line", () => {
    const facts = emptyFacts();
    facts.families.x = [
      { file: "b.py", line: 3 },
      { file: "a.py", line: 9 },
    ];
    const warn = rule({ id: "w", check: { family: "x" }, message: "w" });
    const err = rule({ id: "e", severity: "error", category: "paths", check: { family: "x" }, message: "e" });
    const order = judge([warn, err], facts).findings.map((f) => `${f.rule}:${f.file}:${f.line}`);
    expect(order).toEqual(["e:a.py:9", "e:b.py:3", "w:a.py:9", "w:b.py:3"]);
  });
});

describe("fillTemplate", () => {
  it("leaves unknown fields visible", () => {
    expect(fillTemplate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
