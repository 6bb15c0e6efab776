// --baseline: findings already in a saved report are "unchanged" and leave the gates alone; the rest are "new".
import { describe, expect, it } from "vitest";
import { compareToBaseline } from "../../src/evaluate/baseline.js";
import { score } from "../../src/evaluate/score.js";
import type { Finding, RuleResult } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";

const finding = (name: string, line: number, fingerprint?: string): Finding => ({
  rule: "requirements-pinned",
  category: "requirements",
  severity: "warning",
  file: "requirements.txt",
  line,
  message: `${name} is not pinned`,
  values: { name, file: "requirements.txt", line },
  locations: [{ file: "requirements.txt", line }],
  ...(fingerprint ? { fingerprint } : {}),
});

function report(findings: Finding[]): Report {
  const results: RuleResult[] = [
    {
      rule: "requirements-pinned",
      category: "requirements",
      severity: "warning",
      effect: "friction",
      weight: 3,
      title: "t",
      why: "w",
      outcome: findings.length ? "fail" : "pass",
      findings: findings.length,
    },
  ];
  return {
    schemaVersion: 1,
    tool: { name: "repro-audit", version: "0" },
    generatedAt: "2025-01-01T00:00:00Z",
    repo: { url: "/r", kind: "folder", commit: null, ref: null, branches: [] },
    stages: { static: { status: "ran" }, build: { status: "skipped" }, epoch: { status: "skipped" } },
    score: score(results),
    findings,
    rules: results,
    notes: [],
  };
}

describe("compareToBaseline", () => {
  it("marks findings already there unchanged (lines may move), the others new, counts those gone, and rescores", () => {
    const now = report([finding("numpy", 3), finding("torch", 4), finding("pandas", 5)]);
    const before = report([finding("numpy", 1), finding("torch", 2), finding("scipy", 3)]);
    const compared = compareToBaseline(now, before, "base.json");
    expect(compared.findings.map((f) => `${f.values.name}:${f.baseline}`)).toEqual([
      "numpy:unchanged",
      "torch:unchanged",
      "pandas:new",
    ]);
    // Whole: 30 - 3 x log2(4) = 24 of 30 points, 80/100. The two known alone cost 3 x log2(3) = 4.75, 84/100:
    // the baseline accepted 16 points, so the gate's score is 80 + 16.
    expect(compared.suppressions?.baseline).toEqual({
      file: "base.json",
      unchanged: 2,
      new: 1,
      absent: 1,
      accepted: 16,
      gateScore: 96,
    });
    // The score itself still counts every finding; only the gates read gateScore.
    expect(compared.score.total).toBe(now.score.total);
    expect(now.score.total).toBe(80);
  });

  it("matches by the judge's fingerprint when findings carry one", () => {
    const now = report([finding("numpy", 3, "aaaaaaaaaa"), finding("numpy", 9, "bbbbbbbbbb")]);
    const before = report([finding("numpy", 3, "bbbbbbbbbb")]);
    expect(compareToBaseline(now, before, "b").findings.map((f) => f.baseline)).toEqual(["new", "unchanged"]);
  });

  it("counts identical findings one for one", () => {
    const now = report([finding("numpy", 1), finding("numpy", 2)]);
    const before = report([finding("numpy", 7)]);
    expect(compareToBaseline(now, before, "b").findings.map((f) => f.baseline)).toEqual(["unchanged", "new"]);
  });

  it("accepts no points for a known finding off the rerun plan: it cost nothing in the first place", () => {
    const offPlan = (name: string, line: number): Finding => ({
      ...finding(name, line),
      plan: "off",
      severity: "info",
      planReason: "not on the rerun path",
    });
    const now = report([finding("numpy", 3), offPlan("torch", 4)]);
    now.rules[0] = { ...now.rules[0]!, counted: 1 };
    now.score = score(now.rules);
    const compared = compareToBaseline(now, report([offPlan("torch", 1)]), "b");
    expect(compared.findings.map((f) => f.baseline)).toEqual(["new", "unchanged"]);
    expect(compared.suppressions?.baseline).toMatchObject({ unchanged: 1, accepted: 0, gateScore: now.score.total });
  });
});
