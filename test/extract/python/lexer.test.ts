import { describe, expect, it } from "vitest";
import { indexPythonFile } from "../../../src/extract/python/file-index.js";
import { T, tokenize } from "../../../src/extract/python/lexer.js";

const err = (text: string) => indexPythonFile({ path: "x.py", text }).syntaxError;

describe("lexer and statement checks", () => {
  it("accepts valid code with f-strings, triple quotes, continuations and nested brackets", () => {
    const text = [
      "x = f\"{a['k']:>{w}} {{lit}}\"",
      "s = '''multi",
      "line ' \" '''",
      "y = (1 +",
      "     2)",
      "z = 1 + \\",
      "    2",
      "def f(a, *, b=1) -> int:",
      "    if a:",
      "        return b",
      "    else:",
      "        return 0",
      "match y:",
      "    case [a, *rest]:",
      "        pass",
    ].join("\n");
    expect(err(text)).toBeNull();
  });

  it.each([
    ["s = 'abc\n", 1, "unterminated string literal"],
    ["s = '''abc\n\nx = 1\n", 1, "unterminated triple-quoted string literal"],
    ["x = (1,\n 2\ny = 3\n", 1, "'(' was never closed"],
    ["x = [1)\n", 1, "closing parenthesis ')' does not match opening parenthesis '[' on line 1"],
    ["if x:\n    a = 1\n  b = 2\n", 3, "unindent does not match any outer indentation level"],
    ["a = 1\n    b = 2\n", 2, "unexpected indent"],
    ["def f()\n    return 1\n", 1, "expected ':'"],
    ["for x in y:\nz = 1\n", 2, "expected an indented block after 'for' statement on line 1"],
    ["print 'hello'\n", 1, "Missing parentheses in call to 'print'"],
    ["try:\n    pass\nexcept ValueError, e:\n    pass\n", 3, "multiple exception types must be parenthesized"],
    ["x = 0777\n", 1, "leading zeros in decimal integer literals are not permitted (a Python 2 octal)"],
    ["x = $y\n", 1, "invalid character '$'"],
  ])("flags %j at line %i", (text, line, message) => {
    expect(err(text)).toMatchObject({ line, message });
  });

  it("reads a backslash before CRLF inside a string as a continuation, as Python does", () => {
    expect(err("s = 'a \\\r\nb'\r\nt = f'{s} \\\r\nc'\r\nu = 1 + \\\r\n    2\r\n")).toBeNull();
    const tokens = tokenize("s = 'a \\\r\nb'\r\nt = 2\r\n");
    const names = [...Array(tokens.count).keys()].filter((k) => tokens.kind[k] === T.NAME).map((k) => tokens.line[k]);
    expect(names).toEqual([1, 3]);
    expect(tokens.value.get([...Array(tokens.count).keys()].find((k) => tokens.kind[k] === T.STRING)!)).toBe("a b");
    expect(err("s = 'a\r\nb'\r\n")?.message).toBe("unterminated string literal");
  });

  it("accepts the numbers Python 3 accepts and flags the L suffix", () => {
    expect(err("x = 00 + 0 + 0.5 + 1e-5 + 1E+3 + 0x1F + 0o17 + 0b1 + 10 + 1_000 if 0 else 7j\n")).toBeNull();
    expect(err("x = 10L\n")).toMatchObject({ line: 1, message: "invalid decimal literal (the L suffix is Python 2)" });
  });

  it("makes one NEWLINE per logical line even when the token buffers grow mid-file", () => {
    const t = tokenize("x = 1\n\n".repeat(100_000));
    let newlines = 0;
    for (let k = 0; k < t.count; k++) if (t.kind[k] === T.NEWLINE) newlines++;
    expect(t.count).toBe(400_000);
    expect(newlines).toBe(100_000);
  });

  it("reads Python 2's lexical forms as tokens when asked, so the strings after them are not lost", () => {
    const text = "x = ur'/a' + `y`\nif 0777 <> 10L:\n    s = '/b'\n";
    expect(tokenize(text).error).not.toBeNull();
    const t = tokenize(text, { python2: true });
    expect(t.error).toBeNull();
    const strings: string[] = [];
    for (let k = 0; k < t.count; k++) if (t.kind[k] === T.STRING) strings.push(t.value.get(k)!);
    expect(strings).toEqual(["/a", "/b"]);
  });
});
