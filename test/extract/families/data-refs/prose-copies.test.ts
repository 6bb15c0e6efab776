// Weights a training writes under one folder, that the README's prose copies or renames to the folder inference
// reads, are produced.
import { describe, expect, it } from "vitest";
import { proseCopies, throughCopy } from "../../../../src/extract/families/data-refs/prose-copies.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

describe("proseCopies", () => {
  it("reads replace-with, copy-to, move-to and rename-to sentences, with their places", () => {
    expect(
      proseCopies([
        {
          file: "docs/run.md",
          text:
            "Train first.\n\nThen replace the contents of `prod-models` with `dev-models` before inference.\n" +
            "Copy out/weights to models/ and rename `tmp_ckpt` to `ckpt`.\nMove the folder runs/best into final.\n",
        },
      ]),
    ).toEqual([
      { to: "prod-models", from: "dev-models", by: "docs/run.md:3" },
      { to: "models", from: "out/weights", by: "docs/run.md:4" },
      { to: "ckpt", from: "tmp_ckpt", by: "docs/run.md:4" },
      { to: "final", from: "runs/best", by: "docs/run.md:5" },
    ]);
  });

  it("a read under the copy's target is the copy's source, where a write makes that", () => {
    const copies = [{ to: "prod-models", from: "dev-models", by: "README.md:9" }];
    const written = (p: string) => (p === "../dev-models/backbones/tok" ? "train/mlm.py:4" : null);
    expect(throughCopy("../prod-models/backbones/tok", copies, written)).toBe("README.md:9");
    expect(throughCopy("../other/backbones/tok", copies, written)).toBeNull();
    expect(throughCopy("../prod-models/heads/x.pth", copies, written)).toBeNull();
  });
});

describe("datasets-weights-shipped: weights a prose step copies into place", () => {
  it("is no finding when training writes them under the copied folder", async () => {
    const files = (prose: string) => ({
      "README.md":
        "# S\n\n```bash\ncd train-code\npython mlm.py\ncd ../inference-code\npython predict.py\n```\n\n" + prose,
      "requirements.txt": "torch==2.1.0\ntransformers==4.35.0\n",
      "train-code/mlm.py":
        "from transformers import AutoModel\nm = AutoModel.from_pretrained('microsoft/deberta-v3-large')\n" +
        "m.save_pretrained('../dev-models/backbones/tapt')\n",
      "inference-code/predict.py":
        "from transformers import AutoModel\nm = AutoModel.from_pretrained('../prod-models/backbones/tapt')\n",
    });
    expect(
      await findingsOf(files("Before inference, replace the contents of prod-models with dev-models.\n"), [
        "datasets-weights-shipped",
      ]),
    ).toEqual([]);
    const without = await findingsOf(files("Then run inference.\n"), ["datasets-weights-shipped"]);
    expect(without.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-weights-shipped", "inference-code/predict.py", 2],
    ]);
  });
});
