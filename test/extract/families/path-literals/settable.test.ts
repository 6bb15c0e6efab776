// configsToEdit: which repo files a README line tells the reader to edit.
import { describe, expect, it } from "vitest";
import { configsQuoted, configsToEdit } from "../../../../src/extract/families/path-literals/settable.js";

describe("configs the README tells a reader to edit", () => {
  const files = ["paths.py", "configs/base.yaml", "train.py", "src/settings.json"];

  it("takes the file an edit verb governs, by path or by bare name", () => {
    const readmes = [{ text: "1. Edit `paths.py` to point at your data.\nChange the data root in settings.json.\n" }];
    expect([...configsToEdit(readmes, files)].sort()).toEqual(["paths.py", "src/settings.json"]);
  });

  it("leaves files a command runs and files named before the verb", () => {
    const readmes = [
      {
        text: "Set up the environment, then run python train.py --config configs/base.yaml\ntrain.py: you may change the learning rate.\n",
      },
    ];
    expect([...configsToEdit(readmes, files)]).toEqual([]);
  });

  it("leaves a file the README names only for one setting that holds no path, and takes one named for a path", () => {
    const other = [{ text: "To log to your own project set `cfg.tracker_project` in `paths.py`.\n" }];
    expect([...configsToEdit(other, files)]).toEqual([]);
    const path = [{ text: "Set `cfg.data_folder` in `paths.py` to your download.\n" }];
    expect([...configsToEdit(path, files)]).toEqual(["paths.py"]);
  });
});

describe("configs the README quotes after an edit sentence", () => {
  const texts: Record<string, string> = {
    "inference/config.py": "class CFG:\n    models_dir = '../../models'\n    data = '../../data/train.csv'\n",
    "train.py": "import os\nout = '../../out'\n",
  };
  const read = (p: string) => texts[p] ?? null;

  it("takes the file whose settings the block quotes, without its name", () => {
    const readmes = [
      {
        text: "## Inference\nChange these variables to your folders:\n```python\nclass CFG:\n    models_dir = '../../models'\n```\n",
      },
    ];
    expect([...configsQuoted(readmes, Object.keys(texts), read)]).toEqual(["inference/config.py"]);
  });

  it("leaves a quoted block no edit sentence introduces", () => {
    const readmes = [{ text: "## Inference\nThe models live here:\n```python\nmodels_dir = '../../models'\n```\n" }];
    expect([...configsQuoted(readmes, Object.keys(texts), read)]).toEqual([]);
  });
});
