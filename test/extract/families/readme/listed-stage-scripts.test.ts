// Stage scripts a README names only in the bullets under a "run" sentence ("To train models from the `code`
// folder run:", then "- stage 2: `train_second_step.sh`") are steps of the plan, their calls checked.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const TRAIN =
  "import argparse\np = argparse.ArgumentParser()\np.add_argument('--debug', type=lambda s: s == 'True', default=False)\np.add_argument('--fold', type=int, default=0)\nargs = p.parse_args()\n";
const CODE = {
  "code/train.py": TRAIN,
  "code/train_first_step.sh": "python train.py --fold 0\n",
  "code/train_second_step.sh": "for f in 0 1; do\n  python train.py --fold $f --debug --True\ndone\n",
};
const README =
  "# Solution\n\n## Training\n\nTo train models from the `code` folder run:\n\n- stage 1: `train_first_step.sh` - for the base models\n- stage 2: `train_second_step.sh` - for the second models\n";

describe("readme: stage scripts listed under a run sentence", () => {
  it("makes each listed script a step run from its folder", async () => {
    const steps = stepsOf(await planOf({ ...CODE, "README.md": README }));
    expect(steps.filter((s) => s[1] === null).map((s) => [s[2], s[3]])).toEqual([
      ["code", "code/train_first_step.sh"],
      ["code", "code/train_second_step.sh"],
    ]);
    // What they run trains: the scripts hand their work to the training steps, which are costed.
    expect(steps.filter((s) => s[1] !== null).map((s) => [s[2], s[3], s[4]])).toEqual([
      ["code", "code/train.py", "train"],
      ["code", "code/train.py", "train"],
    ]);
  });

  it("checks the listed script's calls against the parser", async () => {
    const found = await findingsOf({ ...CODE, "README.md": README }, ["instructions-options-accepted"]);
    expect(found.map((f) => [f[0], f[1], f[2]])).toEqual([
      ["instructions-options-accepted", "code/train_second_step.sh", 2],
    ]);
  });

  it("takes no bullet of a list that is not under a run sentence", async () => {
    const readme = "# Solution\n\n## Files\n\nThe repository holds:\n\n- `train_first_step.sh` - the base models\n";
    const steps = stepsOf(await planOf({ ...CODE, "README.md": readme }));
    expect(steps.filter((s) => s[1] === null && s[3] === "code/train_first_step.sh")).toEqual([]);
  });
});
