// configsToEdit: which repo files a README line tells the reader to edit.
import { describe, expect, it } from "vitest";
import { configsToEdit } from "../../../../src/extract/families/path-literals/settable.js";

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
});
