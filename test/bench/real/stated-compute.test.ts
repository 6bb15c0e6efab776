// The comparison of the static estimate with what authors state: within 3x, an interval that covers a stated
// range, a repo without an estimate counted as missed, and labels checked field by field.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseStatedLabels,
  renderRowReadings,
  renderStated,
  statedFigures,
  statedRow,
  type StatedLabel,
} from "../../../bench/real/stated-compute.js";

const label = (gpuHours: number, range?: [number, number]): StatedLabel => ({
  repo: "o/r",
  commit: "c",
  lines: ["README.md:3 4x V100, 2 days"],
  gpus: "4x V100",
  gpuModel: "v100",
  standIn: null,
  gpuHours,
  reading: "r",
  ...(range ? { gpuHoursLow: range[0], gpuHoursHigh: range[1] } : {}),
});
const est = (gpuHours: number, low: number, high: number) => ({
  gpuHours,
  low,
  high,
  basis: "rerun-plan",
  trainings: 2,
  guessed: 1,
});

describe("the estimate against stated GPU-hours", () => {
  it("counts a ratio within 3x either way and an interval that reaches the statement or its stated range", () => {
    expect(statedRow(label(192), est(64, 30, 150))).toMatchObject({ ratio: 64 / 192, within3x: true, covered: false });
    expect(statedRow(label(192), est(63, 30, 200))).toMatchObject({ within3x: false, covered: true });
    expect(statedRow(label(204, [168, 240]), est(100, 50, 170))).toMatchObject({ within3x: true, covered: true });
    expect(statedRow(label(204, [168, 240]), est(700, 250, 900))).toMatchObject({ within3x: false, covered: false });
  });

  it("counts a repo without an estimate as missed in both shares, and prints why", () => {
    const f = statedFigures([statedRow(label(10), est(12, 5, 20)), statedRow(label(10), null, "no checkout at /x")]);
    expect([f.within3x, f.covered]).toEqual([0.5, 0.5]);
    expect(renderStated(f)).toContain("o/r | 4x V100 | 10.0 | - (no checkout at /x) | - | no | no | -");
    expect(renderStated(f)).toContain("within 3x: 50% of 2 (goal 70%); interval covers the statement: 50% (goal 80%)");
  });

  it("reads the shipped labels, each with its README lines, and refuses a label without stated hours", () => {
    const labels = parseStatedLabels(
      JSON.parse(readFileSync(new URL("../../../bench/real/labels/stated-compute.json", import.meta.url), "utf8")),
    );
    expect(labels.length).toBeGreaterThanOrEqual(6);
    for (const l of labels) expect(l.lines.every((x) => /^README\.md:\d+ /.test(x))).toBe(true);
    expect(() => parseStatedLabels({ labels: [{ ...label(1), gpuHours: 0 }] })).toThrow(
      "stated-compute.json /labels/0/gpuHours: must be a positive number",
    );
  });

  it("prints each repo's training rows with the lines their values were read from and what was guessed", () => {
    const row = {
      label: "step 2 train.py (training)",
      architecture: "timm/resnet50",
      inputSize: 512,
      images: 1000,
      epochs: 30,
      runs: 5,
      gpuHours: 12.5,
      sources: ["README.md:4", "configs/a.yaml:3"],
      guessed: ["images per epoch"],
      values: ["epochs = 30 epochs per run (configs/a.yaml:3 config epoch (30))"],
    };
    const f = statedFigures([
      statedRow(label(10), { ...est(12.5, 5, 20), rows: [row] }),
      statedRow(label(10), null, "why"),
    ]);
    expect(renderRowReadings(f).split("\n")).toEqual([
      "o/r:",
      "  step 2 train.py (training): timm/resnet50 512 px, 1000 images x 30 epochs x 5 runs = 12.5 GPU-h",
      "    read from: README.md:4; configs/a.yaml:3",
      "    epochs = 30 epochs per run (configs/a.yaml:3 config epoch (30))",
      "    guessed: images per epoch",
      "o/r:",
      "  no estimate: why",
    ]);
  });
});
