// A README's underlined titles (Markdown's setext, rst's) against list items a rule happens to follow.
import { describe, expect, it } from "vitest";
import { parseReadme } from "../../../src/extract/shell/readme-parse.js";

describe("parseReadme: underlined titles", () => {
  it("reads a line underlined with = or - as a title, and keeps a list item above a rule as prose", () => {
    const parts = parseReadme(
      [
        "Training",
        "========",
        "1. Run all of `a.ipynb`.",
        "",
        "2. Run all of `b.ipynb`.",
        "***",
        "- then `c.ipynb`",
        "---",
        "Inference",
        "---------",
        "3) Run `d.ipynb`",
        "---",
      ].join("\n"),
    );
    expect(parts.sections.map((s) => [s.title, s.level])).toEqual([
      ["Training", 1],
      ["Inference", 2],
    ]);
    expect(parts.prose.map((p) => p.line)).toEqual(expect.arrayContaining([3, 5, 7, 11]));
  });
});
