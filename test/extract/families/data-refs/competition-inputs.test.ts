import { describe, expect, it } from "vitest";
import { competitionInput, downloadName } from "../../../../src/extract/families/data-refs/competition-inputs.js";

const write = (path: string, by: string) => ({ path, by, what: "file" as const, fromFile: "split.py" });

describe("competition inputs", () => {
  it("knows a competition download's names from a pipeline's", () => {
    for (const name of [
      "input/train.csv",
      "stage_1_train.csv",
      "data/stage_2_sample_submission.csv",
      "train_labels.csv",
      "labels.csv",
    ])
      expect(downloadName(name), name).toBe(true);
    for (const name of ["train_folds.csv", "oof_lgbm.csv", "features/train_fold0.npy"])
      expect(downloadName(name), name).toBe(false);
  });

  it("takes a download's name or a documented read as input when its producer only fits it through a pattern", () => {
    const writes = [write("input/stage_1_*.csv", "split.py:3"), write("input/train.csv", "convert.py:9")];
    expect(competitionInput("input/stage_1_train.csv", false, "split.py:3", writes)).toBe(true);
    expect(competitionInput("input/stage_1_extra.csv", true, "split.py:3", writes)).toBe(true);
    expect(competitionInput("input/stage_1_extra.csv", false, "split.py:3", writes)).toBe(false);
    // A write of the very name: an output, unless the README documents the file as the competition's.
    expect(competitionInput("input/train.csv", false, "convert.py:9", writes)).toBe(false);
    expect(competitionInput("input/train.csv", true, "convert.py:9", writes)).toBe(true);
  });
});
