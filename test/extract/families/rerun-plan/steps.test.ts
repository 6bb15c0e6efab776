// The rerun plan's steps: README blocks and prose, the scripts they run with their loops, Makefile targets,
// notebooks' shell lines, console scripts and the Kaggle kernel, each with its working folder.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf, summaryOf } from "./plan-repo.js";

const TRAIN_PY = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--fold", type=int, default=0)
args = p.parse_args()
`;

describe("rerun-plan steps", () => {
  it("follows a README's bash run.sh into the script: a fold loop gives repeat 5, nested loops multiply, repeated lines add", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\n```bash\npip install -r requirements.txt\nbash run.sh\n```\n",
      "requirements.txt": "torch\n",
      "run.sh": "#!/bin/bash\nEPOCHS=30\nfor fold in 0 1 2 3 4\ndo\n  python train.py --epochs $EPOCHS --fold $fold\ndone\nfor seed in 1 2; do\n  for fold in $(seq 0 2); do\n    python train.py --fold $fold\n  done\ndone\npython predict.py\npython predict.py\n",
      "train.py": TRAIN_PY,
      "predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", null, "install", 1],
      [2, null, ".", "run.sh", "other", 1],
      [3, 2, ".", "train.py", "train", 5],
      [4, 2, ".", "train.py", "train", 6],
      [5, 2, ".", "predict.py", "predict", 2],
    ]);
    const first = records.find((r) => r.kind === "step" && r.order === 3)!;
    expect([first.command, first.args, first.repeatSource, first.epochs, first.folds, first.trainingSource]).toEqual([
      "python train.py --epochs 30 --fold $fold",
      "--epochs 30 --fold $fold",
      "run.sh:3",
      30,
      1,
      "run.sh:5",
    ]);
    expect(summaryOf(records)).toEqual({ kind: "summary", found: true, steps: 5, reached: 3, basis: "readme" });
  });
});
