import { describe, expect, it } from "vitest";
import {
  agreement,
  matchDefects,
  matchReadLabels,
  ruleFindsKind,
  type BenchFinding,
} from "../../../bench/real/match.js";
import type { DefectLabel, FindingLabel } from "../../../bench/real/labels.js";

const finding = (over: Partial<BenchFinding>): BenchFinding => ({
  rule: "paths-portable",
  severity: "error",
  file: "a.py",
  line: 3,
  message: "m",
  ...over,
});
const read = (over: Partial<FindingLabel>): FindingLabel => ({
  rule: "paths-portable",
  file: "a.py",
  line: 3,
  verdict: "wrong",
  why: "why",
  ...over,
});
const defect = (over: Partial<DefectLabel>): DefectLabel => ({
  kind: "machine-path",
  file: "a.py",
  line: 3,
  what: "what",
  ...over,
});

describe("matchReadLabels", () => {
  it("matches by rule, file and line whatever the message says", () => {
    const [r] = matchReadLabels([read({})], [finding({ message: "completely new wording" })]);
    expect(r!.finding).not.toBeNull();
  });

  it("is stale when the rule, the file or the line differ", () => {
    const findings = [finding({ rule: "paths-other" }), finding({ file: "b.py" }), finding({ line: 4 })];
    expect(matchReadLabels([read({})], findings)[0]!.finding).toBeNull();
  });

  it("matches any location of a grouped finding", () => {
    const grouped = finding({
      line: 1,
      locations: [
        { file: "a.py", line: 1 },
        { file: "c.py", line: 9 },
        { file: "a.py", line: 3 },
      ],
    });
    expect(matchReadLabels([read({})], [grouped])[0]!.finding).toBe(grouped);
    expect(matchReadLabels([read({ file: "c.py", line: 9 })], [grouped])[0]!.finding).toBe(grouped);
    expect(matchReadLabels([read({ file: "c.py", line: 3 })], [grouped])[0]!.finding).toBeNull();
  });

  it("matches repository-level findings by a null file", () => {
    const repoLevel = finding({ rule: "instructions-train-documented", file: null, line: null });
    expect(
      matchReadLabels([read({ rule: "instructions-train-documented", file: null, line: undefined })], [repoLevel])[0]!
        .finding,
    ).toBe(repoLevel);
  });

  it("matches notebook places by cell and cellLine, not by the flattened line", () => {
    const nb = finding({ file: "n.ipynb", line: 40, cell: 5, cellLine: 2 });
    expect(matchReadLabels([read({ file: "n.ipynb", line: undefined, cell: 5, cellLine: 2 })], [nb])[0]!.finding).toBe(
      nb,
    );
    expect(
      matchReadLabels([read({ file: "n.ipynb", line: undefined, cell: 5, cellLine: 3 })], [nb])[0]!.finding,
    ).toBeNull();
  });

  it("uses the hint to pick among findings at one place, in message or values", () => {
    const numpy = finding({ rule: "requirements-pinned", message: "numpy is not pinned" });
    const scipy = finding({ rule: "requirements-pinned", message: "x", values: { name: "SciPy" } });
    const [a, b, c] = matchReadLabels(
      [
        read({ rule: "requirements-pinned", hint: "numpy" }),
        read({ rule: "requirements-pinned", hint: "scipy" }),
        read({ rule: "requirements-pinned", hint: "torch" }),
      ],
      [numpy, scipy],
    );
    expect(a!.finding).toBe(numpy);
    expect(b!.finding).toBe(scipy);
    expect(c!.finding).toBeNull();
  });
});

describe("matchDefects", () => {
  it("accepts any rule of the defect's kind", () => {
    expect(ruleFindsKind("paths-portable", "machine-path")).toBe(true);
    expect(ruleFindsKind("paths-inside-repo", "machine-path")).toBe(true);
    expect(ruleFindsKind("datasets-data-available", "machine-path")).toBe(false);
    expect(ruleFindsKind("instructions-references-exist", "missing-script")).toBe(true);
    expect(ruleFindsKind("requirements-imports-declared", "undeclared-package")).toBe(true);
    expect(ruleFindsKind("code-syntax-valid", "py3-syntax")).toBe(true);
    const found = matchDefects([defect({}), defect({ kind: "py3-syntax" })], [finding({ rule: "paths-inside-repo" })]);
    expect(found.map((d) => d.finding !== null)).toEqual([true, false]);
  });
});

describe("agreement", () => {
  it("counts precision over live labels only, lists stale labels and missed defects per kind", () => {
    const findings = [
      finding({}),
      finding({ line: 5 }),
      finding({ rule: "requirements-imports-declared", line: 7, message: "'torch' is imported" }),
    ];
    const reads = matchReadLabels(
      [read({ verdict: "correct" }), read({ line: 5, verdict: "wrong" }), read({ line: 99, verdict: "correct" })],
      findings,
    );
    const defects = matchDefects(
      [
        defect({}),
        defect({ line: 50 }),
        defect({ kind: "undeclared-package", line: 7, hint: "torch" }),
        defect({ kind: "missing-script", file: "README.md", line: 2 }),
      ],
      findings,
    );
    const a = agreement(reads, defects);
    expect(a.read).toBe(2);
    expect(a.correct).toBe(1);
    expect(a.stale.map((l) => l.line)).toEqual([99]);
    expect(a.defects["machine-path"]).toEqual({ labelled: 2, found: 1 });
    expect(a.defects["undeclared-package"]).toEqual({ labelled: 1, found: 1 });
    expect(a.defects["missing-script"]).toEqual({ labelled: 1, found: 0 });
    expect(a.defects["py3-syntax"]).toEqual({ labelled: 0, found: 0 });
    expect(a.missed.map((d) => d.line)).toEqual([50, 2]);
  });
});
