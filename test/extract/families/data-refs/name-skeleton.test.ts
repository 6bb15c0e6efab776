// A load matched to a write only through unknown parts, where the fixed text of the two names differs.
import { describe, expect, it } from "vitest";
import {
  otherName,
  patternsMeet,
  writtenElsewhere,
  writtenPrefixed,
} from "../../../../src/extract/families/data-refs/name-skeleton.js";
import type { Written } from "../../../../src/extract/families/data-refs/produced.js";

const write = (path: string, by = "train.py:6"): Written => ({ path, by, what: "file", fromFile: "train.py" });

describe("otherName", () => {
  it("names the write of another name in the same shape and folder", () => {
    expect(otherName([write("checkpoints/*_fold*_best.pth")], "train.py:6", "./checkpoints/*_fold*.pth")).toBe(
      "checkpoints/*_fold*_best.pth (train.py:6)",
    );
  });
  it("says nothing when some step writes the name read, the folders differ, or the name read is fully known", () => {
    expect(
      otherName(
        [write("checkpoints/*_fold*_best.pth"), write("checkpoints/*_fold*.pth", "swa.py:3")],
        "train.py:6",
        "checkpoints/*_fold*.pth",
      ),
    ).toBeNull();
    expect(otherName([write("other/*_fold*_best.pth")], "train.py:6", "checkpoints/*_fold*.pth")).toBeNull();
    expect(otherName([write("checkpoints/best.pth")], "train.py:6", "checkpoints/model.pth")).toBeNull();
  });
  it("says nothing when the write's pattern already fits the name read (its unknown part is the read's fixed text)", () => {
    expect(otherName([write("ira_*.pkl")], "train.py:6", "*ira_configurations.foo.pkl")).toBeNull();
    // An unknown root joined without a slash (`DIR + "out_x.pkl"`) may end in one (`DIR = "/x/pred/"`).
    expect(otherName([write("*/out_*.pkl")], "train.py:6", "*out_configs.foo.pkl")).toBeNull();
  });
  it("says nothing when a glob read lists the names written (its `*` takes the written name's fixed text too)", () => {
    const written = [write("images_train/image_*.jpg")];
    expect(otherName(written, "train.py:6", "images_train/*.jpg", true)).toBeNull();
    // Read as a format's field, the same pattern is another name; a glob of another extension lists none.
    expect(otherName(written, "train.py:6", "images_train/*.jpg")).toBe("images_train/image_*.jpg (train.py:6)");
    expect(otherName(written, "train.py:6", "images_train/*.png", true)).not.toBeNull();
  });
});

describe("patternsMeet", () => {
  it("finds a name both patterns fit, an unknown part standing for fixed text of the other", () => {
    expect(patternsMeet("ira_*.pkl", "*ira_configurations.foo.pkl")).toBe(true);
    expect(patternsMeet("checkpoints/fold*_best.pth", "checkpoints/fold3_best.pth")).toBe(true);
    expect(patternsMeet("*/*_fold*.pth", "*/*_fold*.pth")).toBe(true);
    expect(patternsMeet("*/out_*.pkl", "*out_a.pkl")).toBe(true);
  });
  it("keeps two names apart when an unknown part would have to swallow another unknown part and fixed text", () => {
    expect(patternsMeet("checkpoints/*_fold*_best.pth", "checkpoints/*_fold*.pth")).toBe(false);
    expect(patternsMeet("checkpoints/fold*_best.pth", "checkpoints/fold*_last.pth")).toBe(false);
    expect(patternsMeet("out/a_*.pkl", "out/b_*.pkl")).toBe(false);
  });
});

describe("writtenElsewhere", () => {
  it("names a suffixed write beside a read no step writes", () => {
    expect(writtenElsewhere([write("input/meta_v2.feather")], "input/meta.feather")).toBe(
      "input/meta_v2.feather (train.py:6)",
    );
  });
  it("leaves the competition's own table alone: a derived table beside it is another file, not its misnamed copy", () => {
    expect(writtenElsewhere([write("../data/train_pl_df.csv")], "../data/train.csv")).toBeNull();
    expect(writtenElsewhere([write("out/sample_submission.csv")], "data/sample_submission.csv")).toBeNull();
  });
});

describe("writtenPrefixed", () => {
  it("names a stage's output saved under a prefixed name in the folder the next stage reads", () => {
    expect(writtenPrefixed([write("*/stage_a_oof_df.csv")], "*/oof_df.csv")).toBe("*/stage_a_oof_df.csv (train.py:6)");
  });
  it("says nothing for another folder, another name, a bare competition table or a read of unknown name", () => {
    expect(writtenPrefixed([write("out/stage_a_oof_df.csv")], "*/oof_df.csv")).toBeNull();
    expect(writtenPrefixed([write("*/oof_df_v2.csv")], "*/oof_df.csv")).toBeNull();
    expect(writtenPrefixed([write("*/pl_train.csv")], "*/train.csv")).toBeNull();
    expect(writtenPrefixed([write("*/a_x.csv")], "*/*.csv")).toBeNull();
  });
});
