// A bash array of scripts looped over as programs (`MODELS=(...)`, `for m in ${MODELS[@]}; do python $m ...`):
// each script a step of its own, its path built from the script's own folder; a loop whose variable is only an
// argument stays one line run once per word.
import { describe, expect, it } from "vitest";
import { shellLines } from "../../../../src/extract/families/rerun-plan/shell-lines.js";
import { planOf } from "./plan-repo.js";

describe("shell arrays and loops over programs", () => {
  it("reads an array over several lines and runs a loop over it once per word when the word is the program", () => {
    const text =
      "MODELS=(\n  a.py\n  'b.py'  # the second\n)\nfor M in \"${MODELS[@]}\"; do\n  python $M fit\ndone\nfor f in 0 1 2; do\n  python t.py --fold $f\ndone\n";
    expect(shellLines(text).map((l) => [l.line, l.text, l.repeat])).toEqual([
      [6, "python a.py fit", 1],
      [6, "python b.py fit", 1],
      [9, "python t.py --fold $f", 3],
    ]);
  });

  it("makes each script of the array a step, its path built from the script's own folder", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\ncd proj\nbash src/exp/run.sh\n```\n",
      "proj/src/exp/run.sh":
        "EXP_DIR=$(cd $(dirname $0)/..; pwd)\nMODELS=(\n    $EXP_DIR/exp/m1.py\n    $EXP_DIR/exp/m2.py\n)\nfor MODEL in ${MODELS[@]}; do\n    python $MODEL train common.fold=0\ndone\n",
      "proj/src/exp/m1.py": "print(1)\n",
      "proj/src/exp/m2.py": "print(2)\n",
    });
    const programs = records.filter((r) => r.kind === "step" && r.source === "shell").map((r) => [r.cwd, r.program]);
    expect(programs).toEqual([
      ["proj", "proj/src/exp/m1.py"],
      ["proj", "proj/src/exp/m2.py"],
    ]);
  });
});
