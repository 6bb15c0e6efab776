import { describe, expect, it } from "vitest";
import { checkpointTemplates } from "../../../../src/extract/families/data-refs/checkpoint-templates.js";

describe("checkpoint templates", () => {
  it("takes each checkpoint name formatted at save time as the pattern it fits, not a name of fields alone", () => {
    const text = [
      "def __init__(self, filename='snap_{n}th.pt'):",
      '    best = f"fold{k}_best.pth"',
      "    last = 'model_%03d.h5' % epoch",
      "    any = '{}.pth'.format(name)",
      "    log = 'log_{n}.csv'",
    ].join("\n");
    expect(checkpointTemplates("train.py", text).map((w) => [w.path, w.by])).toEqual([
      ["*/snap_*th.pt", "train.py:1"],
      ["*/fold*_best.pth", "train.py:2"],
      ["*/model_*.h5", "train.py:3"],
    ]);
  });

  it("skips a line too long to hold a file name, in time", () => {
    const blob = `x = [${"'%d', ".repeat(5000)}'snap_{n}.pt']`;
    const started = Date.now();
    expect(checkpointTemplates("data.py", blob)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
