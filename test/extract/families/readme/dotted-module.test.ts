// A README naming a script in a module's dotted form ("use `pkg.split_folds.py`") names pkg/split_folds.py.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { dottedModuleFile } from "../../../../src/extract/families/readme/dotted-module.js";

describe("dottedModuleFile", () => {
  it("turns dotted words ending in .py into the module's file, and nothing else", () => {
    expect(dottedModuleFile("pkg.split_folds.py")).toBe("pkg/split_folds.py");
    expect(dottedModuleFile("a.b.c.py")).toBe("a/b/c.py");
    expect(dottedModuleFile("split_folds.py")).toBeNull();
    expect(dottedModuleFile("src/split_folds.py")).toBeNull();
    expect(dottedModuleFile("config.yaml")).toBeNull();
  });
});

describe("instructions-references-exist: dotted module names", () => {
  const repo = (module: string) => ({
    "README.md": "# Solution\n\n## Notes\n\n1. For the first runs, use `pkg.split_folds.py` to make the folds;\n",
    [module]: "print('folds')\n",
    "pkg/__init__.py": "",
  });

  it("takes `pkg.split_folds.py` for pkg/split_folds.py, which exists", async () => {
    expect(await findingsOf(repo("pkg/split_folds.py"), ["instructions-references-exist"])).toEqual([]);
  });

  it("still reports the name where the module's file is missing", async () => {
    const findings = await findingsOf(repo("pkg/other.py"), ["instructions-references-exist"]);
    expect(findings.map((f) => [f[0], f[1], f[2]])).toEqual([["instructions-references-exist", "README.md", 5]]);
  });
});
