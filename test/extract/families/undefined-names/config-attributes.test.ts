// Attributes read from a plain config class that the class never defines.
import { describe, expect, it } from "vitest";
import { missingConfigAttributes } from "../../../../src/extract/families/undefined-names/config-attributes.js";

const missing = (files: Record<string, string>) =>
  missingConfigAttributes(Object.entries(files).map(([path, text]) => ({ path, text }))).map((m) => [
    m.path,
    m.line,
    m.name,
  ]);

describe("missingConfigAttributes", () => {
  it("names an attribute the class defines nowhere, once per file, where the class is in scope", () => {
    const files = {
      "configs/cfg.py":
        'class CFG:\n    """Settings."""\n    epochs = 10\n    lr, wd = 1e-3, 0.0\n    size: int = 512\n',
      "train.py":
        "from configs.cfg import CFG\nfor e in range(CFG.n_epochs):\n    opt(CFG.lr, CFG.wd, CFG.size, CFG.n_epochs)\n",
      "other.py": "from mmcv import CFG\nprint(CFG.anything)\n",
    };
    expect(missing(files)).toEqual([["train.py", 2, "CFG.n_epochs"]]);
  });

  it("counts attributes given later, and leaves out classes it cannot read whole", () => {
    const files = {
      "cfg.py":
        "class CFG:\n    epochs = 10\nCFG.device = 'cuda'\nclass Config(Base):\n    a = 1\nclass TrainConfig:\n    a = 1\n    def b(self):\n        pass\n",
      "train.py": "from cfg import CFG, Config, TrainConfig\nprint(CFG.device, Config.x, TrainConfig.y, 'CFG.z')\n",
      "hp.py": "class HParams:\n    a = 1\nsetattr(HParams, 'b', 2)\nprint(HParams.b)\n",
    };
    expect(missing(files)).toEqual([]);
  });
});
