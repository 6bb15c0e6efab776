import { describe, expect, it } from "vitest";
import { joinWrappedOptions } from "../../../src/extract/shell/wrapped-options.js";

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

describe("joinWrappedOptions", () => {
  it("joins option lines to the command they continue and names each", () => {
    const out = joinWrappedOptions(lines("python -m pkg.train DIR --a 1", "--b 2", "  --c 3 --d", "ls"));
    expect(out.lines).toEqual([
      { line: 1, text: "python -m pkg.train DIR --a 1 --b 2 --c 3 --d" },
      { line: 4, text: "ls" },
    ]);
    expect(out.wrapped).toEqual([
      { line: 2, continues: 1 },
      { line: 3, continues: 1 },
    ]);
  });

  it("leaves help output, options after a line that runs nothing, and a commented command alone", () => {
    for (const block of [
      lines("usage: train.py [-h]", "  --lr LR   the learning rate"),
      lines("python train.py", "  --lr LR   the learning rate"),
      lines("cd src", "--b 2"),
      lines("python train.py  # default run", "--b 2"),
    ])
      expect(joinWrappedOptions(block).wrapped).toEqual([]);
  });

  it("reads a program run by its path, and override lines only where asked (a shell script's)", () => {
    const block = lines("/opt/env/bin/python3 train.py --a 1", "train.lr=1e-5 +model.depth=18", "--b 2");
    expect(joinWrappedOptions(block).wrapped).toEqual([]);
    expect(joinWrappedOptions(block, { overrides: true }).wrapped).toEqual([
      { line: 2, continues: 1 },
      { line: 3, continues: 1 },
    ]);
    // A shell variable (no dot) is an assignment of its own.
    expect(joinWrappedOptions(lines("python train.py", "FOLD=1"), { overrides: true }).wrapped).toEqual([]);
  });
});
