// The Action's lenient reader of a baseline report (pure); matching and gates are the library's (test/evaluate/finish.test.ts).
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/index.js";
import { baselineFindings } from "../../src/action/baseline.js";

const f = (over: Partial<Finding>): Finding => ({
  rule: "paths-portable", category: "paths", severity: "error", file: "train.py", line: 3, message: "m", values: { value: "/home/a" }, locations: [], ...over,
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
