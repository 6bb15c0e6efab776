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

  describe("a config module chosen by name", () => {
    const configs = {
      "configs/cfg_1.py":
        "from types import SimpleNamespace\ncfg = SimpleNamespace()\ncfg.train_df = 'data/train_a.csv'\n",
      "configs/cfg_2.py":
        "from types import SimpleNamespace\ncfg = SimpleNamespace()\ncfg.train_df = 'data/train_b.csv'\n",
    };
    const readsOf = async (script: string, extra: Record<string, string> = {}) =>
      (await run(dataRefs, { ...configs, ...extra, "scripts/convert.py": script }))
        .filter((r) => r.kind === "read" && r.file === "scripts/convert.py")
        .map((r) => r.path);

    it("takes the attribute from the module a string constant names, not a sibling config", async () => {
      expect(
        await readsOf(
          "import importlib, sys\nimport pandas as pd\nsys.path.append('./configs')\n" +
            "config_name = 'cfg_2'\ncfg = importlib.import_module(config_name).cfg\ndf = pd.read_csv(cfg.train_df)\n",
        ),
      ).toEqual(["data/train_b.csv"]);
    });

    it("takes it from the module a from-import names", async () => {
      expect(
        await readsOf("import pandas as pd\nfrom configs import cfg_2 as C\ndf = pd.read_csv(C.cfg.train_df)\n"),
      ).toEqual(["data/train_b.csv"]);
    });

    it("takes it from the base config the chosen module imports, where the module does not set it", async () => {
      expect(
        await readsOf(
          "import importlib\nimport pandas as pd\ncfg = importlib.import_module('configs.cfg_3').cfg\n" +
            "df = pd.read_csv(cfg.train_df)\n",
          {
            "configs/defaults.py":
              "from types import SimpleNamespace\ncfg = SimpleNamespace()\ncfg.train_df = 'data/train_base.csv'\n",
            "configs/cfg_3.py": "from configs.defaults import cfg\ncfg.epochs = 3\n",
          },
        ),
      ).toEqual(["data/train_base.csv"]);
    });

    it("picks no value where the module is named only at run time and the configs disagree", async () => {
      expect(
        await readsOf(
          "import argparse, importlib, sys\nimport pandas as pd\nsys.path.append('./configs')\n" +
            "p = argparse.ArgumentParser()\np.add_argument('-C', '--config')\nargs = p.parse_args()\n" +
            "cfg = importlib.import_module(args.config).cfg\ndf = pd.read_csv(cfg.train_df)\n",
        ),
      ).toEqual([]);
    });
  });

  it("takes no value from a dataclass default that the file's own parser always fills", async () => {
    const records = await run(dataRefs, {
      "train.py":
        "import argparse\nfrom dataclasses import dataclass\nimport pandas as pd\n\n@dataclass\nclass TrainConfig:\n" +
        "    train_csv: str = '/ssd/me/train.csv'\n\ndef main():\n    p = argparse.ArgumentParser()\n" +
        "    p.add_argument('--train_csv', type=str, default='./data/train.csv')\n    args = p.parse_args()\n" +
        "    cfg = TrainConfig(**vars(args))\n    df = pd.read_csv(cfg.train_csv)\n",
    });
    expect(records.filter((r) => r.kind === "read").map((r) => r.path)).toEqual([]);
  });
});
