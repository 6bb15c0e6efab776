// data-refs: one loader's many weights are one group, and its file's own note may name their source.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { weightsSourceLine } from "../../../../src/extract/families/data-refs/weight-notes.js";
import { run } from "../helpers.js";

const loader = (note: string) =>
  `${note}def build(backbone):\n    if backbone == 'resnet18':\n        model.load_weights('/Users/u/w/resnet18_no_top.h5')\n` +
  "    elif backbone == 'resnet34':\n        model.load_weights('/Users/u/w/resnet34_no_top.h5')\n" +
  "    else:\n        model.load_weights('/Users/u/other/best.pt')\n";

describe("data-refs: weights of one loader", () => {
  it("groups the loads of one call from one folder under names that differ in their first word, and reads the file's note of their source", async () => {
    const weights = async (text: string) =>
      (await run(dataRefs, { "model.py": text }))
        .filter((r) => r.kind === "weights")
        .map((r) => [r.path, r.loadGroup, r.documentedBy]);
    expect(await weights(loader(""))).toEqual([
      ["/Users/u/w/resnet18_no_top.h5", "model.py|model.load_weights|/Users/u/w|no_top.h#", null],
      ["/Users/u/w/resnet34_no_top.h5", "model.py|model.load_weights|/Users/u/w|no_top.h#", null],
      ["/Users/u/other/best.pt", "model.py|model.load_weights|/Users/u/other|best.pt", null],
    ]);
    const noted = await weights(loader('"""Backbones.\n\nWeights: https://github.com/u/models/releases\n"""\n'));
    expect(noted.map((w) => w[2])).toEqual(["model.py:3", "model.py:3", "model.py:3"]);
  });

  it("finds a link in a comment or a docstring, not in code", () => {
    expect(weightsSourceLine("# from https://github.com/u/m\nx = 1\n")).toBe(1);
    expect(weightsSourceLine("'''Doc.'''\nurl = 'https://github.com/u/m'\n")).toBeNull();
    expect(weightsSourceLine("x = 1\n'''\nSee\nhttps://huggingface.co/u/m\n'''\n")).toBe(4);
  });
});
