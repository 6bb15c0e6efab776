// Placeholder values a reader must fill in, told apart from vocabulary tokens and real values.
import { describe, expect, it } from "vitest";
import { isPlaceholderValue, pythonPlaceholders } from "../../../../src/extract/families/path-literals/placeholders.js";

describe("placeholder values", () => {
  it("knows the usual forms", () => {
    for (const v of [
      "path/to/data",
      "/path/to/weights.pth",
      "<path to your data>",
      "<DATA_DIR>",
      "path_to_output_directory",
      "your_project",
      "YOUR_API_KEY",
      "XXX",
      "xxxx",
      "CHANGE_ME",
    ])
      expect([v, isPlaceholderValue(v)]).toEqual([v, true]);
  });
  it("leaves vocabulary tokens, Hydra's ??? and real values alone", () => {
    for (const v of ["<pad>", "<unk>", "<mask>", "???", "outputs/exp1", "xx", "path", "roberta-large", ""])
      expect([v, isPlaceholderValue(v)]).toEqual([v, false]);
  });
  it("reads quoted assignments in Python, attributes and annotations included, not calls or other strings", () => {
    const text =
      "project = 'XXX'\ncfg.data_dir = \"path/to/data\"\nroot: str = '<your data folder>'\nprint('XXX')\nx = f('path/to/y')\n";
    expect(pythonPlaceholders(text)).toEqual([
      { line: 1, value: "XXX" },
      { line: 2, value: "path/to/data" },
      { line: 3, value: "<your data folder>" },
    ]);
  });
});
