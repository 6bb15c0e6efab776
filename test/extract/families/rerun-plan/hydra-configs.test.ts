// The files a hydra program composes for one command line: its defaults, a `group=option` word's pick.
import { describe, expect, it } from "vitest";
import { hydraConfigFiles } from "../../../../src/extract/families/rerun-plan/hydra-configs.js";

const FILES: Record<string, string> = {
  "configs/main.yaml": "defaults:\n  - dataset: valid\n  - override train: default\n  - base\n  - _self_\nseed: 1\n",
  "configs/base.yaml": "a: 1\n",
  "configs/dataset/valid.yaml": "fold: 0\n",
  "configs/train/default.yaml": "epochs: 5\n",
  "configs/train/large.yaml": "epochs: 100\n",
};
const files = {
  read: (p: string) => FILES[p] ?? null,
  isDir: (p: string) => Object.keys(FILES).some((f) => f.startsWith(`${p}/`)),
};

describe("hydra config composition", () => {
  it("reads a project's wrapper of hydra.main and lets the command line pick a group's option", () => {
    const text = '@hydra_ddp_friendly_main(config_path="configs", config_name="main")\ndef main(cfg):\n    pass\n';
    expect(hydraConfigFiles(text, "train.py", ["train=large", "train.epochs=30"], files)).toEqual([
      "configs/main.yaml",
      "configs/base.yaml",
      "configs/train/large.yaml",
      "configs/dataset/valid.yaml",
    ]);
  });

  it("takes the primary config a --config-name (or -cn) word names over the decorator's", () => {
    const text = '@hydra.main(config_path="configs", config_name="absent")\ndef main(cfg):\n    pass\n';
    expect(hydraConfigFiles(text, "train.py", ["--config-name", "base", "fold=1"], files)).toEqual([
      "configs/base.yaml",
    ]);
    expect(hydraConfigFiles(text, "train.py", ["-cn", "base"], files)).toEqual(["configs/base.yaml"]);
    expect(hydraConfigFiles(text, "train.py", ["fold=1"], files)).toBeNull();
    expect(hydraConfigFiles(text, "train.py", ["--config-name=base"], files)).toEqual(["configs/base.yaml"]);
  });

  it("is null for a program with no hydra main or a primary config the repo lacks", () => {
    expect(hydraConfigFiles("def main():\n    pass\n", "train.py", [], files)).toBeNull();
    expect(hydraConfigFiles('@hydra.main(config_path="conf", config_name="x")\n', "train.py", [], files)).toBeNull();
  });

  it("composes the files the compose API names, with the command line's picks when it hands compose sys.argv", () => {
    const text =
      "import sys\nfrom hydra import compose, initialize\n\nwith initialize(config_path='configs'):\n    cfg = compose(config_name='main', overrides=sys.argv[1:])\n";
    expect(hydraConfigFiles(text, "train.py", ["train=large"], files)).toEqual([
      "configs/main.yaml",
      "configs/base.yaml",
      "configs/train/large.yaml",
      "configs/dataset/valid.yaml",
    ]);
    const fixed = "from hydra import compose, initialize\ninitialize(config_path='configs')\ncfg = compose('main')\n";
    expect(hydraConfigFiles(fixed, "train.py", ["train=large"], files)).toEqual([
      "configs/main.yaml",
      "configs/base.yaml",
      "configs/train/default.yaml",
      "configs/dataset/valid.yaml",
    ]);
  });
});
