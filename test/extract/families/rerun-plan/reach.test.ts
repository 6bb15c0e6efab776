// Reach: what each step runs, imports (transitively) and calls, under the first step reaching it; and io:
// reads and writes of reached files, resolved from the step's working folder.
import { describe, expect, it } from "vitest";
import type { FactRecord } from "../../../../src/model/facts.js";
import { planOf, reachOf } from "./plan-repo.js";
import { notebook } from "../helpers.js";

describe("rerun-plan reach", () => {
  it("follows local imports transitively and calls through subprocess and os.system, each file under its first step", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\npython prepare.py\npython src/train.py\n```\n",
      "prepare.py": "import os\nfrom src import common\nos.system('bash tools/split.sh')\n",
      "src/__init__.py": "",
      "src/common.py": "X = 1\n",
      "src/train.py":
        "from src.models import net\nfrom src import common\nimport subprocess\nsubprocess.run('python src/export.py', shell=True)\n",
      "src/models/__init__.py": "",
      "src/models/net.py": "from ..layers import block\n",
      "src/layers/__init__.py": "",
      "src/layers/block.py": "Y = 2\n",
      "src/export.py": "print(1)\n",
      "tools/split.sh": "python tools/split.py\n",
      "tools/split.py": "print(1)\n",
      "scripts/eda.py": "import src.common\n",
    });
    expect(reachOf(records)).toEqual([
      ["prepare.py", 1, "runs", null],
      ["src/__init__.py", 1, "imports", "prepare.py"],
      ["src/common.py", 1, "imports", "prepare.py"],
      ["tools/split.sh", 1, "calls", "prepare.py"],
      ["tools/split.py", 1, "calls", "tools/split.sh"],
      // Steps 2 and 3: the script prepare.py launches, and what it runs.
      ["src/train.py", 4, "runs", null],
      ["src/models/__init__.py", 4, "imports", "src/train.py"],
      ["src/models/net.py", 4, "imports", "src/train.py"],
      ["src/export.py", 4, "calls", "src/train.py"],
      ["src/layers/__init__.py", 4, "imports", "src/models/net.py"],
      ["src/layers/block.py", 4, "imports", "src/models/net.py"],
    ]);
    expect(records.find((r) => r.kind === "summary")).toMatchObject({ reached: 11 });
  });

  it("resolves imports from the folders a step's PYTHONPATH= prefix adds, from the step's folder", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\nCUDA_VISIBLE_DEVICES=0 PYTHONPATH=lib:$PYTHONPATH python scripts/train.py\ncd tools && PYTHONPATH=../vendor python fit.py\n```\n",
      "scripts/train.py": "import helpers\n",
      "lib/helpers.py": "X = 1\n",
      "tools/fit.py": "import other\n",
      "vendor/other.py": "Y = 1\n",
    });
    expect(reachOf(records)).toEqual([
      ["scripts/train.py", 1, "runs", null],
      ["lib/helpers.py", 1, "imports", "scripts/train.py"],
      ["tools/fit.py", 2, "runs", null],
      ["vendor/other.py", 2, "imports", "tools/fit.py"],
    ]);
  });

  it("resolves imports from the folders the code itself puts on sys.path, relative or built from __file__", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\npython run.py\ncd notebooks && python train.py\npython tools/fit.py\n```\n",
      "run.py": "import sys\nsys.path.append('src')\nfrom lib.models import f\n",
      "src/lib/__init__.py": "",
      "src/lib/models.py": "from lib.layers import g\n",
      "src/lib/layers.py": "G = 1\n",
      "notebooks/train.py": "import sys\nsys.path.insert(0, '../src')\nfrom data.load_data import load\n",
      "src/data/load_data.py": "import pandas as pd\nload = pd.read_csv('data/train.csv')\n",
      "tools/fit.py":
        "import os, sys\nsys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vendor'))\nimport other\n",
      "vendor/other.py": "Y = 1\n",
      "elsewhere/lib/models.py": "Z = 1\n",
    });
    expect(reachOf(records)).toEqual([
      ["run.py", 1, "runs", null],
      ["src/lib/models.py", 1, "imports", "run.py"],
      ["src/lib/layers.py", 1, "imports", "src/lib/models.py"],
      ["notebooks/train.py", 2, "runs", null],
      ["src/data/load_data.py", 2, "imports", "notebooks/train.py"],
      ["tools/fit.py", 3, "runs", null],
      ["vendor/other.py", 3, "imports", "tools/fit.py"],
    ]);
  });

  it("records the lines of a module the steps only import that run only when it is run itself", async () => {
    const model = [
      "import torch",
      "def build():",
      "    return torch.nn.Linear(2, 2)",
      "def test():",
      "    net = build()",
      "    print(net(torch.zeros(1, 2)))",
      "def helper():",
      "    return 1",
      "if __name__ == '__main__':",
      "    test()",
      "    helper()",
      "",
    ].join("\n");
    const records = await planOf({
      "README.md": "# Run\n\n```\npython train.py\npython tools/check.py\n```\n",
      "train.py": "from model import build\nimport model\nnet = build()\nmodel.helper()\n",
      "model.py": model,
      "tools/check.py": "import sys\nsys.path.append('.')\nimport layers\n",
      "tools/layers.py": "def demo():\n    pass\nif __name__ == '__main__':\n    demo()\n",
    });
    const reach = records.filter((r) => r.kind === "reach");
    // test() only the guard calls; helper() and build() train.py calls too.
    expect(reach.find((r) => r.file === "model.py")).toMatchObject({ via: "imports", mainOnly: "4-6,9-11" });
    expect(reach.find((r) => r.file === "tools/layers.py")).toMatchObject({ via: "imports", mainOnly: "1-2,3-4" });
    expect(reach.find((r) => r.file === "train.py")).not.toHaveProperty("mainOnly");
  });

  it("records the functions nothing calls: a commented-out call, a notebook helper whose copy elsewhere calls its own", async () => {
    const helper = "def infer_dir(root):\n    return list(Path(root).rglob('*.jpg'))";
    const records = await planOf({
      "README.md":
        "# Run\n\n```\npython train.py\njupyter nbconvert --execute prep.ipynb\njupyter nbconvert --execute infer.ipynb\n```\n",
      "train.py": "import utils\nx = utils.load_used(1)\n",
      "utils.py":
        "def load_volume(p):\n    return open(p).read()\ndef get_indices(p):\n    return load_volume(p)\n# idxs = get_indices('x')\ndef load_used(p):\n    return p\n",
      "prep.ipynb": notebook("from pathlib import Path", helper, "print(1)"),
      "infer.ipynb": notebook("from pathlib import Path", helper, "infer_dir('imgs')"),
    });
    const reach = (file: string) => records.find((r) => r.kind === "reach" && r.file === file);
    expect(reach("utils.py")).toMatchObject({ uncalled: "1-2,3-5" });
    expect(reach("prep.ipynb")).toMatchObject({ uncalled: "2-3" });
    expect(reach("infer.ipynb")).not.toHaveProperty("uncalled");
    expect(reach("train.py")).not.toHaveProperty("uncalled");
  });

  it("records the branches of an imported module the documented arguments or the parser's default rule out", async () => {
    const data = [
      "import numpy as np", // 1
      "def load(args):", // 2
      "    if args.dataset == 'ImageNet':", // 3
      "        root = '/home/u/ImageNet'", // 4
      "    elif args.dataset == 'CIFAR100':", // 5
      "        root = 'data/cifar'", // 6
      "    if 'cswin' in args.backbone:", // 7
      "        np.load('pretrain/x.npy')", // 8
      "    return root", // 9
    ].join("\n");
    const train =
      "import argparse\nfrom data import load\np = argparse.ArgumentParser()\np.add_argument('--dataset')\np.add_argument('--backbone', default='resnet50')\nload(p.parse_args())\n";
    const records = await planOf({
      "README.md":
        "# Run\n\n```\npython train.py --dataset=CIFAR100\npython train.py --dataset CIFAR100 --epochs 3\n```\n",
      "train.py": train,
      "data.py": data,
    });
    expect(records.find((r) => r.kind === "reach" && r.file === "data.py")).toMatchObject({
      ruledOut: "4-4,8-8",
      ruledOutWhy:
        "every documented command passes --dataset=CIFAR100; no documented command passes --backbone, whose default is resnet50",
    });
    // One step whose value is unknown (a variable) leaves the branch as it is.
    const open = await planOf({
      "README.md": "# Run\n\n```\npython train.py --dataset=CIFAR100\npython train.py --dataset $DS\n```\n",
      "train.py": train,
      "data.py": data,
    });
    expect(open.find((r) => r.kind === "reach" && r.file === "data.py")).toMatchObject({ ruledOut: "8-8" });
    // Unless the option's choices leave the branch's value out.
    const chosen = await planOf({
      "README.md": "# Run\n\n```\npython train.py --dataset $DS\n```\n",
      "train.py": train.replace("'--dataset')", "'--dataset', choices=['CIFAR100', 'MNIST'])"),
      "data.py": data,
    });
    expect(chosen.find((r) => r.kind === "reach" && r.file === "data.py")).toMatchObject({
      ruledOut: "4-4,8-8",
      ruledOutWhy: expect.stringContaining("give --dataset only as CIFAR100 or MNIST (its choices)"),
    });
  });

  it("walks no import behind a flag parameter no caller sets, and records its branch as ruled out", async () => {
    const loader =
      "import numpy as np\ndef create_loader(ds, tf_preprocessing=False):\n    if tf_preprocessing:\n        from tf_pre import pre\n        return pre(ds)\n    return ds\n";
    const files = {
      "README.md": "# Run\n\n```\npython train.py\n```\n",
      "train.py": "from loader import create_loader\ncreate_loader([1])\n",
      "loader.py": loader,
      "tf_pre.py": "import tensorflow as tf\ndef pre(ds):\n    return ds\n",
    };
    const records = await planOf(files);
    expect(records.filter((r) => r.kind === "reach").map((r) => r.file)).toEqual(["train.py", "loader.py"]);
    expect(records.find((r) => r.kind === "reach" && r.file === "loader.py")).toMatchObject({ ruledOut: "4-5" });
    // A caller that passes the flag walks the import.
    const set = await planOf({
      ...files,
      "train.py": "from loader import create_loader\ncreate_loader([1], tf_preprocessing=True)\n",
    });
    expect(set.filter((r) => r.kind === "reach").map((r) => r.file)).toContain("tf_pre.py");
  });

  it("records no such lines for a module one step imports and another runs", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\npython train.py\npython model.py\n```\n",
      "train.py": "import model\n",
      "model.py": "X = 1\nif __name__ == '__main__':\n    print(X)\n",
    });
    expect(records.find((r) => r.kind === "reach" && r.file === "model.py")).toMatchObject({ via: "imports" });
    expect(records.find((r) => r.kind === "reach" && r.file === "model.py")).not.toHaveProperty("mainOnly");
  });

  it("reaches the config module a step names for a load by name, and every one of its folder when none is named", async () => {
    const train =
      "import argparse, importlib\np = argparse.ArgumentParser()\np.add_argument('--config', default='config1')\nargs = p.parse_args()\ncfg = importlib.import_module('configs.' + args.config)\n";
    const files = {
      "train.py": train,
      "configs/__init__.py": "",
      "configs/config1.py": "LR = 1\n",
      "configs/config2.py": "LR = 2\n",
      "tools/old.py": "",
    };
    const named = await planOf({ ...files, "README.md": "# Run\n\n```\npython train.py --config config2\n```\n" });
    expect(reachOf(named).map((r) => r[0])).toEqual(["train.py", "configs/config2.py"]);
    const unnamed = await planOf({ ...files, "README.md": "# Run\n\n```\npython train.py\n```\n" });
    expect(reachOf(unnamed).map((r) => r[0])).toEqual([
      "train.py",
      "configs/__init__.py",
      "configs/config1.py",
      "configs/config2.py",
    ]);
  });

  it("reaches a module named by its whole dotted name, and one loaded from a folder put on sys.path", async () => {
    const dotted = await planOf({
      "README.md": "# Run\n\n```\npython train.py --config exp.v1\npython infer.py --cfg b\n```\n",
      "train.py": "import sys, importlib\ncfg = importlib.import_module(sys.argv[2])\n",
      "exp/v1.py": "",
      "exp/v2.py": "",
      "infer.py":
        "import sys, os\nsys.path.append(os.path.join(os.path.dirname(__file__), 'settings'))\ncfg = __import__(sys.argv[2])\n",
      "settings/a.py": "",
      "settings/b.py": "",
    });
    expect(reachOf(dotted).map((r) => [r[0], r[2]])).toEqual([
      ["train.py", "runs"],
      ["exp/v1.py", "imports"],
      ["infer.py", "runs"],
      ["settings/b.py", "imports"],
    ]);
  });

  it("reaches a notebook's imports", async () => {
    const nb = JSON.stringify({ nbformat: 4, cells: [{ cell_type: "code", source: ["import helpers\n"] }] });
    const records = await planOf({
      "README.md": "# Run\n\n```\njupyter nbconvert --execute train.ipynb\n```\n",
      "train.ipynb": nb,
      "helpers.py": "Z = 3\n",
    });
    expect(reachOf(records)).toEqual([
      ["train.ipynb", 1, "runs", null],
      ["helpers.py", 1, "imports", "train.ipynb"],
    ]);
  });
});

