// A notebook cell that is no Python (a pasted signature without its body, a line of prose) in a notebook
// no step runs is graded by the plan: info where the plan found steps; with no step found, any file may be on the
// training's path, so a warning.
import { describe, expect, it } from "vitest";
import { findingsOf, gatedWarning } from "../rerun-plan/plan-repo.js";

const notebook = (cells: string[][]) =>
  JSON.stringify({ nbformat: 4, cells: cells.map((source) => ({ cell_type: "code", source })) });
const NOTEBOOKS = {
  "notebooks/eda.ipynb": notebook([["import pandas as pd\n"], ["accuracy was 0.93 on fold 1\n"]]),
  "notebooks/api.ipynb": notebook([["import pandas as pd\n"], ["def f(a: int, b) -> None\n"]]),
};

describe("a broken cell in a notebook off the plan", () => {
  it("is info where the plan found its steps", async () => {
    const repo = { "README.md": "```\npython train.py\n```\n", "train.py": "print(1)\n", ...NOTEBOOKS };
    expect(await findingsOf(repo, ["code-syntax-valid"])).toEqual([
      ["code-syntax-valid", "notebooks/api.ipynb", 3, "info"],
      ["code-syntax-valid", "notebooks/eda.ipynb", 3, "info"],
    ]);
  });

  it("is a warning at most where the plan found no step", async () => {
    const repo = { "README.md": "# A solution\n", "utils.py": "print(1)\n", ...NOTEBOOKS };
    expect(await findingsOf(repo, ["code-syntax-valid"])).toEqual([
      ["code-syntax-valid", "notebooks/api.ipynb", 3, gatedWarning("code-syntax-valid")],
      ["code-syntax-valid", "notebooks/eda.ipynb", 3, gatedWarning("code-syntax-valid")],
    ]);
  });
});
