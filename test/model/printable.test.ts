// printable(): the one escaper for text from the repo or a leaderboard, shown to people or written into files.
import { describe, expect, it } from "vitest";
import { hasUnsafeCharacters, printable } from "../../src/model/printable.js";

describe("printable", () => {
  it("escapes controls, line separators and bidi characters, and leaves other text alone", () => {
    expect(printable("a\nb\r\u001b[31m\u0007\u007f\u0085")).toBe("a\\x0ab\\x0d\\x1b[31m\\x07\\x7f\\x85");
    expect(printable("\u202egnp.exe\u202c \u2066x\u2069 \u200e\u200f \u2028\u2029")).toBe("\\u202egnp.exe\\u202c \\u2066x\\u2069 \\u200e\\u200f \\u2028\\u2029");
    expect(printable("données/модель ✓ \t")).toBe("données/модель ✓ \\x09");
  });

  it("keeps tabs and newlines when asked, for renderers that lay out lines", () => {
    expect(printable("a\tb\nc\u001b\u202e", { keepLines: true })).toBe("a\tb\nc\\x1b\\u202e");
  });

  it("says whether anything would be escaped", () => {
    expect(hasUnsafeCharacters("requirements.txt")).toBe(false);
    expect(hasUnsafeCharacters("a\nb")).toBe(true);
    expect(hasUnsafeCharacters("x\u2067")).toBe(true);
  });
});
