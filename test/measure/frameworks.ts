// The real-framework cases both runtimes run: the torch, Lightning and Hugging Face samples, tiny, with what their
// epochs must show. Real PyTorch on the CPU: the hook's patches against the libraries themselves.
import { join } from "node:path";
import { expect } from "vitest";
import type { EpochStageResult } from "../../src/measure/epoch-stage.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

export interface FrameworkCase {
  name: string;
  root: string;
  command: string;
  epochs: number;
  batchesPerEpoch: number;
}

export const FRAMEWORK_CASES: FrameworkCase[] = [
  {
    name: "torch DataLoader (train-torch: ResNet-18)",
    root: join(SAMPLES, "train-torch", "repo"),
    command: "python train.py --epochs 3 --images 64 --img-size 32 --batch-size 16",
    epochs: 3,
    batchesPerEpoch: 4,
  },
  {
    name: "Lightning Trainer (train-lightning)",
    root: join(SAMPLES, "train-lightning", "repo"),
    command: "python train.py --epochs 3 --samples 256 --batch-size 64 --hidden 32",
    epochs: 3,
    batchesPerEpoch: 4,
  },
  {
    name: "Hugging Face Trainer (train-hf)",
    root: join(SAMPLES, "train-hf", "repo"),
    command: "python train.py --epochs 2 --samples 64 --batch-size 16",
    epochs: 2,
    batchesPerEpoch: 4,
  },
];

/** One measured epoch, marked by the framework's hook, which stopped the program there ("stopped after the measured
 * part" comes only from the hook's own stop event once it marked boundaries). */
export function expectOneHookEpoch(c: FrameworkCase, r: EpochStageResult): void {
  expect(r.records["epoch-run"]).toEqual([
    expect.objectContaining({
      status: "completed",
      reason: "stopped after the measured part",
      epochs: 1,
      batches: c.batchesPerEpoch,
      boundaries: "hook",
    }),
  ]);
  expect(r.raw.spans.map((s) => [s.epoch, s.batches.at(-1)?.count, s.batchesPerEpoch, s.end !== null])).toEqual([
    [1, c.batchesPerEpoch, c.batchesPerEpoch, true],
  ]);
  expect(r.raw.spans[0]!.batches.map((b) => b.count)).toEqual(
    Array.from({ length: c.batchesPerEpoch }, (_, i) => i + 1),
  );
  expect(r.section.measurement).toMatchObject({
    status: "measured",
    actual: { epochs: 1, batches: c.batchesPerEpoch, boundaries: "hook" },
  });
  expect(r.section.prediction).toMatchObject({ basis: "measured", from: "epochs", epochs: c.epochs });
  // The hook ended the program at the measured epoch's end: its end is the run's, well before a second epoch.
  expect(r.raw.runEndUnix).toBeLessThanOrEqual(r.raw.exitUnix);
}

/** K batches of the first epoch, the program stopped there. */
export function expectKBatches(c: FrameworkCase, r: EpochStageResult, k: number): void {
  expect(r.records["epoch-run"]).toEqual([
    expect.objectContaining({ status: "completed", epochs: 0, batches: k, boundaries: "hook" }),
  ]);
  expect(r.section.measurement!.actual).toMatchObject({ batches: k, boundaries: "hook" });
  expect(r.section.measurement!.actual.epochs).toBeCloseTo(k / c.batchesPerEpoch, 9);
  expect(r.section.prediction).toMatchObject({ from: "batches", epochs: c.epochs });
}
