// Notebook lines that are IPython, not Python: a `!cmd` alone in an `if` or `for` block, automagic lines
// without `%` (`cd ../src/`, `ls`, `pip install x`). They parse; those that run commands are steps, and a
// `cd` moves the notebook's working folder for the cells after it.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf, gatedSeverity } from "./plan-repo.js";
import { notebook } from "../helpers.js";

const README = "# Solution\n\nRun `notebooks/train.ipynb`.\n";

describe("IPython lines in a notebook", () => {
  it("parses a shell escape alone in a block and automagic lines, and runs their commands from the folder cd gives", async () => {
    const files = {
      "README.md": README,
      "notebooks/train.ipynb": notebook(
        "import os\np = 'out'",
        "if not os.path.isdir(p):\n    !mkdir -p $p",
        "for fold in range(2):\n    %time print(fold)",
        "cd ../src/",
        "ls\npwd\npip install timm",
        "!python train.py --fold 0",
      ),
      "src/train.py": "print(1)\n",
    };
    expect(await findingsOf(files, ["code-syntax-valid"])).toEqual([]);
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, ".", "notebooks/train.ipynb", "train", 1],
      [2, 1, "src", null, "install", 1],
      [3, 1, "src", "src/train.py", "train", 1],
    ]);
  });

  it("keeps the notebook's folder after `!cd`, which runs in a shell of its own", async () => {
    const files = {
      "README.md": README,
      "notebooks/train.ipynb": notebook("!cd ../src", "!python prep.py", "!cd ../src && python train.py"),
      "notebooks/prep.py": "print(0)\n",
      "src/train.py": "print(1)\n",
    };
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, ".", "notebooks/train.ipynb", "train", 1],
      [2, 1, "notebooks", "notebooks/prep.py", "preprocess", 1],
      [3, 1, "src", "src/train.py", "train", 1],
    ]);
  });

  it("still reports a real error, at its own cell", async () => {
    const files = {
      "README.md": README,
      "notebooks/train.ipynb": notebook("cd ../src/", "import os", "name = "),
      "src/train.py": "print(1)\n",
    };
    expect(await findingsOf(files, ["code-syntax-valid"])).toEqual([
      // On the plan and conclusive: as far as the first-look gate lets the rule act.
      ["code-syntax-valid", "notebooks/train.ipynb", 3, gatedSeverity("code-syntax-valid")],
    ]);
  });
});
