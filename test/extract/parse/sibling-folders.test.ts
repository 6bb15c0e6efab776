// Data folders a README places beside the repo, and the sibling folder a relative path reaches.
import { describe, expect, it } from "vitest";
import { siblingFolders, siblingOf } from "../../../src/extract/parse/sibling-folders.js";

const ROOT = ["train.py", "src", "README.md"];

describe("siblingFolders", () => {
  it("reads a layout tree with the repo and the data folder under one parent", () => {
    const text =
      "```\nwork/\n├── solution/\n│   ├── train.py\n│   └── src/\n├── data/\n│   └── train.csv\n└── weights/\n```\n";
    const got = siblingFolders([{ file: "README.md", text }], ROOT);
    expect([...got]).toEqual([
      ["data", "README.md:6"],
      ["weights", "README.md:8"],
    ]);
  });

  it("does not take a folder inside the repo's own tree for a sibling", () => {
    const text = "```\n.\n├── train.py\n├── src/\n└── data/\n    └── train.csv\n```\n";
    expect([...siblingFolders([{ file: "README.md", text }], ROOT)]).toEqual([]);
  });

  it("reads a sentence that puts a named folder, or the data unnamed, next to the repo", () => {
    const named = "Download the files into `input/` next to this repository.";
    const unnamed = "Keep the dataset beside the repo.";
    expect([...siblingFolders([{ file: "README.md", text: named }], ROOT)]).toEqual([["input", "README.md:1"]]);
    expect([...siblingFolders([{ file: "docs/data.md", text: unnamed }], ROOT)]).toEqual([["*", "docs/data.md:1"]]);
    expect([...siblingFolders([{ file: "README.md", text: "Put the data in `data/`." }], ROOT)]).toEqual([]);
  });
});

describe("siblingOf", () => {
  it("names the folder one level above the root, from any depth", () => {
    expect(siblingOf("../data/train.csv", "train.py")).toBe("data");
    expect(siblingOf("../../Data/x", "src/a.py")).toBe("data");
    expect(siblingOf("../data/x", "src/a.py")).toBeNull();
    expect(siblingOf("../../data/x", "train.py")).toBeNull();
    expect(siblingOf("data/x", "train.py")).toBeNull();
  });
});

describe("siblingFolders on hostile text", () => {
  it("reads a README line of 200,000 characters in linear time", () => {
    const t0 = Date.now();
    siblingFolders([{ file: "README.md", text: `Keep it next to the repo ${"a.".repeat(100_000)}` }], ROOT);
    expect(Date.now() - t0, "a hang guard, not a speed target: quadratic took minutes").toBeLessThan(20_000);
  });
});
