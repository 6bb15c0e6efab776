// Loop ranges of a writer and its reader, compared only when both are literal.
import { describe, expect, it } from "vitest";
import { unwrittenLoopValues } from "../../../../src/extract/families/data-refs/loop-values.js";

const writer = { lineText: "df.to_csv(f'out/seed{args.seed}/val.csv')", file: "src/train.py" };
const read = (loop: string, before = "") => ({
  lineText: "    pd.read_csv(f'out/seed{seed}/val.csv')",
  fileText: `${before}for seed in ${loop}:\n    pd.read_csv(f'out/seed{seed}/val.csv')\n`,
});

describe("unwrittenLoopValues", () => {
  const scripts = [{ file: "run.sh", text: "for seed in 0 1 2\ndo\n  python src/train.py --seed ${seed}\ndone\n" }];

  it("names the values a literal reader loop reads that the writer's shell loop never gives", () => {
    expect(unwrittenLoopValues(read("[0, 1, 2, 3]"), writer, scripts)).toBe("seed 3 (run.sh:1 loops seed over 0 1 2)");
    expect(unwrittenLoopValues(read("seeds", "seeds = [0, 1, 2, 3]\n"), writer, scripts)).toBe(
      "seed 3 (run.sh:1 loops seed over 0 1 2)",
    );
    expect(unwrittenLoopValues(read("range(2, 5)"), writer, scripts)).toBe(
      "seed 3, 4 (run.sh:1 loops seed over 0 1 2)",
    );
  });

  it("says nothing where the ranges agree, or either is not literal", () => {
    expect(unwrittenLoopValues(read("range(3)"), writer, scripts)).toBeNull();
    expect(unwrittenLoopValues(read("cfg.seeds"), writer, scripts)).toBeNull();
    const variable = [{ file: "run.sh", text: "for s in $SEEDS; do\n  python src/train.py --seed $s\ndone\n" }];
    expect(unwrittenLoopValues(read("[0, 1, 2, 3]"), writer, variable)).toBeNull();
  });
});
