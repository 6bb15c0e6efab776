// Shell scripts and notebooks a README names in prose, without a command line, are its steps.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const stepsOf = async (files: Record<string, string>) =>
  (await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] }))
    .filter((r) => r.kind === "command")
    .map((r) => [r.script, r.purpose]);

describe("readme extractor: scripts named in prose", () => {
  it.each([
    ["## Training\n\nrun **`train.sh`**\n", "train.sh"],
    ["## How to run\n\nGo to src and run the run.sh file.\n", "src/run.sh"],
    ["## Training\n\nThe whole process is in `model.ipynb`.\n", "model.ipynb"],
  ])("reads %j as a training step", async (readme, script) => {
    const found = await stepsOf({
      "README.md": `# Solution\n\n${readme}`,
      "train.sh": "python fit.py\n",
      "src/run.sh": "python train.py --epochs 10\n",
      "model.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}',
      "fit.py": "",
      "src/train.py": "",
    });
    expect(found).toContainEqual([script, "train"]);
  });
});
