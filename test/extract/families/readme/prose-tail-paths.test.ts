// A path the prose names by its tail (`script/run.sh` where the repo has input/training/script/run.sh): the one
// file that ends so is that file, and a step of the plan where the prose says to run it; two such files are
// both named, at the severity the first-look gate leaves the rule.
import { describe, expect, it } from "vitest";
import { findingsOf, gatedWarning, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-references-exist"];
const README = "# Solution\n\nPut the data in the folder `source_data`, then run `script/run.sh` to train the model.\n";
const CODE = {
  "input/training/script/run.sh": "python train.py\n",
  "input/training/script/train.py": "from sklearn.linear_model import Ridge\nRidge().fit([[1]], [1])\n",
};

describe("readme: a prose path given by its tail", () => {
  it("takes the one file ending with the path for it, and runs it as a step", async () => {
    const files = { ...CODE, "README.md": README };
    expect(await findingsOf(files, RULES)).toEqual([]);
    expect(stepsOf(await planOf(files)).map((s) => s[3])).toEqual(
      expect.arrayContaining(["input/training/script/run.sh", "input/training/script/train.py"]),
    );
  });

  it("names both files where two end with the path, at the gated severity", async () => {
    const files = {
      ...CODE,
      "input/inference/script/run.sh": "python predict.py\n",
      "input/inference/script/predict.py": "print('predict')\n",
      "README.md": README,
    };
    expect(await findingsOf(files, RULES)).toEqual([
      ["instructions-references-exist", "README.md", 3, gatedWarning("instructions-references-exist")],
    ]);
  });
});
