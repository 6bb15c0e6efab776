// The rerun plan's steps: README blocks and prose, the scripts they run with their loops, Makefile targets,
// notebooks' shell lines, console scripts and the Kaggle kernel, each with its working folder.
import { describe, expect, it } from "vitest";
import { planOf, reachOf, stepsOf, summaryOf } from "./plan-repo.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { builtinRulesDir, loadRules } from "../../../../src/evaluate/load-rules.js";
import { judge } from "../../../../src/evaluate/judge.js";

const TRAIN_PY = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--fold", type=int, default=0)
args = p.parse_args()
`;

describe("rerun-plan steps", () => {
  it("follows a README's bash run.sh into the script: a fold loop gives repeat 5, nested loops multiply, repeated lines add", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\n```bash\npip install -r requirements.txt\nbash run.sh\n```\n",
      "requirements.txt": "torch\n",
      "run.sh":
        "#!/bin/bash\nEPOCHS=30\nfor fold in 0 1 2 3 4\ndo\n  python train.py --epochs $EPOCHS --fold $fold\ndone\nfor seed in 1 2; do\n  for fold in $(seq 0 2); do\n    python train.py --fold $fold\n  done\ndone\npython predict.py\npython predict.py\n",
      "train.py": TRAIN_PY,
      "predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", null, "install", 1],
      [2, null, ".", "run.sh", "other", 1],
      [3, 2, ".", "train.py", "train", 5],
      [4, 2, ".", "train.py", "train", 6],
      [5, 2, ".", "predict.py", "predict", 2],
    ]);
    const first = records.find((r) => r.kind === "step" && r.order === 3)!;
    expect([first.command, first.args, first.repeatSource, first.epochs, first.folds, first.trainingSource]).toEqual([
      "python train.py --epochs 30 --fold $fold",
      "--epochs 30 --fold $fold",
      "run.sh:3",
      30,
      1,
      "run.sh:5",
    ]);
    expect(summaryOf(records)).toEqual({
      kind: "summary",
      found: true,
      steps: 5,
      reached: 3,
      basis: "readme",
      readmeTrains: "step 3 (`python train.py --epochs 30 --fold $fold`, run.sh:5) trains",
      readmePredicts: "step 5 (`python predict.py`, run.sh:12) predicts",
    });
  });
});

describe("rerun-plan working folders", () => {
  it("carries a README `cd` to the blocks after it in its section, and starts a new section from the root", async () => {
    const records = await planOf({
      "README.md":
        "# Train\n\n```\ncd src/det\n```\n\nthen\n\n```\npython train.py\n```\n\n# Predict\n\n```\npython src/det/predict.py\n```\n",
      "src/det/train.py": "print(1)\n",
      "src/det/predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, "src/det", "src/det/train.py", "train", 1],
      [2, null, ".", "src/det/predict.py", "predict", 1],
    ]);
  });

  it("takes `git clone X && cd X` to be the repo root", async () => {
    const records = await planOf({
      "README.md":
        "# Setup\n\n```\ngit clone https://github.com/alice/solution.git && cd solution\npython tools/train.py\n```\n",
      "tools/train.py": "print(1)\n",
    });
    expect(stepsOf(records).filter((s) => s[3] !== null)).toEqual([[2, null, ".", "tools/train.py", "train", 1]]);
  });

  it("resolves `cd $ROOT/src/x` where the prose defines $ROOT as the repo root", async () => {
    const records = await planOf({
      "README.md":
        "# Train\n\nBelow, `$ROOT` is the root folder of this repository.\n\n```\ncd $ROOT/src/seg\npython train.py\n```\n",
      "src/seg/train.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([[1, null, "src/seg", "src/seg/train.py", "train", 1]]);
  });

  it("reads numbered and worded prose steps, and a bare file name in prose anywhere in the repo", async () => {
    const records = await planOf({
      "README.md":
        "# How to run\n\n1. Download the data.\n2. go to efficientdet/D5 and run the run.sh file\n3. Then run make_folds.py\n4. python main.py --epochs 3\n",
      "efficientdet/D5/run.sh": "python train_d5.py\n",
      "efficientdet/D5/train_d5.py": "print(1)\n",
      "tools/make_folds.py": "print(1)\n",
      "main.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, "efficientdet/D5", "efficientdet/D5/run.sh", "other", 1],
      [2, 1, "efficientdet/D5", "efficientdet/D5/train_d5.py", "train", 1],
      [3, null, ".", "tools/make_folds.py", "preprocess", 1],
      [4, null, ".", "main.py", "other", 1],
    ]);
    expect(records.filter((r) => r.kind === "step").map((r) => r.source)).toEqual([
      "readme-prose",
      "shell",
      "readme-prose",
      "readme-prose",
    ]);
  });

  it("runs a prose step in the folder the README's blocks left the reader in, within its section", async () => {
    const records = await planOf({
      "README.md":
        "# Train\n\n```\ncd src\npip install -r requirements.txt\n```\n\n1. python train.py --epochs 2\n\n# Predict\n\n1. python predict.py\n",
      "src/requirements.txt": "torch\n",
      "src/train.py": "print(1)\n",
      "predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, "src", null, "install", 1],
      [2, null, "src", "src/train.py", "train", 1],
      [3, null, ".", "predict.py", "predict", 1],
    ]);
  });

  it("takes placeholders for what they are: no program, no config", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\npython path/to/train.py\npython train.py --config configs/xxx.yaml\nbash <your_script>.sh\n```\n",
      "train.py": "print(1)\n",
    });
    const steps = records.filter((r) => r.kind === "step");
    expect(steps.map((s) => [s.program, s.exists, s.configs])).toEqual([
      [null, null, ""],
      ["train.py", true, ""],
      [null, null, ""],
    ]);
  });

  it("takes scripts that make folds, features or resized data for preprocessing, and a training script's helpers for training", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\npython make_features.py\nbash train.sh\n```\n",
      "make_features.py": "print(1)\n",
      "train.sh": "python resize_images.py\npython main.py\n",
      "resize_images.py": "print(1)\n",
      "main.py": "print(1)\n",
    });
    expect(stepsOf(records).map((s) => [s[3], s[4]])).toEqual([
      ["make_features.py", "preprocess"],
      ["train.sh", "other"],
      ["resize_images.py", "preprocess"],
      ["main.py", "train"],
    ]);
  });

  it("runs a command docs/ repeats from the root README once", async () => {
    const records = await planOf({
      "README.md": "# Train\n\nSee [usage](docs/usage.md).\n\n```\npython train.py --epochs 3\n```\n",
      "docs/usage.md": "# Usage\n\n```\npython train.py --epochs 3\npython predict.py\n```\n",
      "train.py": "print(1)\n",
      "predict.py": "print(1)\n",
    });
    expect(records.filter((r) => r.kind === "step").map((r) => [r.file, r.line, r.program])).toEqual([
      ["README.md", 6, "train.py"],
      ["docs/usage.md", 5, "predict.py"],
    ]);
  });

  it("takes no steps from a docs/ page the root README never links when the root README gives its own", async () => {
    const files = {
      "README.md": "# Train\n\n```\npython train.py --epochs 3\n```\n",
      // A vendored framework's own guide: its helper script is not the solution's procedure.
      "docs/GETTING_STARTED.md": "# Getting started\n\n```\n./tools/dist_train.sh configs/x.py 8\n```\n",
      "tools/dist_train.sh": "python -m torch.distributed.launch --nproc_per_node=$2 tools/train.py $1\n",
      "tools/train.py": "print(1)\n",
      "train.py": "print(1)\n",
    };
    const steps = (records: Awaited<ReturnType<typeof planOf>>) =>
      records.filter((r) => r.kind === "step").map((r) => [r.file, r.program]);
    expect(steps(await planOf(files))).toEqual([["README.md", "train.py"]]);
    // With no command of its own, the root README leaves the docs/ page as the only procedure there is.
    expect(steps(await planOf({ ...files, "README.md": "# A solution\n\nThe docs explain it.\n" }))).toEqual([
      ["docs/GETTING_STARTED.md", "tools/dist_train.sh"],
      ["tools/dist_train.sh", "tools/train.py"],
    ]);
  });

  it("runs a script that pypy3, python2, ipython or /usr/bin/env python starts, as python", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\npypy3 prepare.py\npython2 train.py --epochs 2\n/usr/bin/env python predict.py\nipython report.py\n```\n",
      "prepare.py": "print(1)\n",
      "train.py": "print(1)\n",
      "predict.py": "print(1)\n",
      "report.py": "print(1)\n",
    });
    expect(records.filter((r) => r.kind === "step").map((s) => [s.program, s.tool, s.purpose])).toEqual([
      ["prepare.py", "python", "preprocess"],
      ["train.py", "python", "train"],
      ["predict.py", "python", "predict"],
      ["report.py", "python", "other"],
    ]);
  });

  it("runs commands written as plain lines under a heading, from the folder the blocks before them left", async () => {
    const records = await planOf({
      "README.md":
        "# Train\n\n```\ncd src\n```\n\nTrain: python train_semi.py --modelname=x\n\n# Predict\n\nstage2: python predict.py --fold 0\n",
      "src/train_semi.py": "print(1)\n",
      "predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, "src", "src/train_semi.py", "train", 1],
      [2, null, ".", "predict.py", "predict", 1],
    ]);
    expect(summaryOf(records)).toMatchObject({ found: true, basis: "readme" });
  });

  it("runs the notebooks a prose list says to run, training then inference, and no notebook named for more details", async () => {
    const nb = '{"nbformat": 4, "cells": []}';
    const records = await planOf({
      "README.md":
        "# How to run\n\n1. run 01_train_a.ipynb 2. run 02_train_b.ipynb\n3. then set MODEL_DIR and run inference.ipynb\n\nFor more details see: [analysis.ipynb](analysis.ipynb)\n",
      "01_train_a.ipynb": nb,
      "02_train_b.ipynb": nb,
      "inference.ipynb": nb,
      "analysis.ipynb": nb,
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "01_train_a.ipynb", "train", 1],
      [2, null, ".", "02_train_b.ipynb", "train", 1],
      [3, null, ".", "inference.ipynb", "predict", 1],
    ]);
  });

  it("takes the steps of the sub-folder READMEs the root README points to, from their folders", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\nSee team_a/README.md for the model.\n",
      "team_a/README.md": "# Team A\n\n```\npython src/train.py --fold 0\n```\n",
      "team_a/src/train.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([[1, null, "team_a", "team_a/src/train.py", "train", 1]]);
  });

  it("reads the fenced blocks of the markdown files the root README links, in its order, from the root, each step naming its file", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\nInstructions: setup/INSTALL.md\n\nFor training, see [training](TRAIN.md).\n",
      "setup/INSTALL.md": "# Install\n\n```\npip install -r requirements.txt\n```\n",
      "TRAIN.md": "# Train\n\n```bash\npython src/train.py --fold 0\n```\n",
      "NOTES.md": "```\npython src/other.py\n```\n",
      "requirements.txt": "numpy==1.26.4\n",
      "src/train.py": "print(1)\n",
      "src/other.py": "print(1)\n",
    });
    expect(records.filter((r) => r.kind === "step").map((r) => [r.file, r.line, r.cwd, r.program, r.purpose])).toEqual([
      ["setup/INSTALL.md", 4, ".", null, "install"],
      ["TRAIN.md", 4, ".", "src/train.py", "train"],
    ]);
  });

  it("reads no linked markdown file over the size cap", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\nSee TRAIN.md.\n",
      "TRAIN.md": `# Train\n\n\`\`\`\npython train.py\n\`\`\`\n${"padding line of prose\n".repeat(20_000)}`,
      "train.py": "print(1)\n",
    });
    expect(records.filter((r) => r.kind === "step" && r.file === "TRAIN.md")).toEqual([]);
  });

  it("runs the script a Dockerfile's CMD runs where the README runs the image", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\ndocker build -t sol .\ndocker run --gpus all sol\n```\n",
      Dockerfile: 'FROM python:3.10\nWORKDIR /app\nCOPY . /app\nCMD ["python", "/app/src/predict.py"]\n',
      "src/predict.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", null, "install", 1],
      [2, null, ".", "src/predict.py", "predict", 1],
    ]);
  });

  it("checks the program case-sensitively", async () => {
    const records = await planOf({ "README.md": "# Run\n\n```\npython Train.py\n```\n", "train.py": "print(1)\n" });
    expect(records.filter((r) => r.kind === "step").map((s) => [s.program, s.exists])).toEqual([["Train.py", false]]);
    expect(summaryOf(records)).toMatchObject({ found: false, basis: "none" });
  });
});

describe("rerun-plan scripts, Makefiles, notebooks, console scripts and kernels", () => {
  it("runs a Makefile target's recipe, its prerequisites first", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\nmake train\n```\n",
      Makefile: "data:\n\tpython prepare_data.py\n\ntrain: data\n\tpython train.py --epochs 4\n",
      "prepare_data.py": "print(1)\n",
      "train.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "Makefile", "other", 1],
      [2, 1, ".", "prepare_data.py", "download", 1],
      [3, 1, ".", "train.py", "train", 1],
    ]);
    expect(records.filter((r) => r.kind === "step").map((r) => [r.source, r.file, r.line])).toEqual([
      ["readme", "README.md", 4],
      ["make", "Makefile", 2],
      ["make", "Makefile", 5],
    ]);
  });

  it("runs a notebook's `!python` and `%run` lines from its folder, at their cells", async () => {
    const nb = JSON.stringify({
      nbformat: 4,
      cells: [
        { cell_type: "markdown", source: ["# t"] },
        { cell_type: "code", source: ["!pip install timm\n", "%run prep.py\n"] },
        { cell_type: "code", source: ["x = 1\n", "!python train.py --epochs 3\n"] },
      ],
    });
    const records = await planOf({
      "README.md": "# Run\n\nRun `notebooks/main.ipynb`.\n",
      "notebooks/main.ipynb": nb,
      "notebooks/prep.py": "print(1)\n",
      "notebooks/train.py": "print(1)\n",
    });
    const steps = records.filter((r) => r.kind === "step");
    expect(steps.map((s) => [s.order, s.parent, s.source, s.program, s.cell ?? null, s.cellLine ?? null])).toEqual([
      [1, null, "readme-prose", "notebooks/main.ipynb", null, null],
      [2, 1, "notebook", null, 1, 1],
      [3, 1, "notebook", "notebooks/prep.py", 1, 2],
      [4, 1, "notebook", "notebooks/train.py", 2, 2],
    ]);
    expect(steps[3]!.epochs).toBe(3);
  });

  it("runs a console script the repo installs as its module", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\npip install -e .\naptos train -c config.yml\n```\n",
      "setup.py":
        "from setuptools import setup\nsetup(name='aptos', entry_points={'console_scripts': ['aptos=aptos.cli:main']})\n",
      "aptos/__init__.py": "",
      "aptos/cli.py": "def main():\n    pass\n",
      "config.yml": "epochs: 12\n",
    });
    const step = records.find((r) => r.kind === "step" && r.order === 2)!;
    expect([step.source, step.program, step.purpose, step.configs, step.epochs]).toEqual([
      "console-script",
      "aptos/cli.py",
      "train",
      "config.yml",
      12,
    ]);
  });

  it("takes its steps from a README.rst's code-block directive, the console script leading to the package's code", async () => {
    const records = await planOf({
      "README.rst":
        "Solution\n========\n\n.. code-block:: bash\n\n  $ conda env create --file environment.yml\n  $ pip install -e .\n  $ aptos train -c config.yml\n",
      "environment.yml": "name: x\ndependencies:\n  - python=3.8\n",
      "setup.py":
        "from setuptools import setup\nsetup(name='aptos', entry_points={'console_scripts': ['aptos=aptos.cli:main']})\n",
      "aptos/__init__.py": "",
      "aptos/cli.py": "def main():\n    pass\n",
      "config.yml": "epochs: 12\n",
      "scripts/download.sh": "mkdir -p data\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", null, "install", 1],
      [2, null, ".", null, "install", 1],
      [3, null, ".", "aptos/cli.py", "train", 1],
    ]);
    expect(summaryOf(records)).toMatchObject({ found: true, basis: "readme" });
  });

  it("rests the plan on the root's shell scripts when no README step runs the repo's code", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\nSecond place.\n",
      "run_all.sh": "bash train.sh\n",
      "train.sh": "python train.py\n",
      "train.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "run_all.sh", "other", 1],
      [2, 1, ".", "train.sh", "other", 1],
      [3, 2, ".", "train.py", "train", 1],
    ]);
    expect(summaryOf(records)).toMatchObject({ found: true, basis: "scripts", steps: 3 });
  });

  it("rests the plan on kernel-metadata.json's code file when nothing else runs code", async () => {
    const records = await planOf({
      "kernel-metadata.json": '{"id": "a/b", "code_file": "train.py", "kernel_type": "script"}',
      "train.py": "import utils\n",
      "utils.py": "X = 1\n",
    });
    expect(stepsOf(records)).toEqual([[1, null, ".", "train.py", "train", 1]]);
    expect(summaryOf(records)).toEqual({ kind: "summary", found: true, steps: 1, reached: 2, basis: "kernel" });
  });

  it("says no plan was found, and why, when nothing runs the repo's code", async () => {
    const records = await planOf({ "README.md": "# Notes\n\nSome thoughts.\n", "model.py": "X = 1\n" });
    expect(summaryOf(records)).toEqual({
      kind: "summary",
      found: false,
      steps: 0,
      reached: 0,
      basis: "none",
      what: "no README step, root shell script, Makefile or kernel-metadata.json",
    });
  });
  it("lays out a numbered pypy step and a folder of notebooks the prose says to run, not a notebook it points to for details", async () => {
    const nb = JSON.stringify({ nbformat: 4, cells: [] });
    const records = await planOf({
      "README.md":
        "# Solution\n\n## How to run\n\n1. `python prep.py` prepares the features.\n2. Fit the model: pypy Online.py 4 0.5\n\nFor more details see: model.ipynb\n\n## Notebooks\n\nTraining: run the notebooks in nb/, then infer/predict.ipynb\n",
      "prep.py": "print(1)\n",
      "Online.py": "print(2)\n",
      "model.ipynb": nb,
      "nb/a.ipynb": nb,
      "nb/b.ipynb": nb,
      "infer/predict.ipynb": nb,
    });
    expect(stepsOf(records).map((s) => [s[3], s[4]])).toEqual([
      ["prep.py", "preprocess"],
      ["Online.py", "train"],
      ["nb/a.ipynb", "train"],
      ["nb/b.ipynb", "train"],
      ["infer/predict.ipynb", "predict"],
    ]);
  });
  it("says no plan was found when its training runs only a script the repo lacks, so nothing is taken as off the path", async () => {
    const records = await planOf({
      "README.md": "# S\n\nRun `python train_v2.py` to train.\n\nThen run the inference notebook infer.ipynb\n",
      "train.py": "x = 1\n",
      "infer.ipynb": JSON.stringify({ nbformat: 4, cells: [] }),
    });
    expect(stepsOf(records).map((s) => [s[3], s[4]])).toEqual([
      ["train_v2.py", "train"],
      ["infer.ipynb", "predict"],
    ]);
    expect(summaryOf(records)).toMatchObject({
      found: false,
      what: "the training step runs train_v2.py, which the repo lacks",
    });
  });
  it("expands a Makefile's variables in its recipes: =, :=, ?= and the values `make target VAR=x` gives", async () => {
    const records = await planOf({
      "README.md": "# S\n\n```\nmake train FOLD=1\n```\n",
      Makefile:
        "PY ?= python3\nFOLD := 0\nDATA = data\nARGS = --fold $(FOLD) --data ${DATA}\n\ntrain:\n\t$(PY) train.py $(ARGS)\n",
      "train.py": "print(1)\n",
    });
    const step = records.find((r) => r.kind === "step" && r.order === 2)!;
    expect([step.program, step.purpose, step.command]).toEqual([
      "train.py",
      "train",
      "python3 train.py --fold 1 --data data",
    ]);
  });
  it("runs the one file of a script's name when the command is off by a folder, and its imports are reached", async () => {
    const records = await planOf({
      "README.md": "# S\n\n```\npython predict.py --fold 0\npython train.py\n```\n",
      "a/src/predict.py": "import helpers\nprint(1)\n",
      "a/src/helpers.py": "x = 1\n",
      "a/train.py": "print(1)\n",
      "b/train.py": "print(2)\n",
    });
    const steps = records.filter((r) => r.kind === "step");
    expect(steps.map((s) => [s.program, s.exists, s.locatedByName, s.args])).toEqual([
      ["a/src/predict.py", true, true, "--fold 0"],
      // Two files of that name: none stands for it.
      ["train.py", false, undefined, ""],
    ]);
    expect(reachOf(records)).toEqual([
      ["a/src/predict.py", 1, "runs", null],
      ["a/src/helpers.py", 1, "imports", "a/src/predict.py"],
    ]);
  });

  it("runs the script a step writes with a heredoc when a later step runs it, the heredoc's lines being no steps of the writer", async () => {
    const records = await planOf({
      "README.md": "# Solution\n\n```bash\nbash make_jobs.sh\nbash jobs.sh\n```\n",
      "make_jobs.sh":
        "#!/bin/bash\nmkdir -p logs\ncat > jobs.sh <<'EOF'\nfor fold in 0 1 2 3 4; do\n  python train.py --epochs 30 --fold $fold\ndone\nEOF\necho written\n",
      "train.py": TRAIN_PY,
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "make_jobs.sh", "other", 1],
      [2, null, ".", "jobs.sh", "other", 1],
      [3, 2, ".", "train.py", "train", 5],
    ]);
    const train = records.find((r) => r.kind === "step" && r.order === 3)!;
    expect([train.file, train.line, train.repeatSource, train.epochs]).toEqual([
      "make_jobs.sh",
      5,
      "make_jobs.sh:4",
      30,
    ]);
  });

  it("runs the script a README's echo lines write, line by line", async () => {
    const records = await planOf({
      "README.md":
        "# Solution\n\n```bash\necho \"python train.py --epochs 12 --fold 0\" > run_all.sh\necho 'python train.py --epochs 12 --fold 1' >> run_all.sh\nsh run_all.sh\n```\n",
      "train.py": TRAIN_PY,
    });
    const trains = records.filter((r) => r.kind === "step" && r.purpose === "train");
    expect(trains.map((r) => [r.file, r.line, r.command, r.epochs])).toEqual([
      ["README.md", 4, "python train.py --epochs 12 --fold 0", 12],
      ["README.md", 5, "python train.py --epochs 12 --fold 1", 12],
    ]);
  });
});

