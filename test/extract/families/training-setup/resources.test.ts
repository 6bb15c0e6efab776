// What a README states about the resources a training needs: a GPU count, a GPU's memory, a GPU model, run time.
import { expect, it } from "vitest";
import { readmeResources } from "../../../../src/extract/families/training-setup/resources.js";

it("reads GPU counts, GPU memory, GPU models and run times from README prose", () => {
  const text = [
    "# Solution",
    "Trained on 4x A100 80GB.",
    "Training takes 12 hours per fold.",
    "We used a single V100 32GB.",
    "It requires 24 GB of GPU memory.",
    "Hardware: 2 x RTX 3090",
    "All models were trained on 8 GPUs in about 3 days.",
    "GPU: Tesla T4",
    "A small classifier trained on the CPU.",
  ].join("\n");
  expect(readmeResources(text)).toEqual([
    { line: 2, resource: "gpu-count", value: "4x A100" },
    { line: 2, resource: "gpu-memory", value: "A100 80GB" },
    { line: 3, resource: "run-time", value: "12 hours" },
    { line: 4, resource: "gpu-count", value: "single V100" },
    { line: 4, resource: "gpu-memory", value: "V100 32GB" },
    { line: 5, resource: "gpu-memory", value: "24 GB of GPU memory" },
    { line: 6, resource: "gpu-count", value: "2 x RTX 3090" },
    { line: 7, resource: "gpu-count", value: "8 GPUs" },
    { line: 7, resource: "run-time", value: "3 days" },
    { line: 8, resource: "gpu-model", value: "Tesla T4" },
    { line: 9, resource: "gpu-count", value: "on the CPU" },
  ]);
});

it("reads nothing from a README that states no resources", () => {
  const text = [
    "# Solution",
    "Run `python train.py --epochs 30 --batch_size 16`.",
    "Images are resized to 512 px; 5 folds; lr 1e-3.",
    "The competition ran for 3 months.",
    "See https://example.org/gpu-tips for details.",
    "```",
    "python train.py --gpus 4  # 10 hours",
    "```",
  ].join("\n");
  expect(readmeResources(text)).toEqual([]);
});

it("reads a spec sheet's label lines inside a code block, and still no command there", () => {
  const text = [
    "## Hardware",
    "```",
    "OS: Ubuntu 18.04 LTS",
    "GPU: GeForce RTX 2080 x2",
    "python train.py --gpus 4  # 10 hours",
    "```",
  ].join("\n");
  expect(readmeResources(text)).toEqual([{ line: 4, resource: "gpu-count", value: "GeForce RTX 2080 x2" }]);
});

it("reads a GPU count written onto the model's name (H100x8), not a name that runs on into a word", () => {
  const text = ["## Hardware", "H100x8 (a second run used A100×16)", "A100xl is no GPU we know"].join("\n");
  expect(readmeResources(text)).toEqual([
    { line: 2, resource: "gpu-count", value: "H100x8" },
    { line: 2, resource: "gpu-count", value: "A100×16" },
  ]);
});
