// A module a step imports reads relative paths from the step's working folder: `cd sub && python -m pkg.run`
// runs sub/pkg/__init__.py's `open("config/meta.yaml")` on sub/config/meta.yaml.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { stepFolderForms } from "../../../../src/extract/families/data-refs/step-folders.js";

const RULES = ["datasets-data-available", "datasets-inputs-produced"];

describe("stepFolderForms", () => {
  it("moves the code files under a step's folder into it, not those beside it or outside", () => {
    const forms = stepFolderForms(
      [
        { script: "sub/pkg/run.py", cwd: "sub" },
        { script: "tools/x.py", cwd: "elsewhere" },
      ],
      ["sub/pkg/__init__.py", "sub/top.py", "other/pkg/a.py", "sub/pkg/meta.yaml", "elsewhere/deep/b.py"],
    );
    expect([...forms]).toEqual([["sub/pkg/__init__.py", ["sub/__init__.py"]]]);
  });
});

describe("datasets-data-available: reads from the step's folder", () => {
  const repo = (config: string) => ({
    "README.md": "# Solution\n\n```\ncd sub && python -m pkg.run\n```\n",
    "sub/pkg/__init__.py":
      'import yaml\n\nclass Settings:\n    @staticmethod\n    def load(p):\n        with open(p) as f:\n            return yaml.safe_load(f)\n\nMETA = Settings.load("config/meta.yaml")\n',
    "sub/pkg/run.py": "from pkg import META\nprint(META)\n",
    [config]: "a: 1\n",
  });

  it("finds config/meta.yaml in the folder the step runs in", async () => {
    expect(await findingsOf(repo("sub/config/meta.yaml"), RULES)).toEqual([]);
  });

  it("still reports it where that folder lacks it", async () => {
    const findings = await findingsOf(repo("sub/settings/meta.yaml"), RULES);
    expect(findings.map((f) => [f[0], f[1], f[2]])).toEqual([["datasets-data-available", "sub/pkg/__init__.py", 9]]);
  });
});