describe("rerun-plan io", () => {
  it("resolves the reads and writes of reached files from the step's working folder", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\ncd src\npython train.py\n```\n",
      "src/train.py":
        "import pandas as pd\nimport torch\ndf = pd.read_csv('../data/train.csv')\ntorch.save(model, 'weights/best.pth')\n",
      "data/README.md": "put train.csv here\n",
    });
    expect(records.filter((r) => r.kind === "io").map((r) => [r.file, r.line, r.step, r.mode, r.path])).toEqual([
      ["src/train.py", 3, 1, "read", "data/train.csv"],
      ["src/train.py", 4, 1, "write", "src/weights/best.pth"],
    ]);
  });

  describe("a sub-project's setup.py makes its package importable only when the rerun installs it", () => {
    const project = {
      "somen/setup.py": "from setuptools import setup\nsetup(name='somen', packages=['somen'])\n",
      "somen/somen/__init__.py": "",
      "somen/somen/core.py": "X = 1\n",
      "train.py": "import somen.core\n",
    };
    const reachesCore = async (files: Record<string, string>) =>
      reachOf(await planOf({ ...project, ...files })).some((r) => r[0] === "somen/somen/core.py");

    it("not installed: its package is not the import's", async () => {
      expect(await reachesCore({ "README.md": "```\npython train.py\n```\n" })).toBe(false);
    });

    it("installed by pip install -e in a step, from the folder the step runs in", async () => {
      expect(await reachesCore({ "README.md": "```\npip install -e somen\npython train.py\n```\n" })).toBe(true);
      expect(
        await reachesCore({ "README.md": "```\ncd somen && pip install -e . && cd ..\npython train.py\n```\n" }),
      ).toBe(true);
    });

    it("installed by -e in a requirements file a step installs, or by python setup.py develop", async () => {
      expect(
        await reachesCore({
          "requirements.txt": "numpy==1.26.4\n-e ./somen\n",
          "README.md": "```\npip install -r requirements.txt\npython train.py\n```\n",
        }),
      ).toBe(true);
      expect(await reachesCore({ "README.md": "```\npython somen/setup.py develop\npython train.py\n```\n" })).toBe(
        true,
      );
    });
  });
});

describe("rerun-plan io of the steps' own command lines", () => {
  const ioOf = (records: readonly FactRecord[]) =>
    records.filter((r) => r.kind === "io" && r.file === "README.md").map((r) => [r.step, r.mode, r.path]);

  it("records redirections, mv, cp, mkdir and output options on a step's line as its reads and writes, from its folder", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\nmkdir -p out && python x.py --out out/f.csv > logs/run.txt 2>&1\ncd work && python ../x.py && mv ../out/f.csv submission.csv\npython x.py; cp a.csv b.csv\n```\n",
      "x.py": "print(1)\n",
      "work/keep.txt": "",
    });
    expect(ioOf(records)).toEqual([
      [1, "write", "out"],
      [1, "write", "logs/run.txt"],
      [1, "write", "out/f.csv"],
      [2, "read", "out/f.csv"],
      [2, "write", "work/submission.csv"],
      // The block's `cd work` holds for the line after it.
      [3, "read", "work/a.csv"],
      [3, "write", "work/b.csv"],
    ]);
  });

  it("records no read or write of a placeholder the reader fills in (`<output file>`, `[path to data]`)", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\npython x.py --out [output dir] > <log file> && mv out.csv <submission file>\npython x.py --out out/f.csv\n```\n",
      "x.py": "print(1)\n",
    });
    expect(ioOf(records)).toEqual([
      [1, "read", "out.csv"],
      [2, "write", "out/f.csv"],
    ]);
  });

  it("takes `yolo train` as a training step: its data yaml read, its run folder's weights written", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```\nyolo train data=data/x.yaml model=yolov8n.pt epochs=100\nyolo detect predict model=runs/detect/train/weights/best.pt source=images/\n```\n",
      "data/x.yaml": "path: data\n",
    });
    expect(records.filter((r) => r.kind === "step").map((r) => [r.order, r.purpose])).toEqual([
      [1, "train"],
      [2, "predict"],
    ]);
    expect(ioOf(records)).toEqual([
      [1, "read", "data/x.yaml"],
      [1, "write", "runs/detect/train/weights/best.pt"],
      [1, "write", "runs/detect/train/weights/last.pt"],
      [2, "read", "images"],
      [2, "read", "runs/detect/train/weights/best.pt"],
      [2, "write", "runs/detect/predict"],
    ]);
  });
});
