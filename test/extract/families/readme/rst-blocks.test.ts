// A reStructuredText README: commands in `.. code-block::`, `.. code::` and `::` literal blocks, its titles as sections.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const README_RST = `Steel defects
=============

Install
-------

.. code-block:: bash

  $ conda env create --file environment.yml
  $ pip install -e .

Train
-----

.. code::
   :number-lines:

   $ mycli train -c experiments/a.yml

Then predict::

  python predict.py --out sub.csv

Some closing words.
`;

const recordsOf = async (files: Record<string, string>) =>
  extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] });

describe("readme extractor: reStructuredText blocks", () => {
  it("reads commands in code-block, code and literal blocks with any indent, and rst titles as sections", async () => {
    const records = await recordsOf({
      "README.rst": README_RST,
      "environment.yml": "name: x\n",
      "setup.py":
        "from setuptools import setup\nsetup(name='pkg', entry_points={'console_scripts': ['mycli=pkg.cli:cli']})\n",
      "pkg/cli.py": "def cli():\n    pass\n",
      "predict.py": "",
      "experiments/a.yml": "a: 1\n",
    });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.line, r.command, r.purpose, r.prose])).toEqual([
      [9, "conda env create --file environment.yml", "install", undefined],
      [10, "pip install -e .", "install", undefined],
      [18, "mycli train -c experiments/a.yml", "train", undefined],
      [22, "python predict.py --out sub.csv", "predict", undefined],
    ]);
    expect(records.filter((r) => r.kind === "section").map((r) => r.title)).toEqual([
      "Steel defects",
      "Install",
      "Train",
    ]);
  });

  it("ends a literal block at the first line back at the opener's indent", async () => {
    const records = await recordsOf({
      "README.rst": "Usage::\n\n  python predict.py\npython train.py is described below.\n",
      "predict.py": "",
      "train.py": "",
    });
    expect(records.filter((r) => r.kind === "command" && !r.prose).map((r) => r.command)).toEqual([
      "python predict.py",
    ]);
  });
});
