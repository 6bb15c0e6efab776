// A name read at a line holds the value bound last above it in the same function or at module level: a local
// that several methods set anew is each method's own, and a local of another function never stands in.
import { describe, expect, it } from "vitest";
import { indexPythonText } from "../../../src/extract/python/file-index.js";

const index = (lines: string[]) => indexPythonText("src/x.py", lines.join("\n") + "\n", false);

describe("names bound in several functions", () => {
  it("writes each method's own value of a local that every method sets", () => {
    const writes = index([
      "import os, torch, numpy as np",
      "class Experiment:",
      "    def dump_model(self, model, name):",
      "        dump_path = os.path.join(self.root, 'models', 'best.pth')",
      "        torch.save(model.state_dict(), dump_path)",
      "",
      "    def dump_preds(self, arr, name):",
      "        dump_path = os.path.join(self.root, 'preds', 'oof.npy')",
      "        np.save(dump_path, arr)",
    ]).writes.map((w) => [w.line, w.path]);
    expect(writes).toEqual([
      [5, "*/models/best.pth"],
      [9, "*/preds/oof.npy"],
    ]);
  });

  it("reads a module constant bound below a function, and never another function's local", () => {
    const reads = index([
      "import pandas as pd",
      "def load():",
      "    return pd.read_csv(TRAIN)",
      "def check(path):",
      "    return pd.read_csv(path)",
      "def selftest():",
      "    path = '/home/me/data/test.csv'",
      "    return check(path)",
      "TRAIN = 'data/train.csv'",
    ])
      .calls.filter((c) => c.callee === "pd.read_csv")
      .map((c) => [c.line, c.args[0]?.path ?? null]);
    expect(reads).toEqual([
      [3, "data/train.csv"],
      [5, "*"],
    ]);
  });
});
