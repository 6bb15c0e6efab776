import { describe, expect, it } from "vitest";
import { epochSpans, parseHookEvents, parseProgressLine, StdoutBoundaries } from "../../src/measure/boundaries.js";

describe("stdout progress lines", () => {
  it("reads Keras epoch headers, bars and end-of-epoch summaries", () => {
    expect(parseProgressLine("Epoch 1/30")).toEqual({ epoch: 1, totalEpochs: 30 });
    expect(parseProgressLine(" 37/120 [=====>....] - ETA: 3s - loss: 0.41")).toEqual({ bar: { done: 37, total: 120 } });
    expect(parseProgressLine("Epoch 3/10:  40%|####  | 48/120 [00:04<00:06, 11.2it/s]")).toEqual({ epoch: 3, totalEpochs: 10, bar: { done: 48, total: 120 } });
    expect(parseProgressLine("epoch 2: train loss 0.31 val_loss 0.35")).toEqual({ epoch: 2, endMarker: true });
    expect(parseProgressLine("loading data")).toEqual({});
  });

  it("reads Keras 3 bars, coloured and drawn with box characters", () => {
    expect(parseProgressLine("\x1b[1m 3/25\x1b[0m \x1b[32m━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 5ms/step - loss: 0.69")).toEqual({
      bar: { done: 3, total: 25 },
    });
  });

  it("turns a Keras-style run into epochs with batches, ignoring the validation bar", () => {
    const p = new StdoutBoundaries();
    const ev = [
      ...p.push("Epoch 1/3\n", 1),
      ...p.push("1/4 [==....]\r2/4 [====..]\r", 2),
      ...p.push("3/4 [=====.]\r4/4 [======] - 2s\n1/2 [val]\r2/2 [val]\n", 3),
      ...p.push("Epoch 2/3\n1/4 [==", 4),
      ...p.flush(5),
    ];
    expect(ev.map((e) => [e.kind, e.epoch, e.batch, e.t])).toEqual([
      ["epoch_start", 1, null, 1],
      ["batch_end", 1, 1, 2],
      ["batch_end", 1, 2, 2],
      ["batch_end", 1, 3, 3],
      ["batch_end", 1, 4, 3],
      ["epoch_start", 2, null, 4],
      ["batch_end", 2, 1, 5],
    ]);
    const spans = epochSpans(ev);
    expect(spans.map((s) => [s.epoch, s.start, s.end, s.batches.length, s.batchesPerEpoch])).toEqual([
      [1, 1, 4, 4, 4],
      [2, 4, null, 1, 4],
    ]);
  });

  it("starts a new epoch when a tqdm bar starts over without an epoch line", () => {
    const p = new StdoutBoundaries();
    const ev = [...p.push("0/3 [\r1/3 [\r3/3 [\n", 1), ...p.push("0/3 [\r2/3 [\n", 2)];
    expect(epochSpans(ev).map((s) => [s.start, s.end, s.batches.map((b) => b.count)])).toEqual([
      [1, 2, [1, 3]],
      [2, null, [2]],
    ]);
  });
});

describe("hook events", () => {
  it("reads JSON lines on the run's clock, skips a cut line and restarts after a reset", () => {
    const text = [
      '{"t": 100.5, "event": "epoch_start", "epoch": 1, "batch": 0}',
      '{"t": 101, "event": "batch_end", "epoch": 1, "batch": 1}',
      '{"t": 101.2, "event": "reset"}',
      '{"t": 102, "event": "epoch_start", "epoch": 1, "batch": 0, "batches_per_epoch": 2}',
      '{"t": 103, "event": "batch_end", "epoch": 1, "batch": 1, "batches_per_epoch": 2}',
      '{"t": 104, "event": "batch_end", "epoch": 1, "batch": 2, "batches_per_epoch": 2}',
      '{"t": 105, "event": "epoch_end", "epoch": 1, "batch": 2}',
      '{"t": 105, "event": "stop", "reason": "measured 1 epoch(s)"}',
      '{"t": 105.1, "event": "ba',
    ].join("\n");
    const events = parseHookEvents(text, 100);
    expect(events.map((e) => [e.kind, e.t])).toEqual([
      ["epoch_start", 2], ["batch_end", 3], ["batch_end", 4], ["epoch_end", 5], ["stop", 5],
    ]);
    expect(epochSpans(events)).toEqual([
      { epoch: 1, start: 2, end: 5, batches: [{ t: 3, count: 1 }, { t: 4, count: 2 }], batchesPerEpoch: 2 },
    ]);
  });
});
