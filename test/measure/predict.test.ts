import { describe, expect, it } from "vitest";
import type { EpochSpan } from "../../src/measure/boundaries.js";
import { predict, relativeSpread, warmupBatches } from "../../src/measure/predict.js";
import { stdoutEvents } from "../../src/measure/stdout-boundaries.js";
import { epochSpans } from "../../src/measure/boundaries.js";
import { parseProgressLine } from "../../src/measure/stdout-lines.js";

/** An epoch of `n` batches of `d` seconds each, the first `slow` batches taking `slowD`. */
function epoch(epochNo: number, start: number, n: number, d: number, slow = 0, slowD = d, tail = 0): EpochSpan {
  const batches: EpochSpan["batches"] = [];
  let t = start;
  for (let i = 1; i <= n; i++) ((t += i <= slow ? slowD : d), batches.push({ t, count: i }));
  return { epoch: epochNo, start, end: t + tail, batches, batchesPerEpoch: n };
}
const flat = (watts: number, until: number) => [
  [
    { t: -1, watts },
    { t: until, watts },
  ],
];

describe("prediction", () => {
  it("splits start-up and warm-up batches off one epoch and scales the steady rest", () => {
    // 5 s start-up, 100 batches: the first 10 take 2 s, the others 1 s; 10 s of validation after.
    const span = epoch(1, 5, 100, 1, 10, 2, 10);
    const end = span.end!; // 5 + 20 + 90 + 10 = 125
    const p = predict({
      spans: [span],
      runEnd: end,
      power: flat(100, 200),
      epochs: 10,
      runs: 2,
      pue: 1.5,
      gPerKWh: 400,
    })!;
    expect(end).toBe(125);
    expect(p.measured).toMatchObject({ epochs: 1, seconds: 125, batches: 100, setupSeconds: 5, warmupSeconds: 10 });
    // steady epoch = 100 x 1 s + 10 s tail = 110 s; per run = 5 + 10 + 10 x 110 = 1115 s
    expect(p.predicted.perEpoch.seconds).toBeCloseTo(110, 9);
    expect(p.predicted.seconds).toBeCloseTo(2 * 1115, 9);
    expect(p.predicted.epochs).toBe(20);
    // 100 W flat: energy = seconds x 100 W x PUE 1.5
    expect(p.predicted.energyKWh).toBeCloseTo((2230 * 100 * 1.5) / 3.6e6, 12);
    expect(p.predicted.co2g).toBeCloseTo(p.predicted.energyKWh * 400, 9);
    expect(p.relativeSpread).toBe(0); // identical steady batches
    expect(p.predicted.basis).toBe("epoch");
  });

  it("bounds an epoch whose lines all came in one read by the run after its start", () => {
    // Start-up 0.1 s; the epoch's start line, its 24 batch lines and its end line all read at 0.13 s.
    const span: EpochSpan = {
      epoch: 1,
      start: 0.13,
      end: 0.13,
      batches: Array.from({ length: 24 }, (_, i) => ({ t: 0.13, count: i + 1 })),
      batchesPerEpoch: 24,
    };
    const p = predict({ spans: [span], runEnd: 0.13, power: flat(10, 1), epochs: 3, runs: 1, pue: 1, gPerKWh: 100 })!;
    expect(p.predicted.perEpoch.seconds).toBeCloseTo(0.13, 9);
    expect(p.predicted.perEpochBy).toBe("run-bound");
    expect(p.predicted.seconds).toBeGreaterThan(p.measured.seconds);
    expect(p.relativeSpread).toBe(1);
  });

  it("measures epochs below the output's resolution by the durations their own lines state", () => {
    // 6 s of start-up, then three epochs of 0.10 s each: every line reaches the host in the one read at 6.3 s.
    const text = ["Epoch 1/8", "Epoch 1/8 done in 0.10s", "Epoch 2/8", "Epoch 2/8 done in 0.10s", "Epoch 3/8"];
    const lines = text.map((line) => ({ t: 6.3, p: parseProgressLine(line) }));
    const spans = epochSpans(stdoutEvents(lines, "start"));
    const p = predict({ spans, runEnd: 6.3, power: flat(10, 10), epochs: 8, runs: 1, pue: 1, gPerKWh: 100 })!;
    expect(p.predicted.perEpoch.seconds).toBeCloseTo(0.1, 9);
    expect(p.predicted.perEpochBy).toBe("stated-duration");
    // The whole training: the start-up once (6.3 s less the 0.2 s the two stated epochs took) and 8 epochs of 0.1 s.
    expect(p.measured.setupSeconds).toBeCloseTo(6.1, 9);
    expect(p.predicted.seconds).toBeCloseTo(6.1 + 0.8, 9);
    expect(p.predicted.energyKWh).toBeCloseTo((6.9 * 10) / 3.6e6, 12);
  });

  it("uses later epochs as the steady cost when several were measured", () => {
    const spans = [epoch(1, 2, 5, 3), epoch(2, 17, 5, 2), epoch(3, 27, 5, 2)];
    const p = predict({ spans, runEnd: 37, power: flat(50, 100), epochs: 4, runs: 1, pue: 1, gPerKWh: 100 })!;
    expect(p.predicted.perEpoch.seconds).toBe(10);
    expect(p.measured.warmupSeconds).toBe(5);
    expect(p.predicted.seconds).toBe(2 + 5 + 4 * 10);
  });

  it("predicts a whole epoch from K batches when the batches per epoch are known", () => {
    const span: EpochSpan = { ...epoch(1, 3, 20, 0.5, 2, 1.5), end: null, batchesPerEpoch: 200 };
    const p = predict({ spans: [span], runEnd: 15, power: flat(10, 100), epochs: 3, runs: 1, pue: 1, gPerKWh: 481 })!;
    expect(p.predicted.basis).toBe("batches");
    expect(p.measured.epochs).toBe(0.1);
    expect(p.predicted.perEpoch.seconds).toBeCloseTo(100, 9); // 200 x 0.5 s
    expect(p.measured.warmupSeconds).toBeCloseTo(2, 9); // 2 batches at 1.5 s instead of 0.5 s
    expect(p.predicted.seconds).toBeCloseTo(3 + 2 + 300, 9);
  });

  it("keeps a short epoch whole and returns null with no boundary at all", () => {
    const p = predict({
      spans: [epoch(1, 1, 3, 2)],
      runEnd: 7,
      power: flat(10, 10),
      epochs: 2,
      runs: 1,
      pue: 1,
      gPerKWh: 1,
    })!;
    expect(p.measured.warmupSeconds).toBeNull();
    expect(p.predicted.seconds).toBe(1 + 2 * 6);
    expect(predict({ spans: [], runEnd: 7, power: [], epochs: 2, runs: 1, pue: 1, gPerKWh: 1 })).toBeNull();
  });

  it("widens the interval with the spread between batches", () => {
    expect(warmupBatches(9)).toBe(0);
    expect(warmupBatches(250)).toBe(10);
    // durations 1 and 3 alternating: mean 2, sd ~1.0 over 100 batches -> 1.96 x 1.005 / (2 x 10)
    const d = Array.from({ length: 100 }, (_, i) => ({ d: i % 2 ? 3 : 1, w: 1 }));
    expect(relativeSpread(d)).toBeCloseTo((1.96 * Math.sqrt(100 / 99)) / 20, 9);
    const span = { epoch: 1, start: 0, end: 200, batches: [] as EpochSpan["batches"], batchesPerEpoch: 100 };
    let t = 0;
    for (let i = 1; i <= 100; i++) ((t += i % 2 ? 1 : 3), span.batches.push({ t, count: i }));
    const p = predict({ spans: [span], runEnd: 200, power: flat(1, 300), epochs: 10, runs: 1, pue: 1, gPerKWh: 1 })!;
    expect(p.predicted.interval.low.seconds).toBeLessThan(p.predicted.seconds);
    expect(p.predicted.interval.high.seconds).toBeGreaterThan(p.predicted.seconds);
  });
});
