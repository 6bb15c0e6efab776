// The lines of string statements (docstrings, bare notes) are prose; a string used as a value is code.
import { expect, it } from "vitest";
import { docstringLines } from "../../../../src/extract/families/training-setup/docstring-lines.js";

it("names the lines of docstrings and bare string statements, not of strings used as values", () => {
  const text = [
    '"""Module note."""',
    "def f():",
    "    '''Example:",
    "    > f(device_ids=[0, 1])",
    "    '''",
    '    x = """not',
    '    prose"""',
    "    return x",
  ].join("\n");
  expect([...docstringLines(text)].sort((a, b) => a - b)).toEqual([1, 3, 4, 5]);
});
