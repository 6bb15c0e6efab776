// Folders above the repo root that the code writes into, named from the root whatever file names them.
import { describe, expect, it } from "vitest";
import { climbsOutOfRepo } from "../../../../src/extract/families/path-literals/classify.js";
import { outsideFolder, writtenOutside } from "../../../../src/extract/families/path-literals/outside-outputs.js";

describe("climbsOutOfRepo", () => {
  it("keeps Kaggle's folders one level above the root, and no further", () => {
    expect(climbsOutOfRepo("../input/comp/train.csv", "train.py")).toBe(false);
    expect(climbsOutOfRepo("../output/exp1", "train.py")).toBe(false);
    expect(climbsOutOfRepo("../../output/exp1", "train.py")).toBe(true);
    expect(climbsOutOfRepo("../../input/train.csv", "train.py")).toBe(true);
    expect(climbsOutOfRepo("../../output/exp1", "src/train.py")).toBe(false);
    expect(climbsOutOfRepo("../../input/x.csv", "exp/exp001/train.py")).toBe(false);
  });
});

describe("outsideFolder", () => {
  it("names the folder from the repo root, so one folder reads alike from any file", () => {
    expect(outsideFolder("../../output/{}/checkpoints/last.ckpt", "test.py")).toBe("../../output");
    expect(outsideFolder("../../../output/exp1", "src/infer.py")).toBe("../../output");
    expect(outsideFolder("../../{}/x", "train.py")).toBeNull();
    expect(outsideFolder("output/exp1", "train.py")).toBeNull();
  });
});

describe("writtenOutside", () => {
  it("maps each folder above the repo the code writes into to its first write", () => {
    const written = writtenOutside([
      { file: "train.py", line: 9, path: "*" },
      { file: "train.py", line: 12, path: "../../output/*/checkpoints" },
      { file: "src/dump.py", line: 3, path: "../../../output/oof.npy" },
      { file: "train.py", line: 20, path: "output/local.csv" },
    ]);
    expect([...written]).toEqual([["../../output", "train.py:12"]]);
  });
});
