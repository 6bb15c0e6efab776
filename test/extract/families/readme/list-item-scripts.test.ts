// A script written as a list item of its own (`- \`./code/train.sh\``) or run by its path (`./run.sh`) in
// inline code is a step: the shell runs it as written.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";
import { findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const commandsOf = async (files: Record<string, string>) =>
  (await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] }))
    .filter((r) => r.kind === "command")
    .map((r) => [r.line, r.script, r.purpose]);

const CODE = {
  "setup.sh": "pip install -r requirements.txt\n",
  "requirements.txt": "torch==2.1.0\n",
  "code/train.sh": "python code/train_a.py\npython code/train_b.py\n",
  "code/train_a.py": "import torch\nmodel = torch.nn.Linear(2, 2)\nloss.backward()\noptimizer.step()\n",
  "code/train_b.py": "import torch\nprint(2)\n",
  "code/notes.sh": "echo notes\n",
};
const README =
  "# Solution\n\n## SETUP\n\n- `./setup.sh`\n\n## MODEL TRAINING\n\nThe models train in stages:\n\n- `./code/train.sh`\n";

describe("readme: a script as a list item or an inline `./x.sh`", () => {
  it("takes a list item that is only a script's path as a step, the section saying what for", async () => {
    expect(await commandsOf({ "README.md": README, ...CODE })).toEqual([
      [5, "setup.sh", "install"],
      [11, "code/train.sh", "train"],
    ]);
  });

  it("takes `./x.sh` inline in a sentence as a step, not a bare name in a list of files", async () => {
    const readme =
      "# Solution\n\n## Files\n\n- `code/notes.sh`: prints notes\n- `code/train_a.py`\n\n## Training\n\nThen call `./code/train.sh` and wait.\n";
    expect(await commandsOf({ "README.md": readme, ...CODE })).toEqual([[10, "code/train.sh", "train"]]);
  });

  it("puts the script and what it calls on the plan: the training command is documented", async () => {
    const files = { "README.md": README, ...CODE };
    expect(stepsOf(await planOf(files)).map((s) => [s[2], s[3], s[4]])).toEqual([
      [".", "setup.sh", "install"],
      [".", null, "install"],
      [".", "code/train.sh", "other"],
      [".", "code/train_a.py", "train"],
      [".", "code/train_b.py", "train"],
    ]);
    expect(await findingsOf(files, ["instructions-train-documented"])).toEqual([]);
  });

  it("takes a Python file the sentence says to run (`./runs.py`, no `python`) as a step that trains", async () => {
    const files = {
      "README.md":
        "# Solution\n\n## Training\n\n* To train all models, run: `./runs.py`\n* See `notes.py` for details\n",
      "runs.py": "import os\ncode = 'fit'\nos.system(f'python {code}.py --fold 0')\n",
      "fit.py": "import torch\nmodel = torch.nn.Linear(2, 2)\nloss.backward()\noptimizer.step()\n",
      "notes.py": "print(1)\n",
    };
    expect(await commandsOf(files)).toEqual([[5, "runs.py", "train"]]);
    expect(stepsOf(await planOf(files)).map((s) => [s[3], s[4]])).toEqual([
      ["runs.py", "other"],
      ["fit.py", "train"],
    ]);
    expect(await findingsOf(files, ["instructions-train-documented"])).toEqual([]);
  });
});
