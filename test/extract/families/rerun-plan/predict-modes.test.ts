// A documented script that runs the program in its predict mode (`--task predict`, `--mode test`, a `predict`
// subcommand) documents the prediction, whatever the program's name.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "./plan-repo.js";

const README = "# Solution\n\nTo reproduce, run:\n\n```\nbash reproduce.sh\n```\n";
const MAIN =
  "import argparse\np = argparse.ArgumentParser()\np.add_argument('--task')\np.add_argument('--mode')\np.add_argument('--out')\np.parse_args()\n";

describe("a predict mode in a documented script", () => {
  it("documents the prediction: --task predict, --mode test, a predict subcommand", async () => {
    for (const line of [
      "python train.py --task predict --out submission.csv",
      "python train.py --mode=test --out submission.csv",
      "python main.py predict --out submission.csv",
    ]) {
      const files = {
        "README.md": README,
        "reproduce.sh": `python train.py --task train\n${line}\n`,
        "train.py": MAIN,
        "main.py": MAIN,
      };
      expect([line, await findingsOf(files, ["instructions-predict-documented"])]).toEqual([line, []]);
      expect(stepsOf(await planOf(files)).map((s) => s[4])).toEqual(["other", "train", "predict"]);
    }
  });

  it("still finds no prediction in a script that only trains", async () => {
    const files = {
      "README.md": README,
      "reproduce.sh":
        "python train.py --task train\npython train.py data.test_size=0.2 phase=train --test_batch_size 8\n",
      "train.py": MAIN,
    };
    expect(await findingsOf(files, ["instructions-predict-documented"])).toEqual([
      ["instructions-predict-documented", null, null, "warning"],
    ]);
  });

  it("documents the prediction: the training module run with hydra overrides that pick its test phase", async () => {
    for (const line of [
      "python -m src.train dataset.phase=test test_model=output/model.ckpt",
      "python -m src.train +mode=predict",
      "python src/train.py test_model=output/model.ckpt",
    ]) {
      const files = {
        "README.md": `# Solution\n\n## Training\n\n\`\`\`\npython -m src.train\n\`\`\`\n\n## Inference\n\n\`\`\`\n${line}\n\`\`\`\n`,
        "src/__init__.py": "",
        "src/train.py": "print(1)\n",
      };
      expect([line, await findingsOf(files, ["instructions-predict-documented"])]).toEqual([line, []]);
      expect(stepsOf(await planOf(files)).map((s) => s[4])).toEqual(["train", "predict"]);
    }
  });
});
