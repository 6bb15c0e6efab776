// What a tree listing lets through to disk: caps, duplicates, names, decided before anything is written.
import { describe, expect, it } from "vitest";
import { planTree } from "../../src/clone/tree-plan.js";
import { DEFAULT_WALK_CAPS } from "../../src/model/walk-caps.js";
import type { TreeEntry } from "../../src/clone/tree-reader.js";

const file = (path: string, size = 10, extra: Partial<TreeEntry> = {}): TreeEntry => ({
  path,
  nameIsUtf8: true,
  mode: "100644",
  sha: "a".repeat(40),
  size,
  ...extra,
});
const caps = { ...DEFAULT_WALK_CAPS, maxFiles: 3, maxDepth: 2 };

describe("planTree", () => {
  it("cuts the tree at the file cap and says where", () => {
    const plan = planTree(
      ["a", "b", "c", "d", "e"].map((p) => file(p)),
      caps,
    );
    expect(plan.blobs.map((e) => e.path)).toEqual(["a", "b", "c"]);
    expect(plan.skipped).toEqual([
      {
        kind: "skipped",
        file: "d",
        reason: "more than 3 files: this one and the rest of the tree were not walked",
        size: null,
      },
    ]);
  });

  it("writes blobs over the size cap as sparse files, notebooks by their own cap", () => {
    const plan = planTree([file("big.py", 3 * 1024 * 1024), file("nb.ipynb", 3 * 1024 * 1024), file("small.py")]);
    expect(plan.sparse.map((e) => e.path)).toEqual(["big.py"]);
    expect(plan.blobs.map((e) => e.path)).toEqual(["nb.ipynb", "small.py"]);
  });

  it("names a folder too deep once, and keeps the first of duplicate names", () => {
    const plan = planTree(
      [
        file("x/y/z/1.py"),
        file("x/y/z/2.py"),
        file("dup.py"),
        file("dup.py"),
        file("dup.py/inner.py"),
        file("ok/in.py"),
      ],
      caps,
    );
    expect(plan.blobs.map((e) => e.path)).toEqual(["dup.py", "ok/in.py"]);
    expect(plan.skipped.map((s) => [s.file, s.reason])).toEqual([
      ["x/y/z", "folder nested deeper than 2 levels: not walked"],
      ["dup.py", "listed more than once in the tree: the first one kept"],
      ["dup.py/inner.py", "listed more than once in the tree: the first one kept"],
    ]);
  });

  it("reports names that are not UTF-8 or could leave the folder, and drops .git quietly", () => {
    const plan = planTree([
      file("bad-\\xff.py", 10, { nameIsUtf8: false }),
      file("../up.py"),
      file(".git/config"),
      file("fine.py"),
    ]);
    expect(plan.blobs.map((e) => e.path)).toEqual(["fine.py"]);
    expect(plan.skipped.map((s) => s.file)).toEqual(["bad-\\xff.py", "../up.py"]);
  });
});
