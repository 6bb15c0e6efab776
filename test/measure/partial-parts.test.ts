import { describe, expect, it } from "vitest";
import type { EpochSpan } from "../../src/measure/boundaries.js";
import { partialParts } from "../../src/measure/partial-parts.js";

/** An epoch of `n` batches starting at `start`: batch i takes `d(i)` seconds; `tail` seconds after the last one. */
function epoch(epochNo: number, start: number, n: number, d: (i: number) => number, tail = 0): EpochSpan {
  const batches: EpochSpan["batches"] = [];
  let t = start;
  for (let i = 1; i <= n; i++) ((t += d(i)), batches.push({ t, count: i }));
  return { epoch: epochNo, start, end: t + tail, batches, batchesPerEpoch: n };
}

/** Epochs back to back from `setup`, each made by `make(k, start)`. */
function run(setup: number, epochs: number, make: (k: number, start: number) => EpochSpan): EpochSpan[] {
  const spans: EpochSpan[] = [];
  let start = setup;
  for (let k = 1; k <= epochs; k++) {
    const span = make(k, start);
    spans.push(span);
    start = span.end!;
  }
  return spans;
}

describe("partialParts", () => {
  it("finds nothing to blame in a steady run: every rate the same, no tail, no extra first batch", () => {
    const spans = run(3, 4, (k, start) => epoch(k, start, 100, () => 0.05));
    const parts = partialParts(spans, 10)!;
    expect(parts.windowRate).toBeCloseTo(0.05, 12);
    expect(parts.restOfFirstRate).toBeCloseTo(0.05, 12);
    expect(parts.laterRate).toBeCloseTo(0.05, 12);
    expect(parts.tailShare).toBeCloseTo(0, 12);
    expect(parts.firstBatchExtra).toBeCloseTo(0, 12);
  });

  it("tells a window faster than the rest of its epoch, a validation tail and a loader started every epoch", () => {
    // Epoch 1's first 20 batches take 0.04 s, the rest 0.05 s; later epochs 0.05 s with a 0.3 s first batch;
    // 1 s of validation after every epoch.
    const spans = run(3, 3, (k, start) =>
      epoch(k, start, 100, (i) => (k === 1 ? (i <= 20 ? 0.04 : 0.05) : i === 1 ? 0.3 : 0.05), 1),
    );
    const parts = partialParts(spans, 10)!;
    expect(parts.windowRate).toBeCloseTo(0.04, 12);
    // From batch 10 on: 10 batches of 0.04 s and 80 of 0.05 s.
    expect(parts.restOfFirstRate).toBeCloseTo((10 * 0.04 + 80 * 0.05) / 90, 12);
    expect(parts.laterRate).toBeCloseTo(0.05, 12);
    expect(parts.tailShare).toBeCloseTo(1 / (0.3 + 99 * 0.05 + 1), 12);
    expect(parts.firstBatchExtra).toBeCloseTo(0.25, 12);
  });

  it("leaves out what a run cannot tell: no later epoch, no batch marks", () => {
    const one = partialParts([epoch(1, 2, 50, () => 0.1)], 5)!;
    expect(one.laterRate).toBeNull();
    expect(one.firstBatchExtra).toBeNull();
    expect(one.tailShare).toBeCloseTo(0, 12);
    expect(partialParts([{ epoch: 1, start: 0, end: 5, batches: [], batchesPerEpoch: null }], 5)).toBeNull();
    expect(partialParts([], 5)).toBeNull();
  });
});
