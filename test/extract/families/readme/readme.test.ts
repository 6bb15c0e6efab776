import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const README = [
  "# Kaggle Demo", // 1
  "", // 2
  "## Setup", // 3
  "", // 4
  "```bash", // 5
  "$ conda env create -f environment.yml", // 6
  "kaggle competitions download -c demo-comp", // 7
  "```", // 8
  "", // 9
  "Training", // 10
  "--------", // 11
  "", // 12
  "    CUDA_VISIBLE_DEVICES=0 python -m src.train --config configs/base.yaml", // 13
  "", // 14
  "Then run `python predict.py --fold 0` and see `notebooks/eda.ipynb`.", // 15
  "The old code lives on the `v1-final` branch.", // 16
].join("\n");

const files = {
  "README.md": README,
  "environment.yml": "name: demo\n",
  "src/train.py": "",
  "predict.py": "",
  "configs/base.yaml": "lr: 1\n",
};

describe("readme extractor", () => {
  it("records the README, its sections, commands with purpose and script, and what it names", async () => {
    const records = await extractor.extract({
      view: memoryView(files),
      facts: emptyFacts(),
      branches: ["main", "v1-final"],
    });
    expect(records).toEqual([
      { kind: "readme", file: "README.md", place: "root" },
      { kind: "section", file: "README.md", line: 1, title: "Kaggle Demo" },
      { kind: "section", file: "README.md", line: 3, title: "Setup" },
      {
        kind: "command",
        file: "README.md",
        line: 6,
        command: "conda env create -f environment.yml",
        purpose: "install",
        script: null,
      },
      { kind: "mention", file: "README.md", line: 6, target: "file", name: "environment.yml", exists: true },
      {
        kind: "command",
        file: "README.md",
        line: 7,
        command: "kaggle competitions download -c demo-comp",
        purpose: "download",
        script: null,
      },
      { kind: "section", file: "README.md", line: 10, title: "Training" },
      {
        kind: "command",
        file: "README.md",
        line: 13,
        command: "CUDA_VISIBLE_DEVICES=0 python -m src.train --config configs/base.yaml",
        purpose: "train",
        script: "src/train.py",
      },
      { kind: "mention", file: "README.md", line: 13, target: "file", name: "configs/base.yaml", exists: true },
      {
        kind: "command",
        file: "README.md",
        line: 15,
        command: "python predict.py --fold 0",
        purpose: "predict",
        script: "predict.py",
      },
      {
        kind: "mention",
        file: "README.md",
        line: 15,
        target: "file",
        name: "predict.py",
        exists: true,
        runBy: "predict",
      },
      { kind: "mention", file: "README.md", line: 15, target: "file", name: "notebooks/eda.ipynb", exists: false },
      { kind: "mention", file: "README.md", line: 16, target: "branch", name: "v1-final", exists: true },
    ]);
  });

  it("says branch existence is unknown (null) for a plain folder", async () => {
    const records = await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: null });
    expect(records.filter((r) => r.target === "branch")).toEqual([
      { kind: "mention", file: "README.md", line: 16, target: "branch", name: "v1-final", exists: null },
    ]);
  });

  it("reads reStructuredText and docs READMEs, commands inside `::` blocks", async () => {
    const rst = "Demo\n====\n\nRun this::\n\n    bash scripts/run_train.sh\n\nDone.\n";
    const records = await extractor.extract({
      view: memoryView({ "README.rst": rst, "docs/infer.md": "```\n./infer.sh\n```\n" }),
      facts: emptyFacts(),
      branches: [],
    });
    expect(records).toEqual([
      { kind: "readme", file: "README.rst", place: "root" },
      // The repo holds no script of that name, nor any other training: the training code is withheld.
      {
        kind: "code-absent",
        file: "README.rst",
        line: 6,
        code: "training",
        script: "scripts/run_train.sh",
        command: "bash scripts/run_train.sh",
      },
      { kind: "section", file: "README.rst", line: 1, title: "Demo" },
      {
        kind: "command",
        file: "README.rst",
        line: 6,
        command: "bash scripts/run_train.sh",
        purpose: "train",
        script: "scripts/run_train.sh",
      },
      {
        kind: "mention",
        file: "README.rst",
        line: 6,
        target: "file",
        name: "scripts/run_train.sh",
        exists: false,
        runBy: "train",
        withheld: true,
      },
      { kind: "readme", file: "docs/infer.md", place: "docs" },
      {
        kind: "command",
        file: "docs/infer.md",
        line: 2,
        command: "./infer.sh",
        purpose: "predict",
        script: "infer.sh",
      },
      {
        kind: "mention",
        file: "docs/infer.md",
        line: 2,
        target: "file",
        name: "infer.sh",
        exists: false,
        runBy: "predict",
      },
    ]);
  });

  it("takes commands written as plain lines under a heading, labelled or listed, as commands for what their script or their section does", async () => {
    const readme =
      "## Training\n\nTrain: python train_semi.py --modelname=x\n\n## Inference\n\nstage2: python predict.py --fold 0\n1. python tools/report.py\n\npython is what we used; python train.py alone reads the config.\n";
    const view = memoryView({ "README.md": readme, "train_semi.py": "", "predict.py": "", "tools/report.py": "" });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: [] });
    expect(records.filter((r) => r.kind === "command")).toEqual([
      {
        kind: "command",
        file: "README.md",
        line: 3,
        command: "python train_semi.py --modelname=x",
        purpose: "train",
        script: "train_semi.py",
        prose: true,
      },
      {
        kind: "command",
        file: "README.md",
        line: 7,
        command: "python predict.py --fold 0",
        purpose: "predict",
        script: "predict.py",
        prose: true,
      },
      {
        kind: "command",
        file: "README.md",
        line: 8,
        command: "python tools/report.py",
        purpose: "predict",
        script: "tools/report.py",
        prose: true,
      },
    ]);
  });

  it("runs the notebooks a prose list says to run, in order, and not one it points to for more details", async () => {
    const nb = '{"nbformat": 4, "cells": []}';
    const readme =
      "## How to run\n\n1. run 01_train_a.ipynb 2. run 02_train_b.ipynb\n3. then set MODEL_DIR and run inference.ipynb\n\nFor more details see: `analysis.ipynb`\n";
    const view = memoryView({
      "README.md": readme,
      "01_train_a.ipynb": nb,
      "02_train_b.ipynb": nb,
      "inference.ipynb": nb,
      "analysis.ipynb": nb,
    });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: [] });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.line, r.script, r.purpose])).toEqual([
      [3, "01_train_a.ipynb", "train"],
      [3, "02_train_b.ipynb", "train"],
      [4, "inference.ipynb", "predict"],
    ]);
  });

  describe("the folder a reader is in, carried down the README", () => {
    const scripts = async (readme: string, extra: Record<string, string> = {}) => {
      const view = memoryView({
        "README.md": readme,
        "yolo/prepare.py": "",
        "yolo/train.py": "",
        "flayer/make_df.py": "",
        ...extra,
      });
      const records = await extractor.extract({ view, facts: emptyFacts(), branches: [] });
      return records.filter((r) => r.kind === "mention" && r.target === "file").map((r) => [r.name, r.exists]);
    };

    it("keeps a `cd` of one block for the blocks after it", async () => {
      expect(
        await scripts("```\ncd yolo\npython prepare.py\n```\n\nThen train:\n\n```\npython train.py\n```\n"),
      ).toEqual([
        ["yolo/prepare.py", true],
        ["yolo/train.py", true],
      ]);
    });

    it("follows a `cd` the prose gives, and a sentence that says which folder the commands run in", async () => {
      const readme =
        "1. After that `cd ./flayer`\n\n```\npython ./make_df.py --data_folder ./data\n```\n\nRun the following commands inside `yolo` directory.\n\n```\npython3 ./train.py --epochs 3\n```\n";
      expect(await scripts(readme)).toEqual([
        ["flayer/make_df.py", true],
        ["yolo/train.py", true],
      ]);
    });

    it("still names a script that is missing from the folder the reader is in", async () => {
      expect(await scripts("```\ncd yolo\n```\n\n```\npython evaluate.py\n```\n")).toEqual([
        ["yolo/evaluate.py", false],
      ]);
    });

    it("runs a bare script from the folder the prose just named it in, or told the reader to go to", async () => {
      const readme =
        "## Train\n\nTo train, run `src/train.py`:\n\n```\npython train.py --config c1\n```\n\n## Predict\n\nFirst go to src/\n\n```\npython predict.py\n```\n";
      expect(await scripts(readme, { "src/train.py": "", "src/predict.py": "" })).toEqual([
        ["src/train.py", true],
        ["src/train.py", true],
        ["src/predict.py", true],
      ]);
    });

    it("says under which one sub-folder a script run from the root lies, path and all", async () => {
      const view = memoryView({
        "README.md": "```\npython models/clf2D/train.py --fold 0\n```\n",
        "rsna19/models/clf2D/train.py": "",
      });
      const records = await extractor.extract({ view, facts: emptyFacts(), branches: [] });
      expect(records.filter((r) => r.kind === "mention")).toEqual([
        {
          kind: "mention",
          file: "README.md",
          line: 2,
          target: "file",
          name: "models/clf2D/train.py",
          exists: false,
          runBy: "train",
          runFrom: "rsna19",
        },
      ]);
    });
    it("starts each section from the README's folder, and trusts a block on its own where a carried cd misses the script", async () => {
      const readme =
        "## Training\n\n```\ncd yolo\npython train.py\n```\n\n```\npython flayer/make_df.py\n```\n\n## Inference\n\n```\npython yolo/prepare.py\n```\n";
      expect(await scripts(readme)).toEqual([
        ["yolo/train.py", true],
        ["flayer/make_df.py", true],
        ["yolo/prepare.py", true],
      ]);
    });
  });
});
