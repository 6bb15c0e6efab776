// Trainings a rerun runs: leaf training steps, times their repeats and folds.
import { expect, it } from "vitest";
import { trainingsOf } from "../../../../src/extract/families/training-setup/trainings.js";

it("counts leaf training steps by their repeats and folds, once per command, not a --help, and nothing for a plan that trains nothing", () => {
  const step = (order: number, purpose: string, extra: Record<string, unknown> = {}) => ({
    kind: "step",
    file: "README.md",
    line: order,
    order,
    purpose,
    parent: null,
    repeat: 1,
    program: "train.py",
    args: "",
    ...extra,
  });
  const records = [
    step(1, "install"),
    step(2, "train"),
    step(3, "train", { file: "train.sh", parent: 2, repeat: 5, args: "--fold $fold" }),
    step(4, "train", { folds: 4 }),
    step(5, "predict"),
    step(6, "train", { args: "--help" }),
    step(7, "train", { folds: 4 }),
  ];
  expect(trainingsOf(records)).toEqual({ file: "README.md", line: 2, value: 9 });
  expect(trainingsOf([step(1, "install"), step(2, "predict")])).toBeNull();
});
