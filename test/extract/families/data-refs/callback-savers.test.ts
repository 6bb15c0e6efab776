// A file saved by a callback class to the path its constructor is given is produced by the step that builds it.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const CALLBACKS =
  "import torch\nfrom keras.callbacks import Callback\n\n" +
  "class SaveBest(Callback):\n    def __init__(self, path, monitor='val_loss'):\n        super().__init__()\n" +
  "        self.path = path\n        self.best = None\n\n    def on_epoch_end(self, epoch, logs=None):\n" +
  "        torch.save(self.model.state_dict(), self.path)\n";

describe("data-refs: callback classes that save to their constructor's path", () => {
  it("takes `SaveBest('weights/best.pth')` as the write of weights/best.pth, by position or keyword", async () => {
    const records = await run(dataRefs, {
      "callbacks.py": CALLBACKS,
      "train.py":
        "from callbacks import SaveBest\ncb = SaveBest('weights/best.pth')\ncb2 = SaveBest(monitor='acc', path='weights/acc.pth')\n",
      "predict.py":
        "import torch\na = torch.load('weights/best.pth')\nb = torch.load('weights/acc.pth')\nc = torch.load('weights/other.pth')\n",
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["weights/best.pth", "train.py:2"],
      ["weights/acc.pth", "train.py:3"],
      ["weights/other.pth", null],
    ]);
  });

  it("a class that keeps the path but saves elsewhere produces nothing", async () => {
    const records = await run(dataRefs, {
      "callbacks.py":
        "import torch\nclass SaveBest:\n    def __init__(self, path):\n        self.path = path\n        self.out = 'x'\n    def save(self, m):\n        torch.save(m, self.out)\n",
      "train.py": "from callbacks import SaveBest\ncb = SaveBest('weights/best.pth')\n",
      "predict.py": "import torch\na = torch.load('weights/best.pth')\n",
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["weights/best.pth", null],
    ]);
  });

  it("in a real repo whose README trains then predicts, the read of the callback's file is no finding", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# Solution\n\n```bash\npython train.py\npython predict.py\n```\n",
        "requirements.txt": "torch==2.1.0\nkeras==2.14.0\n",
        "callbacks.py": CALLBACKS,
        "train.py": "from callbacks import SaveBest\ncb = SaveBest('weights/best.pth')\n",
        "predict.py": "import torch\nm = torch.load('weights/best.pth')\nn = torch.load('weights/swa.pth')\n",
      },
      ["datasets-weights-shipped", "datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-weights-shipped", "predict.py", 3],
    ]);
  });
});
