// A command line's words: quotes kept together, and a placeholder a reader fills in (`<path to data>`,
// `[model name]`, `{output dir}`) one word, not several.
import { describe, expect, it } from "vitest";
import { isPlaceholderWord, shellWords } from "../../../src/extract/shell/shell-words.js";

describe("shellWords", () => {
  it("keeps a quoted word together without its quotes", () => {
    expect(shellWords(`python x.py --name "a b" --c 'd e'`)).toEqual(["python", "x.py", "--name", "a b", "--c", "d e"]);
  });

  it("keeps a placeholder with spaces in angle brackets, square brackets or braces as one word", () => {
    expect(shellWords("python train.py --data <path to data> --model [model name] --out {output dir}")).toEqual([
      "python",
      "train.py",
      "--data",
      "<path to data>",
      "--model",
      "[model name]",
      "--out",
      "{output dir}",
    ]);
    expect(shellWords("python train.py --data=<path to the data>/train.csv")).toEqual([
      "python",
      "train.py",
      "--data=<path to the data>/train.csv",
    ]);
  });

  it("leaves the shell's own brackets and redirections as they are", () => {
    expect(shellWords("sort <in.txt >out.txt")).toEqual(["sort", "<in.txt", ">out.txt"]);
    expect(shellWords("cat < a.txt > b.txt")).toEqual(["cat", "<", "a.txt", ">", "b.txt"]);
    expect(shellWords("[ -f x ] && { echo a; }")).toEqual(["[", "-f", "x", "]", "&&", "{", "echo", "a;", "}"]);
  });
});

describe("isPlaceholderWord", () => {
  it("names a word a reader fills in", () => {
    expect(
      ["<path to data>", "[model name]", "{output dir}", "<dir>", "--data=<path>/x.csv"].map(isPlaceholderWord),
    ).toEqual([true, true, true, true, true]);
    expect(["data/train.csv", "${DATA}", "2>&1", "<in.txt", "[0,1]"].map(isPlaceholderWord)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
