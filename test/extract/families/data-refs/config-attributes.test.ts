// data-refs: a read joined onto a config class's attribute resolves through the attribute's value.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";

describe("data-refs: config class attributes", () => {
  it("finds a file under the repo folder a config class attribute names", async () => {
    const records = await run(dataRefs, {
      "configs/cfg.py":
        "import os\n\nclass CFG:\n    hand_label_dir = 'inputs/hand_label/'\n    extra_dir = 'inputs/extra/'\n\ncfg = CFG()\n",
      "inputs/hand_label/hand_label.json": "{}\n",
      "train.py":
        "import json, os\nfrom configs.cfg import cfg\n" +
        "labels = json.load(open(os.path.join(cfg.hand_label_dir, 'hand_label.json')))\n" +
        "extra = json.load(open(os.path.join(cfg.extra_dir, 'extra.json')))\n",
    });
    expect(records.filter((r) => r.kind === "read").map((r) => [r.path, r.inRepo])).toEqual([
      ["*/hand_label.json", true],
      ["*/extra.json", false],
    ]);
  });

  it("finds it through an attribute a config module sets on its config object", async () => {
    const records = await run(dataRefs, {
      "config.py":
        "from types import SimpleNamespace\ncfg = SimpleNamespace()\ncfg.pseudo_dir = 'inputs/pseudo_label/'\n",
      "inputs/pseudo_label/pseudo.json": "{}\n",
      "train.py":
        "import json, os\nfrom config import cfg\np = json.load(open(os.path.join(cfg.pseudo_dir, 'pseudo.json')))\n",
    });
    expect(records.filter((r) => r.kind === "read").map((r) => [r.path, r.inRepo])).toEqual([["*/pseudo.json", true]]);
  });

  it("keeps the separator when a root ending in a slash is joined with `+` to a relative tail", async () => {
    const records = await run(dataRefs, {
      "config.py": "class CFG:\n    root = './'\n    folder = 'data'\n    dataset_path = f'{root}{folder}/'\n",
      "data/train/a/mask.png": "x",
      "train.py":
        "import cv2\nfrom config import CFG\n\ndef load(fid):\n" +
        "    return cv2.imread(CFG.dataset_path + f'train/{fid}/mask.png', 0)\n",
    });
    const read = records.find((r) => r.kind === "read");
    expect(read?.resolved).toBe("./data/train/*/mask.png (config.py)");
  });
});
