// Prose that sets the folder of the code after it ("inside folder V as follows:", "from the `src` directory
// run:", "go to X and run:", a numbered item that is only `cd src`): the later steps run there.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "../families/rerun-plan/plan-repo.js";
import { proseDirectoryChanges } from "../../../src/extract/shell/prose-folders.js";

const FILES = {
  "src/train.py": "print(1)\n",
  "src/predict.py": "print(1)\n",
  "yolo/V5/train.py": "print(1)\n",
};

describe("rerun-plan: folders the prose sets", () => {
  it("runs the block after 'inside folder V as follows:' in V", async () => {
    const records = await planOf({
      ...FILES,
      "README.md": "# Train\n\nTrain the detector inside folder yolo/V5 as follows:\n\n```\npython train.py\n```\n",
    });
    expect(stepsOf(records)).toEqual([[1, null, "yolo/V5", "yolo/V5/train.py", "train", 1]]);
  });

  it("runs the block after 'from the src directory run:' in src, with or without backticks", async () => {
    for (const said of ["From the `src` directory run:", "From the src directory, run"]) {
      const records = await planOf({
        ...FILES,
        "README.md": `# Train\n\n${said}\n\n\`\`\`\npython train.py\npython predict.py\n\`\`\`\n`,
      });
      expect(stepsOf(records), said).toEqual([
        [1, null, "src", "src/train.py", "train", 1],
        [2, null, "src", "src/predict.py", "predict", 1],
      ]);
    }
  });

  it("runs the block after 'go to X and run:' in X", async () => {
    const records = await planOf({
      ...FILES,
      "README.md": "# Train\n\nGo to yolo/V5 and run:\n\n```\npython train.py\n```\n",
    });
    expect(stepsOf(records)).toEqual([[1, null, "yolo/V5", "yolo/V5/train.py", "train", 1]]);
  });

  it("takes a numbered item that is only `cd src` as the folder of the items and blocks after it", async () => {
    for (const item of ["2. cd src", "2. `cd src`", "2) cd src/"]) {
      const records = await planOf({
        ...FILES,
        "README.md": `# Reproduce\n\n1. Download the data.\n${item}\n3. python train.py\n\n\`\`\`\npython predict.py\n\`\`\`\n`,
      });
      expect(stepsOf(records), item).toEqual([
        [1, null, "src", "src/train.py", "train", 1],
        [2, null, "src", "src/predict.py", "predict", 1],
      ]);
    }
  });

  it("leaves a folder the prose names that the repo lacks, and a sentence about a folder, alone", async () => {
    const records = await planOf({
      ...FILES,
      "README.md":
        "# Train\n\nInside folder nowhere as follows:\n\n```\npython src/train.py\n```\n\nThe src directory holds the code.\n\n```\npython src/predict.py\n```\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "src/train.py", "train", 1],
      [2, null, ".", "src/predict.py", "predict", 1],
    ]);
  });
});

describe("proseDirectoryChanges: a bare cd line", () => {
  it("moves to the folder a line that is only `cd x` names, outside any block", () => {
    const text = "# T\n\ncd src\n\npython train.py\n\n```\ncd yolo\n```\n";
    expect(proseDirectoryChanges(text, [], (p) => p === "src" || p === "yolo")).toEqual([{ line: 3, target: "src" }]);
  });
});
