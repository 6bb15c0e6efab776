import { describe, expect, it } from "vitest";
import { grepFile, grepped, quotedMachinePaths, uncoveredHits } from "../../../bench/real/grep-floor.js";
import type { BenchFinding } from "../../../bench/real/match.js";

const finding = (over: Partial<BenchFinding>): BenchFinding => ({
  rule: "paths-portable",
  severity: "error",
  file: "a.py",
  line: 2,
  message: "m",
  ...over,
});

describe("quotedMachinePaths", () => {
  it("finds home, cluster and drive roots inside quotes, at a string's start or after a space", () => {
    expect(quotedMachinePaths(`X = '/raid/x/' + name`)).toEqual(["/raid/x/"]);
    expect(quotedMachinePaths(`cmd = f"srun /home/u/env/bin/python {script}"`)).toEqual(["/home/u/env/bin/python"]);
    expect(quotedMachinePaths(`p = r'D:\\a\\b.csv'; q = "/content/drive/MyDrive/x"`)).toEqual([
      "D:\\a\\b.csv",
      "/content/drive/MyDrive/x",
    ]);
    expect(quotedMachinePaths(`ROOT="/gpfs/proj/u" OUT='/Volumes/ssd/out'`)).toEqual([
      "/gpfs/proj/u",
      "/Volumes/ssd/out",
    ]);
  });

  it("leaves unquoted words, URLs, system folders and look-alike roots alone", () => {
    expect(quotedMachinePaths(`python train.py --data /home/u/data`)).toEqual([]);
    expect(quotedMachinePaths(`u = "https://x.org/home/alice/a"`)).toEqual([]);
    expect(quotedMachinePaths(`n = open("/dev/null"); m = "/mntx/y"; h = "/home"`)).toEqual([]);
  });
});

describe("grepFile", () => {
  it("skips comment lines and counts lines from 1", () => {
    const text = ["# DATA = '/home/u/old'", "DATA = '/home/u/data'", "  // x = '/mnt/a'"].join("\n");
    expect(grepFile("a.py", text)).toEqual([{ file: "a.py", line: 2, value: "/home/u/data" }]);
  });

  it("reads a notebook's code cells by cell and line, not its markdown", () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: "markdown", source: ["see '/home/u/x'"] },
        { cell_type: "code", source: ["import os\n", "p = '/mnt/disk/x'\n"] },
      ],
    });
    expect(grepFile("nb.ipynb", nb)).toEqual([{ file: "nb.ipynb", cell: 1, cellLine: 2, value: "/mnt/disk/x" }]);
    expect(grepFile("broken.ipynb", "{not json")).toEqual([]);
  });

  it("greps code, scripts and configs, not prose", () => {
    expect(["a.py", "run.sh", "job.slurm", "c.yaml", "Makefile", "x/Dockerfile"].every(grepped)).toBe(true);
    expect(["README.md", "notes.txt", "a.png"].some(grepped)).toBe(false);
  });
});

describe("uncoveredHits", () => {
  it("keeps the hits no machine-path finding covers, by file and line or any grouped location", () => {
    const hits = [
      { file: "a.py", line: 2, value: "/home/u/a" },
      { file: "a.py", line: 5, value: "/home/u/b" },
      { file: "b.py", line: 1, value: "/raid/c" },
      { file: "nb.ipynb", cell: 1, cellLine: 2, value: "/mnt/d" },
      { file: "c.py", line: 9, value: "/mnt/e" },
    ];
    const findings = [
      finding({}),
      finding({
        file: "b.py",
        line: 7,
        locations: [
          { file: "b.py", line: 7 },
          { file: "b.py", line: 1 },
        ],
      }),
      finding({ file: "nb.ipynb", line: 12, cell: 1, cellLine: 2 }),
      finding({ rule: "data-sources-reachable", file: "c.py", line: 9 }),
    ];
    expect(uncoveredHits(hits, findings)).toEqual([
      { file: "a.py", line: 5, value: "/home/u/b" },
      { file: "c.py", line: 9, value: "/mnt/e" },
    ]);
  });
});
