import { describe, expect, it } from "vitest";
import { extractor as imports } from "../../../src/extract/families/imports/index.js";
import { extractor as cliOptions } from "../../../src/extract/families/cli-options/index.js";
import { extractor as syntax } from "../../../src/extract/families/syntax/index.js";
import { extractor as placeholders } from "../../../src/extract/families/placeholders/index.js";
import { extractor as undefinedNames } from "../../../src/extract/families/undefined-names/index.js";
import { extractor as training } from "../../../src/extract/families/training/index.js";
import { extractor as dataRefs } from "../../../src/extract/families/data-refs/index.js";
import { notebook, run } from "./helpers.js";

const TRAIN = `import os, sys
import cv2
from sklearn.model_selection import StratifiedKFold
import numpy as np
from .models import Net
from utils.io import load
import argparse
import timm

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=1e-3, help="learning rate")
parser.add_argument("--epochs", type=int, default=30)
parser.add_argument("-b", "--batch_size", default=16, help="")
EPOCHS = 20
class CFG:
    n_folds = 5
    img_size = (512, 512)
    seeds = [0, 1, 2]
skf = StratifiedKFold(n_splits=5, shuffle=True)
model = timm.create_model('tf_efficientnet_b0', pretrained=True)
DATA = '/kaggle/input/siim/'
df = pd.read_csv(DATA + 'train.csv')
w = torch.load('weights/best.pth')
img = cv2.imread(os.path.join('data', 'img.png'))
with open('out.csv', 'w') as f:
    pass

def train():
    raise NotImplementedError

if __name__ == "__main__":
    train()
`;

