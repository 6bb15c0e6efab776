// The one order from rule file to what is shown: first-look gate, inline suppressions, the rerun plan and
// evidence, the score, then baseline, gates and quiet.
import { describe, expect, it } from "vitest";
import { assembleReport, type AuditRecord } from "../../src/evaluate/assemble.js";
import { finish } from "../../src/evaluate/finish.js";
import { gateByFirstLook } from "../../src/evaluate/first-look-gate.js";
import { ruleWith } from "../support/rule.js";
import { emptyFacts } from "../../src/model/facts.js";

const rule = ruleWith;

const record: AuditRecord = {
  schemaVersion: 1,
  tool: { name: "repro-audit", version: "0" },
  generatedAt: "2025-01-01T00:00:00Z",
  repo: { url: "/r", kind: "folder", commit: null, ref: null, branches: [] },
  stages: { static: { status: "ran" }, build: { status: "skipped" }, epoch: { status: "skipped" } },
  suppressions: { inline: [], repoTrusted: true, suppressed: 0 },
  notes: [],
};

function facts() {
  const f = emptyFacts();
  f.families["path-literals"] = [
    { file: "train.py", line: 5, value: "/home/a" },
    { file: "train.py", line: 6, value: "/home/b" },
    { file: "eda.py", line: 2, value: "/home/c" },
  ];
  f.families.suppressions = [{ file: "train.py", line: 5, target: 5, rules: "paths-portable", reason: "ours" }];
  f.families["rerun-plan"] = [
    {
      kind: "step",
      file: "README.md",
      line: 3,
      order: 1,
      cwd: ".",
      command: "python train.py",
      program: "train.py",
      exists: true,
      repeat: 1,
      configs: "",
    },
    { kind: "reach", file: "train.py", step: 1, via: "runs", from: null },
    { kind: "summary", found: true, steps: 1, reached: 1, basis: "readme" },
  ];
  return f;
}

describe("assembleReport and finish, in their one order", () => {
  it("suppresses, grades by the plan, scores what the plan counts, then lets quiet show only the conclusive on-plan error", () => {
    const report = assembleReport(record, facts(), [rule({})]);
    expect(report.findings.map((f) => [f.file, f.line, f.severity, f.plan])).toEqual([
      ["train.py", 6, "error", "on"],
      ["eda.py", 2, "info", "off"],
    ]);
    expect(report.rules[0]).toMatchObject({ findings: 2, counted: 1 });
    expect(report.score.losses).toEqual([expect.objectContaining({ rule: "paths-portable", findings: 1 })]);
    expect(report.plan).toMatchObject({ collected: true, found: true, reached: 1 });
    const { shown, verdict } = finish(report, {
      gates: { failOn: { value: "warning", source: "--fail-on" } },
      quiet: true,
    });
    expect(shown.findings.map((f) => f.file)).toEqual(["train.py"]);
    expect(shown.suppressions?.hidden).toEqual({ warning: 0, info: 1 });
    expect(verdict.checks[0]!.text).toBe("1 error and 0 warnings: fail-on warning (--fail-on) fails");
    const known = finish(report, {
      gates: { failOn: { value: "warning", source: "--fail-on" } },
      baseline: { file: "b.json", findings: report.findings },
    });
    expect(known.verdict.failed).toBe(false);
  });

  it("grades after the first-look gate: a held-back rule's on-plan finding stays a warning and blocks nothing", () => {
    const held = gateByFirstLook(
      rule({ effect: "block", firstLook: { correct: 1, wrong: 9, debatable: 0, corpus: "r" } }),
    );
    const report = assembleReport(record, facts(), [held]);
    expect(report.findings.map((f) => [f.file, f.severity])).toEqual([
      ["train.py", "warning"],
      ["eda.py", "info"],
    ]);
    expect(report.score.areas.data.blockedBy).toEqual([]);
  });
});
