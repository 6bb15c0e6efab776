import { describe, expect, it } from "vitest";
import { epochSpans } from "../../src/measure/boundaries.js";
import { parseHookEvents } from "../../src/measure/hook-events.js";

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
      ["epoch_start", 2],
      ["batch_end", 3],
      ["batch_end", 4],
      ["epoch_end", 5],
      ["stop", 5],
    ]);
    expect(epochSpans(events)).toEqual([
      {
        epoch: 1,
        start: 2,
        end: 5,
        batches: [
          { t: 3, count: 1 },
          { t: 4, count: 2 },
        ],
        batchesPerEpoch: 2,
      },
    ]);
  });
});
