// printable(): the one escaper for text from the repo or a leaderboard, shown to people or written into files.
import { describe, expect, it } from "vitest";
import { badInput } from "../../src/model/errors.js";
import { hasUnsafeCharacters, jsonVisible, printable, printableDeep } from "../../src/model/printable.js";

describe("printable", () => {
  it("escapes controls, line separators and bidi characters, and leaves other text alone", () => {
    expect(printable("a\nb\r\u001b[31m\u0007\u007f\u0085")).toBe("a\\x0ab\\x0d\\x1b[31m\\x07\\x7f\\x85");
    expect(printable("\u202egnp.exe\u202c \u2066x\u2069 \u200e\u200f \u2028\u2029")).toBe(
      "\\u202egnp.exe\\u202c \\u2066x\\u2069 \\u200e\\u200f \\u2028\\u2029",
    );
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

  it("escapes the strings of plain data, and keeps its shape", () => {
    expect(printableDeep({ a: ["x\u001b", 1, null, { b: "\u202e" }], c: true })).toEqual({
      a: ["x\\x1b", 1, null, { b: "\\u202e" }],
      c: true,
    });
  });

  it("writes what JSON leaves raw as \\u escapes, keeping the values", () => {
    const text = jsonVisible(JSON.stringify({ name: "\u202eevil\u007f\u2028" }));
    expect(text).toBe('{"name":"\\u202eevil\\u007f\\u2028"}');
    expect(JSON.parse(text)).toEqual({ name: "\u202eevil\u007f\u2028" });
  });

  it("is what an error uses to name the user's input on one line", () => {
    expect(badInput("no such file: a\nb\u202e", "Check it").message).toBe("no such file: a\\x0ab\\u202e");
  });
});
