// A README line that describes a notebook ("- `x.ipynb` — the notebook submitted") lists the repo's files; it says
// to run the notebook only where the README gives no other step.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { describesFile } from "../../../../src/extract/families/readme/file-descriptions.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const NB = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}';
const scriptsOf = async (readme: string) =>
  (
    await extractor.extract({
      view: memoryView({ "README.md": readme, "clean.ipynb": NB, "archive.ipynb": NB, "prep.py": "" }),
      facts: emptyFacts(),
      branches: ["main"],
    })
  )
    .filter((r) => r.kind === "command")
    .map((r) => r.script);

describe("readme extractor: file descriptions", () => {
  it("tells a line describing a file from one saying to run or open it", () => {
    expect(describesFile("- **`archive.ipynb`** — the notebook as first submitted, kept as it was")).toBe(true);
    expect(describesFile("* `archive.ipynb`: the first submission")).toBe(true);
    expect(describesFile("`clean.ipynb` - tidied version")).toBe(true);
    expect(describesFile("- `clean.ipynb`: run it first")).toBe(false);
    expect(describesFile("1. Open `clean.ipynb` and run all cells")).toBe(false);
    expect(describesFile("- notebooks/clean.ipynb")).toBe(false);
  });

  it("puts on the plan the notebook a step opens, not the one a file list describes", async () => {
    const readme =
      "# Solution\n\n## Files\n\n- **`clean.ipynb`** — tidied version\n- **`archive.ipynb`** — the notebook as first submitted\n\n" +
      "## Steps\n\n1. Open `clean.ipynb` and run all cells\n\n```\npython prep.py\n```\n";
    expect(await scriptsOf(readme)).toEqual(["clean.ipynb", "prep.py"]);
  });

  it("keeps described notebooks as the steps of a README that gives no other", async () => {
    const readme = "# Solution\n\n- `clean.ipynb` - trains the model\n- `archive.ipynb` - makes the submission\n";
    expect(await scriptsOf(readme)).toEqual(["clean.ipynb", "archive.ipynb"]);
  });
});
