// A root README with no commands that names each member's folder ("A's solution can be found in `a_solution`"):
// each folder's README holds the steps, run from that folder, and the training command is documented there.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const TRAIN = "import torch\nmodel = torch.nn.Linear(2, 2)\nloss.backward()\noptimizer.step()\n";
const FILES = {
  "README.md":
    "# Team solution\n\nDetailed instructions:\n\n1. A's solution can be found in ``a_solution`` <br />\n2. B's solution can be found in `b_solution`\n",
  "a_solution/README.md":
    "# A\n\nFirst:\n\n```cd src/model```\n\n1. ```python write_scripts.py``` to write the fold scripts\n2. ```bash run_folds.sh``` to train\n",
  "a_solution/src/model/write_scripts.py":
    "for i in range(2):\n    with open(f'scripts/{i}_fold.sh', 'w') as f:\n        f.write(f'python train.py --fold {i}')\n",
  "a_solution/src/model/run_folds.sh": "bash scripts/0_fold.sh\nbash scripts/1_fold.sh\n",
  "a_solution/src/model/train.py": TRAIN,
  "b_solution/README.md": "# B\n\n```\npython fit.py\n```\n",
  "b_solution/deep/er/fit.py": TRAIN,
};

describe("readme: member folders the root README names", () => {
  it("takes each named folder's README as steps run from that folder", async () => {
    const steps = stepsOf(await planOf(FILES)).map((s) => [s[2], s[3]]);
    expect(steps.slice(0, 2)).toEqual([
      ["a_solution/src/model", "a_solution/src/model/write_scripts.py"],
      ["a_solution/src/model", "a_solution/src/model/run_folds.sh"],
    ]);
    expect(steps.map((s) => s[1])).toContain("b_solution/deep/er/fit.py");
  });

  it("finds the training command there, and a script a Python file beside it writes is no missing call", async () => {
    expect(await findingsOf(FILES, ["instructions-train-documented", "instructions-script-calls-exist"])).toEqual([]);
  });

  it("still says no training command where the named folder has no README", async () => {
    const files = { "README.md": FILES["README.md"], "a_solution/src/model/train.py": TRAIN };
    expect((await findingsOf(files, ["instructions-train-documented"])).length).toBe(1);
  });
});
