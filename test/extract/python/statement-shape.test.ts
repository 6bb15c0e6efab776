import { describe, expect, it } from "vitest";
import { logicalLines, tokenize } from "../../../src/extract/python/lexer.js";
import { statementShapeError } from "../../../src/extract/python/statement-shape.js";

const check = (text: string, notebook = false) => {
  const t = tokenize(text, { notebook });
  return statementShapeError(text, t, logicalLines(t), notebook)?.line ?? null;
};

describe("statement shape", () => {
  it("flags a keyword as a parameter name, never a keyword in a default", () => {
    expect(check("def f(a, lambda=1):\n    pass\n")).toBe(1);
    expect(check("def f(*, None):\n    pass\n")).toBe(1);
    expect(check("def f(key=lambda x, y: x, b=None, c=x if y else None):\n    pass\n")).toBeNull();
  });

  it("flags a pasted log or traceback: two values in a row", () => {
    expect(check("x = 1\n[100]   train's rmse: 0.22  valid's rmse: 0.23\n")).toBe(2);
    expect(check("x = 1\nTraceback (most recent call last):\n")).toBe(2);
  });

  it("passes soft keywords, string concatenation, keywords between values and a number's glued keyword", () => {
    const ok = [
      "match command.split():\n    case [a, b] if a:\n        pass\n    case _:\n        pass\n",
      "s = 'a' 'b' f'{x}'\n",
      "y = [a for a in b if a is not None]\n",
      "z = 1 if 1else 0\n",
      "type(x)\nmatch = re.match('a', s)\n",
      "print('x') if a else print('y')\n",
    ];
    for (const text of ok) expect(check(text), text).toBeNull();
  });

  it("leaves a notebook's magics to the notebook's parse", () => {
    expect(check("%time x = f(a)\n", true)).toBeNull();
  });
});
