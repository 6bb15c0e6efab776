// Re-analysis of a raw GPU-check folder, written here by hand in the files' real formats.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseRawRun } from "../../src/measure/analyse.js";

const START = Date.UTC(2024, 4, 1, 12, 0, 10) / 1000;

function smiTime(unix: number): string {
  const d = new Date(unix * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

describe("raw run analysis", () => {
  it("predicts 3 epochs from the first and matches a steady full run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gpu-raw-"));
    // 2 s start-up, then 3 epochs of 10 batches x 1 s; 60 W idle before the start, 300 W during the run.
    const events: string[] = [];
    for (let e = 1; e <= 3; e++) {
      const t0 = START + 2 + (e - 1) * 10;
      events.push(JSON.stringify({ t: t0, event: "epoch_start", epoch: e, batch: 0, batches_per_epoch: 10 }));
      for (let b = 1; b <= 10; b++)
        events.push(JSON.stringify({ t: t0 + b, event: "batch_end", epoch: e, batch: b, batches_per_epoch: 10 }));
    }
    const csv: string[] = [];
    for (let t = START - 3; t <= START + 33; t += 0.5)
      csv.push(`0, ${smiTime(t)}, ${t < START ? "60.00" : "300.00"}, 99, 4000`);
    writeFileSync(join(dir, "events.jsonl"), events.join("\n") + "\n");
    writeFileSync(join(dir, "nvidia-smi.csv"), csv.join("\n") + "\n");
    writeFileSync(
      join(dir, "meta.json"),
      JSON.stringify({ start: START, end: START + 32, epochs: 3, command: "python3 train.py", smiOffsetMinutes: 0 }),
    );
    const { section, comparisons } = await analyseRawRun(dir, { pue: 1 });
    expect(section.measurement!.status).toBe("measured");
    expect(section.measurement!.actual).toMatchObject({ epochs: 1, seconds: 12, setupSeconds: 2, idleWatts: 60 });
    expect(section.prediction).toMatchObject({ basis: "measured", from: "epochs", epochs: 3, runs: 1 });
    expect(section.prediction!.total.seconds).toBeCloseTo(32, 6);
    expect(section.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([["nvidia-smi", "GPU 0"]]);
    expect(comparisons.map((c) => [c.basis, Math.round(c.timeErrorPct * 1000) / 1000])).toEqual([["1 epoch(s)", 0]]);
    expect(comparisons[0]!.energyErrorPct).toBeCloseTo(0, 1);
  });
});
