// A step document's `cd` holds for the blocks after it: under the headings below its own, and, where a new
// section's block names a script only that folder holds, across the section's end.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf, gatedSeverity } from "./plan-repo.js";

/** The severity the gate lets instructions-scripts-located act at (the rounds move it). */
const LOCATED = gatedSeverity("instructions-scripts-located");

const PARSED = "import argparse\np = argparse.ArgumentParser()\np.add_argument('--config_path')\np.parse_args()\n";
const CODE = {
  "training-code/train_mlm.py": PARSED,
  "training-code/train.py": PARSED,
  "training-code/configs/mlm.json": "{}\n",
  "training-code/configs/a.json": "{}\n",
};
const LOCATING = ["instructions-scripts-located", "instructions-step-configs-exist", "instructions-references-exist"];

/** A doc that changes folder under `## Training` and runs each step in a subsection of its own. */
const SUBSECTIONS =
  "# Entry points\n\n## Training\n\n```bash\ncd training-code\n```\n\nThe next steps run from the training-code folder.\n\n" +
  "### Pretraining\n\n```bash\npython train_mlm.py --config_path ./configs/mlm.json\n```\n\n" +
  "### Fine-tuning\n\n```bash\npython train.py --config_path ./configs/a.json\n```\n";

/** A doc that changes folder in its setup section and says the sections after it run from there. */
const LATER_SECTIONS =
  "# Steps\n\n## Setup\n\n```bash\ncd training-code\n```\n\nAll the commands below run from training-code.\n\n" +
  "## Pretraining\n\n```bash\npython train_mlm.py --config_path ./configs/mlm.json\n```\n\n" +
  "## Fine-tuning\n\n```bash\npython train.py --config_path ./configs/a.json\n```\n";

const LINKING = "# Solution\n\nSee [the entry points](entry_points.md) to train.\n";

describe("a step document's working folder", () => {
  it("carries a linked document's `cd` into the subsections below its heading", async () => {
    const files = { "README.md": LINKING, "entry_points.md": SUBSECTIONS, ...CODE };
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, "training-code", "training-code/train_mlm.py", "train", 1],
      [2, null, "training-code", "training-code/train.py", "train", 1],
    ]);
    expect(await findingsOf(files, LOCATING)).toEqual([]);
  });

  it("carries a linked document's `cd` across a section's end to a script only that folder holds", async () => {
    const files = { "README.md": LINKING, "entry_points.md": LATER_SECTIONS, ...CODE };
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, "training-code", "training-code/train_mlm.py", "train", 1],
      [2, null, "training-code", "training-code/train.py", "train", 1],
    ]);
    expect(await findingsOf(files, LOCATING)).toEqual([]);
  });

  it("does the same in the README itself", async () => {
    const files = { "README.md": LATER_SECTIONS.replace("# Steps", "# Solution"), ...CODE };
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, "training-code", "training-code/train_mlm.py", "train", 1],
      [2, null, "training-code", "training-code/train.py", "train", 1],
    ]);
    expect(await findingsOf(files, LOCATING)).toEqual([]);
  });

  it("still ends a section's `cd` where the next section's script lies from the root, and still names a script no `cd` explains", async () => {
    const files = {
      "README.md":
        "# Solution\n\n## Training\n\n```bash\ncd training-code\npython train.py --config_path ./configs/a.json\n```\n\n" +
        "## Inference\n\n```bash\npython predict.py\npython infer.py\n```\n",
      "predict.py": "print(1)\n",
      "tools/infer.py": "print(1)\n",
      ...CODE,
    };
    expect(stepsOf(await planOf(files))).toEqual([
      [1, null, "training-code", "training-code/train.py", "train", 1],
      [2, null, ".", "predict.py", "predict", 1],
      [3, null, ".", "tools/infer.py", "predict", 1],
    ]);
    expect(await findingsOf(files, LOCATING)).toEqual([["instructions-scripts-located", "README.md", 14, LOCATED]]);
  });
});
