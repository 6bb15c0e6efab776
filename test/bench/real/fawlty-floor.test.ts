import { describe, expect, it } from "vitest";
import { fawltyFloor, readFawltyUndeclared } from "../../../bench/real/fawlty-floor.js";
import type { BenchFinding } from "../../../bench/real/match.js";

const declaredFinding = (distribution: string): BenchFinding => ({
  rule: "requirements-imports-declared",
  severity: "error",
  file: "a.py",
  line: 1,
  message: "m",
  values: { distribution },
});

describe("readFawltyUndeclared", () => {
  it("reads names and first references, paths relative to the repo", () => {
    const json = {
      undeclared_deps: [
        {
          name: "cv2",
          references: [
            { path: "/r/x/train.py", lineno: 3 },
            { path: "/r/x/b.py", lineno: 1 },
          ],
        },
        { name: "yaml", references: [] },
        { bogus: 1 },
      ],
    };
    expect(readFawltyUndeclared(json, "/r/x/")).toEqual([
      { name: "cv2", at: "train.py:3" },
      { name: "yaml", at: null },
    ]);
    expect(readFawltyUndeclared("not an object", "/r")).toEqual([]);
  });
});

describe("fawltyFloor", () => {
  it("leaves out what the audit names (by distribution), explains the rest or counts it a miss", () => {
    const undeclared = [
      { name: "cv2", at: "a.py:1" },
      { name: "utils", at: "a.py:2" },
      { name: "torch", at: "a.py:3" },
      { name: "apex", at: "a.py:4" },
      { name: "lightgbm", at: "a.py:5" },
      { name: "timm", at: "a.py:6" },
    ];
    const imports = [
      { kind: "import", module: "utils", top: "utils", origin: "local" },
      {
        kind: "import",
        module: "torch.nn",
        top: "torch",
        origin: "third-party",
        distribution: "torch",
        declared: true,
        declaredBy: "README.md:7 (pip install torch)",
      },
      {
        kind: "import",
        module: "apex",
        top: "apex",
        origin: "third-party",
        distribution: "apex",
        declared: false,
        optional: true,
      },
      {
        kind: "import",
        module: "lightgbm",
        top: "lightgbm",
        origin: "third-party",
        distribution: "lightgbm",
        declared: false,
        optional: false,
      },
    ];
    expect(fawltyFloor(undeclared, [declaredFinding("opencv-python")], imports)).toEqual([
      { name: "utils", at: "a.py:2", distribution: "utils", reason: "the repo's own module" },
      { name: "torch", at: "a.py:3", distribution: "torch", reason: "declared by README.md:7 (pip install torch)" },
      {
        name: "apex",
        at: "a.py:4",
        distribution: "apex",
        reason: "imported only behind ImportError (a probe, not a need)",
      },
      { name: "lightgbm", at: "a.py:5", distribution: "lightgbm", reason: null },
      { name: "timm", at: "a.py:6", distribution: "timm", reason: null },
    ]);
  });

  it("a repo with no spec names its needs in requirements-spec-present's list", () => {
    const spec: BenchFinding = {
      rule: "requirements-spec-present",
      severity: "error",
      file: null,
      message: "m",
      values: { distributions: "numpy==1.26.4, scikit-learn" },
    };
    const imports = [
      {
        kind: "import",
        module: "sklearn",
        top: "sklearn",
        origin: "third-party",
        distribution: "scikit-learn",
        declared: null,
      },
    ];
    expect(fawltyFloor([{ name: "sklearn", at: "a.py:1" }], [spec], imports)).toEqual([
      {
        name: "sklearn",
        at: "a.py:1",
        distribution: "scikit-learn",
        reason: "named in requirements-spec-present's list (the repo has no spec at all)",
      },
    ]);
  });
});
