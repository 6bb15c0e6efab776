// Copy steps whose sources are folders of the repo that hold nothing and that no step writes into.
import { describe, expect, it } from "vitest";
import { emptyCopies } from "../../../../src/extract/families/data-refs/empty-copies.js";
import type { Written } from "../../../../src/extract/families/data-refs/produced.js";

const copy = (from: string, by = "README.md:4"): Written => ({
  path: "ensemble/output/bob",
  by,
  what: "filled",
  fromFile: "README.md",
  from: [from],
});

describe("emptyCopies", () => {
  it("names a copy out of a folder that holds no matching file", () => {
    expect(emptyCopies([copy("ensemble/../bob/output/*")], ["bob/.gitkeep"])).toEqual([
      {
        write: copy("ensemble/../bob/output/*"),
        why: "README.md:4 copies it from bob/output/*, which holds no such file and no step writes",
      },
    ]);
  });
  it("keeps a copy whose source the repo holds, a step fills, or that lies outside the repo", () => {
    const fills: Written = {
      path: "output/pred.parquet",
      by: "bob/train.py:2",
      what: "file",
      fromFile: "bob/train.py",
    };
    expect(emptyCopies([copy("bob/output/*.parquet")], ["bob/output/a.parquet"])).toEqual([]);
    expect(emptyCopies([copy("bob/output/*"), fills], [])).toEqual([]);
    expect(emptyCopies([copy("../elsewhere/*"), copy("/data/x")], [])).toEqual([]);
  });
  it("keeps a copy of the file a save names by a format filled at run time, where it runs", () => {
    const source = "feats/train_features_vit_large_patch16_224.pt";
    const save = (path: string): Written => ({
      path,
      by: "feats/extract.py:9",
      what: "file",
      fromFile: "feats/extract.py",
    });
    const cp: Written = { path: "train_features.pt", by: "run.sh:4", what: "file", fromFile: "run.sh", from: [source] };
    expect(emptyCopies([cp, save("train_features_*.pt")], ["feats/extract.py"])).toEqual([]);
    // Another name, or a name of unknown parts alone, makes some other file.
    expect(emptyCopies([cp, save("test_features_*.pt")], ["feats/extract.py"])).toHaveLength(1);
    expect(emptyCopies([cp, save("*_*.pt")], ["feats/extract.py"])).toHaveLength(1);
  });
});
