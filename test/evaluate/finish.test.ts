// The one finishing path (pure): baseline, gates (fail-under, max-warnings, fail-on), explained score, quiet.
import { describe, expect, it } from "vitest";
import { finish, gatesFrom } from "../../src/evaluate/finish.js";
import { score } from "../../src/evaluate/score.js";
import type { Finding, RuleResult, Severity } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";

const finding = (rule: string, severity: Severity, path: string, line = 1): Finding => ({
  rule,
  category: "paths",
  severity,
  file: "train.py",
  line,
  message: `${path} is a machine path`,
  values: { value: path, line },
  locations: [{ file: "train.py", line }],
});

/** A report whose rules are a (error, weight 4) and b (warning, weight 2), both in paths (data, 20 points). */
function report(findings: Finding[]): Report {
  const result = (rule: string, severity: Severity): RuleResult => {
    const n = findings.filter((f) => f.rule === rule).length;
    return {
      rule,
      category: "paths",
      severity,
      effect: "friction",
      weight: rule === "a" ? 4 : 2,
      title: rule,
      why: "w",
      outcome: n ? "fail" : "pass",
      findings: n,
    };
  };
  const rules = [result("a", "error"), result("b", "warning")];
  return {
    schemaVersion: 1,
    tool: { name: "repro-audit", version: "0" },
    generatedAt: "2025-01-01T00:00:00Z",
    repo: { url: "/r", kind: "folder", commit: null, ref: null, branches: [] },
    stages: { static: { status: "ran" }, build: { status: "skipped" }, epoch: { status: "skipped" } },
    score: score(rules),
    findings,
    rules,
    notes: [],
  };
}

const known = [finding("a", "error", "/home/a"), finding("a", "error", "/home/b"), finding("a", "error", "/home/c")];
const newError = finding("a", "error", "/home/new", 9);
const flag = <T>(value: T, source: string) => ({ value, source });

describe("finish: the gates", () => {
  it("without a baseline: every error fails fail-on error, the score is the whole score", () => {
    const { verdict } = finish(report(known), {
      gates: { failOn: flag("error", "--fail-on"), failUnder: flag(50, "--fail-under") },
    });
    // 3 findings of a: 20 - 4 x log2(4) = 12 of 20 points, 60/100.
    expect(verdict).toEqual({
      failed: true,
      checks: [
        { gate: "fail-under", failed: false, text: "the score 60/100 meets fail-under 50 (--fail-under)" },
        { gate: "fail-on", failed: true, text: "3 errors: fail-on error (--fail-on) fails" },
      ],
    });
  });

  it("with a baseline: only a new error fails fail-on error; warnings fail only fail-on warning", () => {
    const baseline = { file: "base.json", findings: known };
    expect(finish(report(known), { gates: { failOn: flag("error", "x") }, baseline }).verdict.failed).toBe(false);
    const added = finish(report([...known, newError]), { gates: { failOn: flag("error", "--fail-on") }, baseline });
    expect(added.verdict.checks).toEqual([
      { gate: "fail-on", failed: true, text: "1 error new since the baseline: fail-on error (--fail-on) fails" },
    ]);
    const warned = report([...known, finding("b", "warning", "/home/w")]);
    expect(finish(warned, { gates: { failOn: flag("error", "x") }, baseline }).verdict.failed).toBe(false);
    expect(finish(warned, { gates: { failOn: flag("warning", "x") }, baseline }).verdict.checks[0]!.text).toBe(
      "0 errors and 1 warning new since the baseline: fail-on warning (x) fails",
    );
    expect(finish(warned, { gates: { failOn: flag("never", "x") }, baseline }).verdict).toEqual({
      failed: false,
      checks: [],
    });
  });

  it("with a baseline, fail-under compares the whole score plus the points the baseline accepted, stated in the report", () => {
    const baseline = { file: "base.json", findings: known };
    // Whole: 4 findings of a, 20 - 4 x log2(5) = 10.7 points, 54/100. The 3 known alone cost 40 (60/100).
    const { report: compared, verdict } = finish(report([...known, newError]), {
      gates: { failUnder: flag(95, "--fail-under") },
      baseline,
    });
    expect(compared.score.total).toBe(54);
    expect(compared.suppressions?.baseline).toEqual({
      file: "base.json",
      unchanged: 3,
      new: 1,
      absent: 0,
      accepted: 40,
      gateScore: 94,
    });
    expect(verdict.checks).toEqual([
      {
        gate: "fail-under",
        failed: true,
        text: "the gate's score 94/100 (the score 54/100 plus 40 points the baseline accepted) is below fail-under 95 (--fail-under)",
      },
    ]);
    // Nothing new: the gate's score is 100 whatever the whole score.
    expect(finish(report(known), { gates: { failUnder: flag(100, "--fail-under") }, baseline }).verdict.failed).toBe(
      false,
    );
  });

  it("max-warnings counts the warnings not in the baseline", () => {
    const warnings = [finding("b", "warning", "/w/1"), finding("b", "warning", "/w/2")];
    const gates = { maxWarnings: flag(1, "ci.yml maxWarnings") };
    expect(finish(report(warnings), { gates }).verdict.checks).toEqual([
      { gate: "max-warnings", failed: true, text: "2 warnings, more than max-warnings 1 (ci.yml maxWarnings)" },
    ]);
    const baseline = { file: "b.json", findings: [warnings[0]!] };
    expect(finish(report(warnings), { gates, baseline }).verdict.checks).toEqual([
      {
        gate: "max-warnings",
        failed: false,
        text: "1 warning new since the baseline, within max-warnings 1 (ci.yml maxWarnings)",
      },
    ]);
  });

  it("an unassessed score passes no fail-under", () => {
    const empty = { ...report([]), score: { ...report([]).score, total: null } };
    expect(finish(empty, { gates: { failUnder: flag(0, "--fail-under") } }).verdict.checks[0]).toEqual({
      gate: "fail-under",
      failed: true,
      text: "the score not assessed is below fail-under 0 (--fail-under)",
    });
  });
});

