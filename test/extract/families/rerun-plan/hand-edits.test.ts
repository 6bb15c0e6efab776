// README sentences that make the reader edit a setting by hand between runs ("change `FOLD = 0` in config.py to
// 1..4 and rerun"): the setting, the file, and how many more runs the edit asks for.
import { describe, expect, it } from "vitest";
import { handEdits } from "../../../../src/extract/families/rerun-plan/hand-edits.js";
import { planOf, stepsOf } from "./plan-repo.js";

describe("handEdits", () => {
  it("reads a setting changed in a file to other values, and a stage set in the config to run again", () => {
    const text = [
      "# Train",
      "",
      "Then change `FOLD = 0` in config.py to 1..4 and rerun.",
      "Set `stage=2` in the config and run again.",
      "Change fold to 1, 2, 3 and 4 in `src/cfg.yaml` and repeat the training.",
      "Run it again for each fold from 0 to 4, changing FOLD in train.py each time.",
    ].join("\n");
    expect(handEdits(text)).toEqual([
      { line: 3, setting: "FOLD = 0", file: "config.py", more: 4 },
      { line: 4, setting: "stage=2", file: null, more: 1 },
      { line: 5, setting: "fold", file: "src/cfg.yaml", more: 4 },
      { line: 6, setting: "FOLD", file: "train.py", more: 4 },
    ]);
  });

  it("reads no edit in prose that only configures once or reruns nothing", () => {
    const text = [
      "Set `data_dir` in config.py to your data folder.",
      "Change the batch size if you run out of memory.",
      "Run `python train.py` again to resume.",
      "If the install fails, update pip and run it again.",
      "Set up the environment and rerun the notebook.",
    ].join("\n");
    expect(handEdits(text)).toEqual([]);
  });
});

describe("rerun-plan steps repeated by hand", () => {
  it("counts the reruns a hand edit asks for into the step before it, and says so on the step", async () => {
    const records = await planOf({
      "README.md":
        "# Train\n\n```\npython train.py\n```\n\nThen change `FOLD = 0` in config.py to 1..4 and rerun.\n\n# Predict\n\n```\npython predict.py\n```\n",
      "train.py": "from config import FOLD\nprint(FOLD)\n",
      "config.py": "FOLD = 0\n",
      "predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "train.py", "train", 5],
      [2, null, ".", "predict.py", "predict", 1],
    ]);
    const train = records.find((r) => r.kind === "step" && r.order === 1)!;
    expect([train.repeatSource, train.handEdit]).toEqual([
      "README.md:7",
      "change FOLD = 0 in config.py and rerun, 4 more times (README.md:7)",
    ]);
  });
});
