// A shell script's lines with their loop counts and the script's variables expanded.
import { describe, expect, it } from "vitest";
import { loopCount, shellLines } from "../../../../src/extract/families/rerun-plan/shell-lines.js";

describe("shellLines", () => {
  it("multiplies nested loops of every literal form and counts a while loop once", () => {
    const script = [
      "MODEL=resnet34",
      "for seed in {0..2}; do",
      "  for ((f=0; f<5; f++))",
      "  do",
      "    python train.py --model $MODEL --seed $seed --fold $f",
      "  done",
      "done",
      "while read cfg; do python run.py $cfg; done < list.txt",
      "for fold in `seq 4`; do python valid.py --fold $fold; done",
      "for c in configs/*.yaml; do python t.py $c; done",
    ].join("\n");
    expect(shellLines(script).map((l) => [l.line, l.text, l.repeat, l.loopLine])).toEqual([
      [5, "python train.py --model resnet34 --seed $seed --fold $f", 15, 3],
      [8, "python run.py $cfg", 1, null],
      [9, "python valid.py --fold $fold", 4, 9],
      [10, "python t.py $c", 1, null],
    ]);
  });

  it("counts the lists a loop names", () => {
    expect([
      loopCount("0 1 2 3 4"),
      loopCount("{1..10..3}"),
      loopCount("$(seq 0 2 8)"),
      loopCount("$FOLDS"),
      loopCount(""),
    ]).toEqual([5, 4, 5, null, null]);
  });
});