describe("finish: what is shown", () => {
  it("quiet shows errors only while the gates judge everything; explain-score adds the arithmetic", () => {
    const all = report([...known, finding("b", "warning", "/w")]);
    const {
      report: full,
      shown,
      verdict,
    } = finish(all, { gates: { maxWarnings: flag(0, "--max-warnings") }, quiet: true, explainScore: true });
    expect(shown.findings.map((f) => f.severity)).toEqual(["error", "error", "error"]);
    expect(shown.suppressions?.hidden).toEqual({ warning: 1, info: 0 });
    expect(full.findings).toHaveLength(4);
    expect(verdict.failed).toBe(true);
    expect(shown.score.explanation?.length).toBeGreaterThan(0);
  });

  it("explain-score shows the report's rerun plan and the findings it set aside", () => {
    const offPlan: Finding = {
      ...finding("b", "info", "/w", 7),
      file: "eda.py",
      plan: "off",
      planReason: "not on the rerun path: no step runs or imports eda.py",
    };
    const graded = {
      ...report([offPlan]),
      plan: {
        collected: true as const,
        found: true,
        basis: "readme",
        reached: 1,
        steps: [{ order: 1, file: "README.md", cwd: ".", command: "python train.py", program: "train.py", repeat: 1 }],
      },
    };
    const explanation = finish(graded, { gates: {}, explainScore: true }).report.score.explanation ?? [];
    expect(explanation).toContain("  1. in .: python train.py (runs train.py)");
    expect(explanation).toContain(
      "  set aside as off the plan (cost nothing): b at eda.py:7 (not on the rerun path: no step runs or imports eda.py)",
    );
  });
});

describe("gatesFrom", () => {
  const flagged = {
    failUnder: { value: 70, origin: "flag" as const, source: "--fail-under" },
    maxWarnings: { value: 3, origin: "user-config" as const, source: "ci.yml maxWarnings" },
  };

  it("names a flag as the caller calls it and a config value by its file", () => {
    expect(gatesFrom(flagged, "cli")).toEqual({
      failUnder: { value: 70, source: "--fail-under" },
      maxWarnings: { value: 3, source: "ci.yml maxWarnings" },
      failOn: undefined,
    });
    expect(gatesFrom(flagged, "action").failUnder).toEqual({ value: 70, source: "input fail-under" });
    expect(gatesFrom({ failOn: { value: "warning", origin: "flag", source: "--fail-on" } }, "action").failOn).toEqual({
      value: "warning",
      source: "input fail-on",
    });
  });

  it("fails on an error in the Action unless fail-on was set; the terminal's default gates on nothing", () => {
    const unset = { failOn: { value: "never" as const, origin: "default" as const, source: "default" } };
    expect(gatesFrom(unset, "action").failOn).toEqual({ value: "error", source: "the Action's default" });
    expect(gatesFrom({}, "action").failOn).toEqual({ value: "error", source: "the Action's default" });
    expect(finish(report(known), { gates: gatesFrom(unset, "cli") }).verdict).toEqual({ failed: false, checks: [] });
    const fromConfig = { failOn: { value: "never" as const, origin: "user-config" as const, source: "ci.yml failOn" } };
    expect(finish(report(known), { gates: gatesFrom(fromConfig, "action") }).verdict).toEqual({
      failed: false,
      checks: [],
    });
  });
});
