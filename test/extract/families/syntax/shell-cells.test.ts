// A notebook cell that lists shell steps without `!`, told from Python that fails to parse.
import { describe, expect, it } from "vitest";
import { readmeSaysRuns, shellListing } from "../../../../src/extract/families/syntax/shell-cells.js";

describe("shellListing", () => {
  it("reads a cell of shell commands, comments and continuations aside", () => {
    expect(
      shellListing([
        "# sh train.sh",
        "cd yolov5",
        "python train.py --img 384 \\",
        "  --weights w.pt",
        "",
        "pip install x==1.0",
      ]),
    ).toEqual({ first: "cd yolov5", runs: ["python train.py --img 384 --weights w.pt"] });
    expect(shellListing(["CUDA_VISIBLE_DEVICES=0 python -m src.train", "wget https://example.org/w.pt"])?.runs).toEqual(
      ["CUDA_VISIBLE_DEVICES=0 python -m src.train"],
    );
  });

  it("reads the file-looking commands of a data step (`head -n 100 train.csv`) as shell", () => {
    expect(shellListing(["head -n 100 train.csv", "wc -l train.csv"])).toEqual({
      first: "head -n 100 train.csv",
      runs: [],
    });
    expect(shellListing(["head = df.head()"])).toBeNull();
  });

  it("is null for a cell with any Python line, or none at all", () => {
    expect(shellListing(["import os", "cd yolov5"])).toBeNull();
    expect(shellListing(["cd = 3"])).toBeNull();
    expect(shellListing(["ls += 1"])).toBeNull();
    expect(shellListing(["# only a comment", ""])).toBeNull();
  });
});

describe("readmeSaysRuns", () => {
  it("needs each run of the cell among the README's commands, whitespace aside", () => {
    const cell = shellListing(["cd yolov5", "python3 train.py  --img 384"])!;
    expect(readmeSaysRuns(cell, ["python train.py --img 384"])).toBe(true);
    expect(readmeSaysRuns(cell, ["python train.py --img 640"])).toBe(false);
  });
});
