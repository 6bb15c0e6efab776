// The one reader of what a shell command writes, shared by the produced-files graph and the plan's io.
import { describe, expect, it } from "vitest";
import { commandWrites, shellSegments } from "../../../src/extract/shell/shell-writes.js";

describe("shell writes", () => {
  it("splits a line into commands and takes their redirections out, never `2>&1`", () => {
    expect(shellSegments("python a.py > logs/a.txt 2>&1 && cat x | tee y; echo hi >>out.log 2>err.txt")).toEqual([
      { words: ["python", "a.py"], redirects: ["logs/a.txt"] },
      { words: ["cat", "x"], redirects: [] },
      { words: ["tee", "y"], redirects: [] },
      { words: ["echo", "hi"], redirects: ["out.log", "err.txt"] },
    ]);
  });

  it("reads each program's target: copies with their sources, archives extracted where they stand, output options", () => {
    const writes = (line: string) => commandWrites(shellSegments(line)[0]!.words);
    expect(writes("cp -r a/*.csv b.csv data/")).toEqual([
      { path: "data/", what: "filled", from: ["a/*.csv", "b.csv"] },
    ]);
    expect(writes("mv w.pth weights/best.pth")).toEqual([{ path: "weights/best.pth", what: "file", from: ["w.pth"] }]);
    expect(writes("unzip -q comp.zip")).toEqual([{ path: "", what: "filled" }]);
    expect(writes("tar xzf d.tgz -C input")).toEqual([{ path: "input", what: "filled" }]);
    expect(writes("wget https://x.org/w.pth -O ckpt/w.pth")).toEqual([{ path: "ckpt/w.pth", what: "file" }]);
    expect(writes("mkdir -p a b")).toEqual([
      { path: "a", what: "made" },
      { path: "b", what: "made" },
    ]);
    expect(writes("python predict.py --submission sub.csv --epochs 3")).toEqual([{ path: "sub.csv", what: "file" }]);
    expect(writes("python train.py --data input/ --fold 0")).toEqual([]);
  });
});