describe("Python fact families over one messy solution", () => {
  const files = {
    "src/train.py": TRAIN,
    "src/models.py": "def Net():\n    ...\n",
    "utils/io.py": "def load():\n    pass  # TODO: real loader\n",
    "unused.py": "def f():\n    raise NotImplementedError\n",
    "data/img.png": "",
    "configs/a.yaml": "epochs: 12\nbackbone: resnet34\n",
    "README.md": "kaggle competitions download -c siim\n",
  };

  it("imports: torch declared by an exact pin of its companion, which says that it fixes torch", async () => {
    const records = await run(
      imports,
      { "train.py": "import torch\n" },
      {
        "env-spec": [
          { kind: "package", name: "torchvision", spec: "==0.15.2", pinned: true, file: "requirements.txt", line: 2 },
        ],
      },
    );
    expect(records.filter((r) => r.module).map((r) => [r.module, r.declared, r.declaredBy])).toEqual([
      ["torch", true, "requirements.txt:2 (torchvision==0.15.2 fixes the torch it installs)"],
    ]);
  });

  it("imports: origin, distribution and declared against env-spec packages", async () => {
    const records = await run(imports, files, {
      "env-spec": [{ kind: "package", name: "numpy", file: "requirements.txt", line: 1 }],
    });
    const view = records
      .filter((r) => r.file === "src/train.py")
      .map((r) => [r.line, r.module, r.origin, r.distribution, r.declared]);
    expect(view).toEqual([
      [1, "os", "stdlib", "os", null],
      [1, "sys", "stdlib", "sys", null],
      [2, "cv2", "third-party", "opencv-python", false],
      [3, "sklearn.model_selection", "third-party", "scikit-learn", false],
      [4, "numpy", "third-party", "numpy", true],
      [5, ".models", "local", "models", null],
      [6, "utils.io", "local", "utils", null],
      [7, "argparse", "stdlib", "argparse", null],
      [8, "timm", "third-party", "timm", false],
    ]);
  });

  it("cli-options: flags, help, default and type", async () => {
    expect((await run(cliOptions, files)).map((r) => [r.line, r.option, r.hasHelp, r.default, r.type])).toEqual([
      [11, "--lr", true, "1e-3", "float"],
      [12, "--epochs", false, "30", "int"],
      [13, "--batch_size", false, "16", null],
    ]);
  });

  it("training: argparse defaults, assignments, class attributes, call arguments and configs", async () => {
    expect((await run(training, files)).map((r) => [r.file, r.line, r.kind, r.value, r.source])).toEqual([
      ["src/train.py", 14, "epochs", 20, "assignment"],
      ["src/train.py", 16, "folds", 5, "assignment"],
      ["src/train.py", 17, "image-size", 512, "assignment"],
      ["src/train.py", 18, "seeds", 3, "assignment"],
      ["src/train.py", 19, "folds", 5, "call-argument"],
      ["src/train.py", 12, "epochs", 30, "argparse-default"],
      ["src/train.py", 13, "batch-size", 16, "argparse-default"],
      ["src/train.py", 20, "models", "tf_efficientnet_b0", "call-argument"],
      ["configs/a.yaml", 1, "epochs", 12, "config"],
      ["configs/a.yaml", 2, "models", "resnet34", "config"],
    ]);
  });

  it("training: a size tuple gives its longer side, never a shape's channel count", async () => {
    const records = await run(training, { "cfg.py": "input_size = (3, 224, 224)\nimg_size = [384, 640]\n" });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [1, "image-size", 224],
      [2, "image-size", 640],
    ]);
  });

  it("training: a list built from other values states no image size; an implausible batch is judged only where it reaches a batch-size keyword", async () => {
    const records = await run(training, {
      "feat.py": "def f(img):\n    img_size = [img.shape[0], img.shape[1]]\n    return img_size\n",
      "text.py": "batchsize = 10000000\nwb = WordBatch(minibatch_size=batchsize // 80)\n",
      "train.py": "BATCH_SIZE = 10000000\nloader = DataLoader(ds, batch_size=BATCH_SIZE)\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value])).toEqual([
      ["train.py", 1, "out-of-range", "10000000"],
    ]);
  });

  it("training: a config's `epoch: &epoch 30` and `train_image_size: [768, 768]` are the training's; code's `epoch` is a loop counter, `epoch: 0` a start", async () => {
    const records = await run(training, {
      "conf/final.yaml":
        "General:\n  epoch: &epoch 30\nData:\n  train_image_size: [768, 768]\n  valid_image_size: [2048, 2048]\n  lr: !!python/float 3e-5\n",
      "train.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--epoch', type=int, default=12)\nepoch = 0\n",
      "resume.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--epoch', type=int, default=0, help='epoch to start from')\n",
      "conf/resume.yaml": "epoch: 0\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value, r.source])).toEqual([
      ["train.py", 3, "epochs", 12, "argparse-default"],
      ["conf/final.yaml", 2, "epochs", 30, "config"],
      ["conf/final.yaml", 4, "image-size", 768, "config"],
    ]);
  });

  it("training: a fold option or key set to -1 or 0 is a fold index's placeholder, no count of folds", async () => {
    const records = await run(training, {
      "conf/model.yaml": "train:\n  kfold: -1\n  n_folds: 5\n",
      "run.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--n_folds', type=int, default=0)\np.add_argument('--folds', type=int, default=4)\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value])).toEqual([
      ["run.py", 4, "folds", 4],
      ["conf/model.yaml", 3, "folds", 5],
    ]);
  });

  it("training: a name rebound in its scope (a counter, an augmented total) is no setting; one per scope is", async () => {
    const records = await run(training, {
      "blend.py":
        "N_FOLDS = 5\ndef count(seeds):\n    num_seeds = 0\n    for s in seeds:\n        num_seeds += 1\n    n_folds = 1\n    n_folds = n_folds + 1\n    return num_seeds\nclass A:\n    epochs = 10\nclass B:\n    epochs = 20\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value])).toEqual([
      ["blend.py", 1, "folds", 5],
      ["blend.py", 10, "epochs", 10],
      ["blend.py", 12, "epochs", 20],
    ]);
  });

  it("placeholders: reachable through imports from the __main__ entry point", async () => {
    expect((await run(placeholders, files)).map((r) => [r.file, r.line, r.kind, r.reachable])).toEqual([
      ["src/models.py", 2, "ellipsis-body", true],
      ["src/train.py", 29, "not-implemented", true],
      ["unused.py", 2, "not-implemented", false],
      ["utils/io.py", 2, "todo", true],
    ]);
  });

  it("data-refs: reads and weights with inRepo and fetched, and the competition slug", async () => {
    const readme = {
      readme: [
        {
          kind: "command",
          file: "README.md",
          line: 1,
          command: "kaggle competitions download -c siim",
          purpose: "data",
          script: null,
        },
      ],
    };
    expect(
      (await run(dataRefs, files, readme)).map((r) => [r.kind, r.path ?? r.slug, r.line, r.inRepo, r.fetched]),
    ).toEqual([
      ["read", "/kaggle/input/siim/train.csv", 22, false, true],
      ["weights", "weights/best.pth", 23, false, false],
      ["read", "data/img.png", 24, true, false],
      ["kaggle-competition", "siim", 1, false, true],
    ]);
  });

  it("data-refs: competition scans and tables read by glob are documented by the competition the README downloads", async () => {
    const records = await run(dataRefs, {
      "README.md": "Download the data: `kaggle competitions download -c rsna-aneurysm` and unzip it into data/.\n",
      "prep.py":
        "import glob, pandas as pd\nseries = glob.glob('data/series/*/*.dcm')\nsegs = glob.glob('data/segmentations/*.nii.gz')\nmeta = pd.read_csv('data/stage_1_train.csv')\nextra = pd.read_csv('private/annotations.csv')\n",
    });
    const reads = records.filter((r) => r.kind === "read").map((r) => [r.path, r.documentedBy !== null]);
    expect(reads).toEqual([
      ["data/series/*/*.dcm", true],
      ["data/segmentations/*.nii.gz", true],
      ["data/stage_1_train.csv", true],
      ["private/annotations.csv", false],
    ]);
  });

  it("syntax: one record per broken file, with notebook cell and line", async () => {
    const records = await run(syntax, {
      "ok.py": "x = 1\n",
      "py2.py": "x = 1\nprint 'a'\n",
      "nb.ipynb": notebook("a = 1\n", "x = = 1\n"),
    });
    // No README names a training script: every file may be on its path.
    expect(records).toEqual([
      {
        file: "nb.ipynb",
        line: 3,
        cell: 2,
        cellLine: 1,
        message: "invalid syntax",
        checkedBy: "parser",
        python2: false,
        trainPath: true,
      },
      {
        file: "py2.py",
        line: 2,
        message: "Missing parentheses in call to 'print'",
        checkedBy: "lexer",
        python2: true,
        trainPath: true,
      },
    ]);
  });

  it("syntax: records whether every Python the repo states parses an error only newer Pythons raise", async () => {
    const files = { "py2.py": "print 'a'\n", "gpu.py": "x.cuda(async=True)\n", "broken.py": "def f(:\n    pass\n" };
    const stated = (value: string) => ({
      "env-spec": [{ kind: "python-version", file: "runtime.txt", line: 1, value }],
    });
    const parses = async (value: string) =>
      (await run(syntax, files, stated(value))).map((r) => [r.file, r.statedParses]);
    expect(await parses("2.7")).toEqual([
      ["broken.py", undefined],
      ["gpu.py", true],
      ["py2.py", true],
    ]);
    expect(await parses("3.6")).toEqual([
      ["broken.py", undefined],
      ["gpu.py", true],
      ["py2.py", false],
    ]);
  });

  it("undefined-names: reports names bound nowhere, and none of the usual false alarms", async () => {
    const clean = `import os
from typing import List
x: int
class A:
    attr = 1
    def m(self, y=attr, *args, **kw):
        global G
        G = [z for z in range(3) if (w := z)]
        try:
            pass
        except ValueError as err:
            print(err, w, __file__, __class__)
        f = lambda q, r=1: q + r
        with open(os.sep) as (fh):
            del fh
        for i, (j, k) in enumerate([]):
            pass
        match y:
            case {"a": aa, **rest}:
                print(aa, rest)
        return f(k=1)
def dec(fn):
    return fn
@dec
def g() -> "Undefined":
    nonlocal_thing = 1
    return nonlocal_thing, List
`;
    const records = await run(undefinedNames, {
      "clean.py": clean,
      "bad.py": "import numpy as np\n\ndef f():\n    return pd.read_csv(np.x) + undefined_thing\n",
      "star.py": "from os import *\nprint(path)\n",
      "nb.ipynb": notebook("import pandas as pd\n", "df = pd.DataFrame()\nprint(dff)\n"),
    });
    expect(records.map((r) => [r.file, r.line, r.name, r.cell ?? null])).toEqual([
      ["bad.py", 4, "pd", null],
      ["bad.py", 4, "undefined_thing", null],
      ["nb.ipynb", 4, "dff", 2],
    ]);
  });
});