describe("rerun-plan step purposes", () => {
  it("a pipeline framework's run trains, and a script that writes the submission file predicts whatever its name", async () => {
    const plan = await planOf({
      "README.md": "# Sol\n\n```\npython train.py\npython ensemble.py\nkedro run\n```\n",
      "train.py": "import torch\nloss.backward()\n",
      "ensemble.py":
        "import pandas as pd\nsub = pd.read_csv('sample_submission.csv')\nsub.to_csv('submission.csv', index=False)\n",
    });
    expect(stepsOf(plan).map((s) => [s[3], s[4]])).toEqual([
      ["train.py", "train"],
      ["ensemble.py", "predict"],
      [null, "train"],
    ]);
  });
});

describe("rerun-plan: which target a bare make runs", () => {
  const makefile =
    ".PHONY: help data pipeline\nhelp:\n\t@grep -E '^[a-zA-Z_-]+:.*?## .*$$' $(MAKEFILE_LIST)\n\ndata: ## download the data\n\tkaggle competitions download -c x\n\npipeline: ## run the whole pipeline\n\tpython scripts/prepare.py\n\tbash scripts/train.sh\n";
  const files = {
    Makefile: makefile,
    "scripts/prepare.py": "print(1)\n",
    "scripts/train.sh": "python scripts/train.py\n",
    "scripts/train.py": "loss.backward()\n",
  };
  const programs = (records: Awaited<ReturnType<typeof planOf>>) => stepsOf(records).map((s) => s[3]);

  it("a README's bare make whose first target only prints help runs the target the Makefile's comments call the pipeline", async () => {
    expect(programs(await planOf({ ...files, "README.md": "# Sol\n\n```\nmake\n```\n" }))).toEqual([
      "Makefile",
      "scripts/prepare.py",
      "scripts/train.sh",
      "scripts/train.py",
    ]);
  });

  it("with no README step, the root Makefile's goal is its pipeline target, not its help", async () => {
    expect(programs(await planOf({ ...files, "README.md": "# Sol\n\nSee the Makefile.\n" }))).toEqual([
      "Makefile",
      "scripts/prepare.py",
      "scripts/train.sh",
      "scripts/train.py",
    ]);
  });

  it("a .DEFAULT_GOAL names the goal; special targets and variables are no goal", async () => {
    expect(
      programs(
        await planOf({
          ...files,
          Makefile: `PY := python\n.DEFAULT_GOAL := pipeline\n${makefile}`,
          "README.md": "# Sol\n\n```\nmake\n```\n",
        }),
      ),
    ).toEqual(["Makefile", "scripts/prepare.py", "scripts/train.sh", "scripts/train.py"]);
  });
});

