// Script words: the one-pass reading agrees with the pattern it replaces, and stays linear on long lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isScriptWord } from "../../../src/extract/shell/script-word.js";

describe("isScriptWord", () => {
  // The pattern it replaces, kept here as the oracle of what a script word is.
  const ORACLE = /(^|\/)[\w.\-/]*\.(py|sh|ipynb)$/;
  it("agrees with the script-word pattern on words made of the characters that matter", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("a", "/", ".", "-", "=", " ", ":", "py", "sh", "ipynb", ".py", "_"), { maxLength: 12 })
          .map((p) => p.join("")),
        (word) => {
          expect(isScriptWord(word), JSON.stringify(word)).toBe(ORACLE.test(word));
        },
      ),
      { numRuns: 2000 },
    );
    for (const word of ["train.py", "./run.sh", "x=a/b.py", "x=b.py", "src/nb.ipynb", "train.pyc", "a b.py"])
      expect(isScriptWord(word), word).toBe(ORACLE.test(word));
  });
  it("reads one long line of slashes in one pass", () => {
    expect(isScriptWord("/".repeat(200_000) + ".txt")).toBe(false);
    expect(isScriptWord("/".repeat(200_000) + "x.py")).toBe(true);
  });
});
