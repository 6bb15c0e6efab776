// Submodules read from .gitmodules, and the words that fetch them.
import { describe, expect, it } from "vitest";
import { FETCHES_SUBMODULES, submodulesOf } from "../../../../src/extract/families/inventory/submodules.js";

describe("submodulesOf", () => {
  it("reads each section's path and url, with the section's line", () => {
    const text = [
      '[submodule "a"]',
      "\tpath = third_party/a",
      "\turl = https://github.com/x/a.git",
      '[submodule "b"]',
      "\turl = git@github.com:x/b.git",
      "\tpath = b",
      '[submodule "broken"]',
      "\tpath = c",
    ].join("\n");
    expect(submodulesOf(text)).toEqual([
      { line: 1, folder: "third_party/a", url: "https://github.com/x/a.git" },
      { line: 4, folder: "b", url: "git@github.com:x/b.git" },
    ]);
  });
});

describe("FETCHES_SUBMODULES", () => {
  it("knows the commands that fetch submodules, and not a plain clone or a word in prose", () => {
    for (const yes of [
      "git clone --recursive https://x/y.git",
      "git clone --recurse-submodules https://x/y.git",
      "git submodule update --init --recursive",
      "git submodule init",
    ])
      expect(FETCHES_SUBMODULES.test(yes)).toBe(true);
    for (const no of ["git clone https://x/y.git", "the toolkit is a submodule of this repo", "cp --recursive a b"])
      expect(FETCHES_SUBMODULES.test(no)).toBe(false);
  });
});
