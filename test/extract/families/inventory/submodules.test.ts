// The words that fetch submodules.
import { describe, expect, it } from "vitest";
import { FETCHES_SUBMODULES } from "../../../../src/extract/families/inventory/submodules.js";

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
