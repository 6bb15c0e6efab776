// data-refs: a weight file an earlier training stage saves under its config's name is produced by that training.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { configStems, namesConfigStem } from "../../../../src/extract/families/data-refs/stage-weights.js";
import { run } from "../helpers.js";

const PATHS =
  "from pathlib import Path\n\nMODELS = Path('data/working/models')\n\n" +
  "def last_model_path(conf):\n    return MODELS / conf.name / f'{conf.name}_epoch{conf.total_epochs}.pth'\n";
const TRAIN =
  "import torch\nfrom paths import last_model_path\n\n" +
  "def main(conf):\n    if conf['pretrained_model']:\n        model.load_state_dict(torch.load(conf['pretrained_model']))\n" +
  "    model_path = last_model_path(conf)\n    torch.save(model.state_dict(), model_path)\n";

describe("data-refs: weights of an earlier stage", () => {
  it("takes a weight path built from another config's file name as the training's own checkpoint", async () => {
    const records = await run(dataRefs, {
      "configs/stage_one.yml": "total_epochs: 10\npretrained_model: null\n",
      "configs/stage_two.yml":
        "total_epochs: 5\npretrained_model: data/working/models/stage_one/stage_one_epoch10.pth\n",
      "paths.py": PATHS,
      "train.py": TRAIN,
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["data/working/models/stage_one/stage_one_epoch10.pth", "train.py:8"],
    ]);
  });

  it("keeps a weight path that names no config of the repo unproduced", async () => {
    const records = await run(dataRefs, {
      "configs/stage_two.yml": "total_epochs: 5\npretrained_model: data/working/models/imagenet/resnet_best.pth\n",
      "paths.py": PATHS,
      "train.py": TRAIN,
    });
    expect(records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy])).toEqual([
      ["data/working/models/imagenet/resnet_best.pth", null],
    ]);
  });
});

describe("namesConfigStem", () => {
  it("knows a folder or a file named after a config, not a generic or absent name", () => {
    const stems = configStems(["configs/v43_rs101.yml", "configs/base.yaml", "configs/ab.yml", "src/train.py"]);
    expect([...stems]).toEqual(["v43_rs101"]);
    expect(namesConfigStem("models/v43_rs101/v43_rs101_epoch10.pth", stems)).toBe(true);
    expect(namesConfigStem("models/x/v43_rs101.pth", stems)).toBe(true);
    expect(namesConfigStem("models/base/base_epoch10.pth", stems)).toBe(false);
    expect(namesConfigStem("models/other/other_epoch10.pth", stems)).toBe(false);
  });
});
