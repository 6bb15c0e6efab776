// A notebook the plan runs whose saved run executed its cells out of order: the first inversion, on a real repo.
import { describe, expect, it } from "vitest";
import { cellInversion } from "../../../../src/extract/families/rerun-plan/cell-order.js";
import { findingsOf, planOf } from "./plan-repo.js";

/** A notebook whose code cells carry the given execution counts (null: not run), after one markdown cell. */
const ran = (...counts: Array<number | null>) =>
  JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", metadata: {}, source: ["# t"] },
      ...counts.map((n, i) => ({
        cell_type: "code",
        execution_count: n,
        metadata: {},
        outputs: [],
        source: [`x${i} = ${i}\n`],
      })),
    ],
  });

describe("rerun-plan: notebook cells run out of order", () => {
  it("finds the first executed cell whose count is below the one before it, skipping cells not run", () => {
    expect(cellInversion(ran(1, 2, null, 3, 4))).toBeNull();
    expect(cellInversion(ran(9, 4, 5, 33, 10))).toEqual({ earlier: 1, later: 2, earlierCount: 9, laterCount: 4 });
    expect(cellInversion(ran(1, null, 5, 2))).toEqual({ earlier: 3, later: 4, earlierCount: 5, laterCount: 2 });
    expect(cellInversion("{ not json")).toBeNull();
  });

  it("records the inversion of a notebook the README runs, not of one nothing runs", async () => {
    const files = {
      "README.md": "# Run\n\n```\njupyter nbconvert --to notebook --execute models.ipynb\n```\n",
      "models.ipynb": ran(1, 2, 7, 3),
      "eda.ipynb": ran(5, 1),
    };
    const records = await planOf(files);
    expect(records.filter((r) => r.kind === "cell-order").map((r) => [r.file, r.cell, r.inversion])).toEqual([
      ["models.ipynb", 4, "cell 4 ran as [7], then cell 5 as [3]"],
    ]);
    expect(await findingsOf(files, ["code-notebook-cells-in-order"])).toEqual([
      ["code-notebook-cells-in-order", "models.ipynb", 7, "info"],
    ]);
  });
});
