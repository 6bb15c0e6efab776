// A repo whose only ordering of the pipeline is a notebook that chains its scripts (`os.system('python a.py ' +
// str(2) + '&&' + 'python b.py 3')`, `subprocess.run(['python', 'c.py'])`, `!python d.py --x 1`): with no README
// step, root script or kernel, that notebook is the plan, its cells' commands its steps in cell order.
import { describe, expect, it } from "vitest";
import { chainedCommands } from "../../../../src/extract/families/rerun-plan/notebook-runs.js";
import { launchedCommands } from "../../../../src/extract/families/rerun-plan/launches.js";
import { planOf, stepsOf, summaryOf } from "./plan-repo.js";
import { notebook } from "../helpers.js";

const TRAIN = "import torch\nloss.backward()\noptimizer.step()\n";
const README = "# Solution\n\nSome words about the model, no commands.\n";

describe("rerun-plan: a notebook that chains the repo's scripts", () => {
  const code = {
    "prepare.py": "print('folds')\n",
    "train.py": TRAIN,
    "predict.py": "import torch\nmodel.eval()\npreds = model(x)\n",
    "report.py": "print('done')\n",
  };

  it("runs a run*.ipynb's os.system, subprocess and `!` commands as steps in cell order", async () => {
    const records = await planOf({
      "README.md": README,
      ...code,
      "run.ipynb": notebook(
        "import os, subprocess",
        "os.system('python prepare.py '+str(2)+'&&'+'python train.py 3')",
        "subprocess.run(['python', 'predict.py'])",
        "!python report.py --x 1",
        "os.system('python missing.py')",
      ),
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "run.ipynb", "other", 1],
      [2, 1, ".", "prepare.py", "preprocess", 1],
      [3, 1, ".", "train.py", "train", 1],
      [4, 1, ".", "predict.py", "predict", 1],
      [5, 1, ".", "report.py", "other", 1],
    ]);
    expect(summaryOf(records)).toMatchObject({ found: true, basis: "notebook" });
  });

  it("takes the one notebook of any name that runs two of the repo's scripts, and none of several", async () => {
    const chain = notebook("!python prepare.py", "!python train.py");
    const explore = notebook("import pandas as pd", "df = pd.read_csv('train.csv')");
    const one = await planOf({ "README.md": README, ...code, "nb/solution.ipynb": chain, "eda.ipynb": explore });
    expect(stepsOf(one).map((s) => s[3])).toEqual(["nb/solution.ipynb", "prepare.py", "train.py"]);
    const two = await planOf({ "README.md": README, ...code, "a.ipynb": chain, "b.ipynb": chain });
    expect(summaryOf(two)).toMatchObject({ found: false, basis: "none" });
  });

  it("leaves the README's steps the plan where it has them", async () => {
    const records = await planOf({
      "README.md": "# S\n\n```\npython train.py\n```\n",
      ...code,
      "run.ipynb": notebook("!python prepare.py", "!python predict.py"),
    });
    expect(stepsOf(records).map((s) => s[3])).toEqual(["train.py"]);
  });

  it("spells `str(N)` in a `+` join as the number", () => {
    expect(launchedCommands("import os\nos.system('python a.py --fold '+str(2)+' --lr '+str(0.5))\n")).toEqual([
      { line: 2, command: "python a.py --fold 2 --lr 0.5" },
    ]);
  });

  it("splits a shell string at `&&` and `;` outside quotes", () => {
    expect(chainedCommands("python a.py 2&&python b.py 3; python -c 'x; y'")).toEqual([
      "python a.py 2",
      "python b.py 3",
      "python -c 'x; y'",
    ]);
  });
});
