// Which meters a short run's energy comes from: host counters, else the hook's CPU clock, else an explicit "unknown".
import { describe, expect, it } from "vitest";
import type { EpochSpan } from "../../src/measure/boundaries.js";
import type { HookUsage } from "../../src/measure/hook-usage.js";
import type { RawSeries } from "../../src/measure/meters/meter.js";
import { renderCarbonText } from "../../src/report/carbon-text.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { sourced } from "../../src/model/sourced.js";
import { buildSection } from "../../src/measure/section.js";
import { planFor } from "./support.js";

const ASSUMPTIONS = carbonAssumptions({ pue: sourced(1, "flag", "--pue") });
const CPU = {
  model: null,
  tdpWatts: null,
  wattsPerThread: 10,
  source: "default",
  fallback: "default (no CPU model was readable)",
};
const T0 = 5000;
// A 0.4 s epoch after 0.2 s of start-up, stopped at 0.6 s: shorter than a 500 ms sampling interval.
const SPAN: EpochSpan = { epoch: 1, start: 0.2, end: 0.6, batches: [], batchesPerEpoch: null };
const HOOK: HookUsage = {
  cpuSeconds: [
    { t: 0, seconds: 0 },
    { t: 0.1, seconds: 0 },
    { t: 0.2, seconds: 0.1 },
    { t: 0.6, seconds: 0.5 },
  ],
  maxRssBytes: [
    { t: 0.2, bytes: 1e9 },
    { t: 0.6, bytes: 2e9 },
  ],
};

const section = (series: RawSeries[], hook?: HookUsage) =>
  buildSection({
    plan: planFor("python train.py", 10),
    runtime: "container",
    outcome: { status: "completed", reason: "stopped after the measured part" },
    spans: [SPAN],
    boundaries: "stdout",
    runStartUnix: T0,
    runEndUnix: T0 + 0.6,
    series,
    assumptions: ASSUMPTIONS,
    cpu: CPU,
    idleSeconds: 0,
    ...(hook ? { hook } : {}),
  });

const cgroup = (readings: Array<[number, number]>): RawSeries => ({
  meter: "cpu-share-tdp",
  kind: "estimated",
  component: "cpu",
  scope: "container cgroup",
  samples: [],
  cumulative: readings.map(([t, joules]) => ({ unix: T0 + t, joules })),
});

describe("energy of a window shorter than the sampling", () => {
  it("takes the cgroup counter's difference when it was read at launch and at the measured end", () => {
    const s = section(
      [
        cgroup([
          [0, 0],
          [0.6, 4.5],
        ]),
      ],
      HOOK,
    );
    // No memory reading from the host: the hook's peak RSS stands in.
    const m = s.measurement!;
    expect(m.meters.map((x) => [x.meter, x.scope])).toEqual([
      ["cpu-share-tdp", "container cgroup"],
      ["memory", "hook (peak RSS)"],
    ]);
    expect(m.meters[0]!.energyKWh * 3_600_000).toBeCloseTo(4.5, 9);
    expect(m.energyMeasured).toBe(true);
  });

  it("falls back to the hook's CPU seconds x watts per thread when the host read the counter only once", () => {
    const s = section([cgroup([[0.35, 1]])], HOOK);
    const m = s.measurement!;
    expect(m.meters.map((x) => [x.meter, x.kind, x.scope])).toEqual([
      ["cpu-time-tdp", "estimated", "hook"],
      ["memory", "estimated", "hook (peak RSS)"],
    ]);
    // CPU: 0.5 CPU-s x 10 W = 5 J over the run; 0.4 CPU-s x 10 W = 4 J in the epoch.
    expect(m.meters[0]!.energyKWh * 3_600_000).toBeCloseTo(5, 9);
    expect(s.prediction!.perEpoch!.energyKWh * 3_600_000).toBeGreaterThan(4);
    expect(s.prediction!.total.energyKWh).toBeGreaterThan(0);
    expect(renderCarbonText(s)).toContain(
      "Meters: cpu-time-tdp (estimated, hook), memory (estimated, hook (peak RSS))",
    );
  });

  it("says that no meter saw the epoch instead of printing 0 kWh", () => {
    const s = section([cgroup([[0.35, 1]])]);
    expect(s.measurement).toMatchObject({
      status: "measured",
      energyMeasured: false,
      reason: "the measured epoch (0.40 s) was shorter than any meter could see",
    });
    const text = renderCarbonText(s);
    expect(text.split("\n")[0]).toBe(
      "Energy not measured: the measured epoch (0.40 s) was shorter than any meter could see",
    );
    expect(text).toContain(
      "Predicted consumption for 10 epoch(s):\n  Time:   0:00:04\n  Energy: not measured\n  CO2eq:  not measured\n",
    );
    expect(text).not.toMatch(/ 0 kWh/);
  });

  it("names the missing meters when nothing could read the run at all", () => {
    expect(section([]).measurement!.reason).toBe(
      "no meter could read the measured epoch (0.40 s): no cgroup or process tree was visible and the hook recorded no CPU time",
    );
  });
});
