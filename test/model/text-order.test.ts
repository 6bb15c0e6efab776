// compareText sorts as English localeCompare does (checked against it on random text), without ICU for ASCII.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareText } from "../../src/model/text-order.js";

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
/** Text drawn mostly from the characters that decide orders in paths and ids, and some that fall back to ICU. */
const text = (extra: string[] = []) =>
  fc
    .array(fc.constantFrom(...PRINTABLE, "a", "A", "b", "B", "-", "_", ".", "/", "1", ...extra), { maxLength: 10 })
    .map((chars) => chars.join(""));

describe("compareText", () => {
  it("orders printable ASCII as localeCompare in English does", () => {
    fc.assert(
      fc.property(text(), text(), (a, b) => {
        expect(compareText(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          Math.sign(a.localeCompare(b, "en")),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it("falls back to localeCompare for other text (tabs, accents, other scripts)", () => {
    fc.assert(
      fc.property(text(["\t", "é", "É", "ß", "я"]), text(["\t", "é", "ß"]), (a, b) => {
        expect(compareText(a, b)).toBe(Math.sign(a.localeCompare(b, "en")));
      }),
      { numRuns: 5_000 },
    );
  });

  it("sorts paths and ids as a reader expects: case after letter, punctuation before digits before letters", () => {
    const sorted = [
      "src/b.py",
      "Src/a.py",
      "src/A.py",
      "src/a.py",
      "src/a-b.py",
      "src/a_b.py",
      "src/a1.py",
      "src/ab.py",
    ]
      .slice()
      .sort(compareText);
    expect(sorted).toEqual([
      "src/a_b.py",
      "src/a-b.py",
      "src/a.py",
      "src/A.py",
      "Src/a.py",
      "src/a1.py",
      "src/ab.py",
      "src/b.py",
    ]);
  });
});
