// A notebook's parse problem names its cell counted from 1, as Jupyter and the report show it.
import { describe, expect, it } from "vitest";
import { parseProblem } from "../../../../src/extract/families/branches/parse-check.js";

describe("parseProblem", () => {
  it("names a notebook's broken cell from 1", async () => {
    const nb = JSON.stringify({
      nbformat: 4,
      cells: [
        { cell_type: "markdown", source: ["# t"] },
        { cell_type: "code", source: ["x = 1\n"] },
        { cell_type: "code", source: ["y = (\n"] },
      ],
    });
    expect((await parseProblem("nb.ipynb", nb))?.message).toMatch(/^cell 3 line 1: /);
  });
});
