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
});
