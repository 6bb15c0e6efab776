import { describe, expect, it } from "vitest";
import { inside, locate, sameFile, segmentsMatch } from "../../../../src/extract/families/data-refs/located.js";

describe("located paths", () => {
  it("resolves a relative path from the file's folder and from the root; keeps only the tail of the rest", () => {
    expect(locate("../input/train.csv", "working/train.py")).toEqual([
      { segs: ["input", "train.csv"], anchored: true },
    ]);
    expect(locate("data/x.csv", "src/a.py")).toEqual([
      { segs: ["src", "data", "x.csv"], anchored: true },
      { segs: ["data", "x.csv"], anchored: true },
    ]);
    expect(locate("/mnt/ssd/data/x.csv", "a.py")).toEqual([{ segs: ["mnt", "ssd", "data", "x.csv"], anchored: false }]);
    expect(locate("*/fold*/*.pth", "a.py")).toEqual([{ segs: ["fold*", "*.pth"], anchored: false }]);
    expect(locate("$ROOT/data/raw", "bin/run.sh")).toEqual([{ segs: ["data", "raw"], anchored: false }]);
    expect(locate("../../../x/y.csv", "a/b.py")).toEqual([{ segs: ["x", "y.csv"], anchored: false }]);
    // A glob's last `*` is the name under a known folder; an unknown part alone is no name.
    expect(locate("/abs/root/ROI_images/*", "a.py")).toEqual([
      { segs: ["abs", "root", "ROI_images", "*"], anchored: false },
    ]);
    expect(locate("*/*", "a.py")).toEqual([{ segs: [], anchored: false }]);
  });

  it("matches wildcards on either side, whole paths when anchored and tails otherwise", () => {
    expect(segmentsMatch("fold*", "fold3")).toBe(true);
    expect(segmentsMatch("*.pth", "best.pth")).toBe(true);
    expect(segmentsMatch("lstm*sub*", "lstm_sub_1")).toBe(true);
    expect(segmentsMatch("train.csv", "test.csv")).toBe(false);
    const at = (p: string, f = "a.py") => locate(p, f)[0]!;
    expect(sameFile(at("input/train.csv"), at("../input/train.csv", "working/x.py"))).toBe(true);
    expect(sameFile(at("data/train.csv"), at("output/train.csv"))).toBe(false);
    expect(sameFile(at("*/fold*/*.pth"), at("*/fold{}/best.pth".replace("{}", "*")))).toBe(true);
  });

  it("says when a path lies in a folder, however much of either is known", () => {
    const at = (p: string, f = "a.py") => locate(p, f)[0]!;
    expect(inside(at("data/raw/stage_2_train.csv"), at("$ROOT/data/raw"))).toBe(true);
    expect(inside(at("raw/x.csv"), at("$ROOT/data/raw"))).toBe(false);
    expect(inside(at("input/x/y.csv"), at("input"))).toBe(true);
    expect(inside(at("inputs/y.csv"), at("input"))).toBe(false);
    expect(inside(at("input"), at("input"))).toBe(false);
  });
});
