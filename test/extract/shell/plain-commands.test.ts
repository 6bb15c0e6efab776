import { describe, expect, it } from "vitest";
import { plainCommand } from "../../../src/extract/shell/plain-commands.js";

describe("plainCommand", () => {
  it("takes a command on a prose line of its own, a list item or a labelled line", () => {
    expect(
      [
        "python train.py --fold 0",
        "3. python -m src.fit",
        "- bash run.sh",
        "stage2: python predict.py --fold 0",
        "Train: python train_semi.py --modelname=x",
        "CUDA_VISIBLE_DEVICES=0 python3 train.py",
      ].map(plainCommand),
    ).toEqual([
      "python train.py --fold 0",
      "python -m src.fit",
      "bash run.sh",
      "python predict.py --fold 0",
      "python train_semi.py --modelname=x",
      "CUDA_VISIBLE_DEVICES=0 python3 train.py",
    ]);
  });

  it("leaves sentences, inline code and very long lines alone", () => {
    expect(
      [
        "python is what trains the model in train.py",
        "We use Python 3.8: python train.py would fail there.",
        "Run `python train.py`.",
        `python train.py ${"x".repeat(2000)}`,
      ].map(plainCommand),
    ).toEqual([null, null, null, null]);
  });
});
