// .gitmodules read as git writes it.
import { describe, expect, it } from "vitest";
import { submodulesOf } from "../../../src/extract/parse/gitmodules.js";

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
