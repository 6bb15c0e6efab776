// A name the README misspells by one character of its extension (`x.ipnb`, `x.pyy`) points at the file it means.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const extract = (files: Record<string, string>) =>
  extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] });

describe("readme extractor: extensions misspelt by one character", () => {
  it("runs the notebook a misspelt name means, and names it in the mention", async () => {
    const records = await extract({
      "README.md": "# Solution\n\n## Training\n\nThe whole process is in `change-cnn.ipnb`.\n",
      "change-cnn.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}',
    });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.script, r.purpose])).toEqual([
      ["change-cnn.ipynb", "train"],
    ]);
    expect(records.filter((r) => r.kind === "mention").map((r) => [r.name, r.exists, r.nearest])).toEqual([
      ["change-cnn.ipnb", false, "change-cnn.ipynb"],
    ]);
  });
  it("names the script a command's misspelt extension means", async () => {
    const records = await extract({ "README.md": "```\npython train_model.pyy --fold 0\n```\n", "train_model.py": "" });
    expect(records.filter((r) => r.kind === "mention").map((r) => [r.name, r.exists, r.nearest])).toEqual([
      ["train_model.pyy", false, "train_model.py"],
    ]);
  });
});
