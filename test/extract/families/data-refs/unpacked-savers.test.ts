// A checkpoint written through an unpacked mapping (`torch.save(sd, **{"f": p})`, `save_checkpoint(**kw)` after
// `kw = {"path": p}`, `ModelCheckpoint(**dict(ckpt_path=p))`) is a write of p: a later load of it is fed.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";

const HELPERS =
  "import torch\n\nclass Checkpointer:\n    def __init__(self, ckpt_path, mode='min'):\n        self.ckpt_path = ckpt_path\n\n" +
  "    def save(self, model):\n        torch.save(model.state_dict(), self.ckpt_path)\n\n" +
  "def save_checkpoint(state, path):\n    torch.save(state, path)\n";

describe("data-refs: writes through unpacked keyword mappings", () => {
  it("binds the path an unpacked dict holds to the writer's or helper's parameter", async () => {
    const records = await run(dataRefs, {
      "helpers.py": HELPERS,
      "train.py":
        "import torch\nfrom helpers import Checkpointer, save_checkpoint\nstate = {'a': 1}\n" +
        "torch.save({**state, 'epoch': 3}, 'weights/a.pth')\n" +
        "torch.save(state, **{'f': 'weights/b.pth'})\n" +
        "def main():\n    p = 'weights/c.pth'\n    kw = {'state': state, 'path': p}\n    save_checkpoint(**kw)\n" +
        "trainer_cfg = {'ckpt_path': 'weights/d.pth', 'mode': 'max'}\nmc = Checkpointer(**trainer_cfg)\n" +
        "mc2 = Checkpointer(**dict(ckpt_path='weights/e.pth'))\n",
      "predict.py":
        "import torch\n" +
        ["a", "b", "c", "d", "e", "f"].map((n) => `${n} = torch.load('weights/${n}.pth')\n`).join(""),
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["weights/a.pth", "train.py:4"],
      ["weights/b.pth", "train.py:5"],
      ["weights/c.pth", "train.py:9"],
      ["weights/d.pth", "train.py:11"],
      ["weights/e.pth", "train.py:12"],
      ["weights/f.pth", null],
    ]);
  });

  it("binds nothing where the unpacked name is not a mapping written in the file", async () => {
    const records = await run(dataRefs, {
      "helpers.py": HELPERS,
      "train.py":
        "import json\nfrom helpers import save_checkpoint\nkw = json.load(open('kw.json'))\nsave_checkpoint(**kw)\n",
      "predict.py": "import torch\nc = torch.load('weights/c.pth')\n",
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["weights/c.pth", null],
    ]);
  });
});