describe("rerun-plan: a plan that runs no training while training scripts exist", () => {
  it("is incomplete, as when no plan is found, so the training scripts' findings are not off the plan", async () => {
    const files = {
      "README.md": "# Sol\n\n```\nbash download.sh\n```\n",
      "download.sh": "kaggle competitions download -c comp\n",
      "train_cls.py": "import pandas as pd\ndf = pd.read_csv('/home/me/comp/train.csv')\nloss.backward()\n",
    };
    expect(summaryOf(await planOf(files))).toMatchObject({
      found: false,
      basis: "readme",
      what: "its steps run no training (download.sh), while train_cls.py is there",
    });
    const facts = await extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
    const portable = loadRules([builtinRulesDir()]).filter((r) => r.id === "paths-portable");
    expect(judge(portable, facts).findings.map((f) => [f.file, f.plan, f.planReason])).toEqual([
      [
        "train_cls.py",
        "unknown",
        "no rerun plan found: its steps run no training (download.sh), while train_cls.py is there",
      ],
    ]);
  });

  it("a root tensorboard launcher alone is no plan of the training beside it", async () => {
    const records = await planOf({
      "README.md": "# Sol\n\nModels for the competition.\n",
      "tensorboard.sh": "tensorboard --logdir runs\n",
      "train_seg.py": "loss.backward()\n",
      "train_cls.py": "loss.backward()\n",
    });
    expect(summaryOf(records)).toMatchObject({
      found: false,
      what: "its steps run no training (tensorboard.sh), while train_cls.py, train_seg.py are there",
    });
  });
});
