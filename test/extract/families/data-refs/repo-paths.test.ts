import { describe, expect, it } from "vitest";
import { RepoPaths } from "../../../../src/extract/families/data-refs/repo-paths.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";

describe("repo paths", () => {
  it("finds a committed folder under an unknown root, and no folder the repo lacks", () => {
    const paths = new RepoPaths(memoryView({ "data/splits/a.csv": "id\n", "src/run.py": "x = 1\n" }));
    expect(paths.exists("*/splits", "seq.py")).toBe(true);
    expect(paths.exists("*/splits/*.csv", "seq.py")).toBe(true);
    expect(paths.exists("../data/splits/", "src/run.py")).toBe(true);
    expect(paths.exists("*/folds", "seq.py")).toBe(false);
    expect(paths.exists("*/splits/b.csv", "seq.py")).toBe(false);
  });

  it("finds a machine path's file, or a tail of it, committed beside the reading script", () => {
    const paths = new RepoPaths(
      memoryView({ "a/run.py": "", "a/stat1.csv": "x\n", "b/wx.py": "", "b/extra/wx.txt": "x\n", "c/z.py": "" }),
    );
    expect(paths.exists("F:\\stat1.csv", "a/run.py")).toBe(true);
    expect(paths.exists("/home/u/proj/extra/wx.txt", "b/wx.py")).toBe(true);
    expect(paths.exists("F:\\stat1.csv", "c/z.py")).toBe(false);
    expect(paths.exists("/home/u/other.txt", "b/wx.py")).toBe(false);
    expect(paths.exists("/data/input/test/*", "b/wx.py")).toBe(false);
  });
});
