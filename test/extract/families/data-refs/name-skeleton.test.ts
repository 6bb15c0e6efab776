// A load matched to a write only through unknown parts, where the fixed text of the two names differs.
import { describe, expect, it } from "vitest";
import { otherName } from "../../../../src/extract/families/data-refs/name-skeleton.js";
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
});
