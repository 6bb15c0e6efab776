import { describe, expect, it } from "vitest";
import type { CarbonSection } from "../../src/model/carbon.js";
import { formatDuration, formatNumber, renderCarbonText } from "../../src/measure/render.js";
import { buildSection } from "../../src/measure/section.js";
import type { EpochSpan } from "../../src/measure/boundaries.js";
import { planFor } from "./support.js";

const WORLD = { gPerKWh: 481, region: "WORLD", source: "Ember", year: 2023 };
const CPU = { model: "Intel(R) Xeon(R) Processor", tdpWatts: null, wattsPerThread: 12, source: "default" };

function measuredSection(): CarbonSection {
  // 10 s start-up then one epoch of 20 batches x 3 s = 60 s, at a steady 200 W (GPU) + 30 W (CPU).
  const span: EpochSpan = { epoch: 1, start: 10, end: 70, batches: Array.from({ length: 20 }, (_, i) => ({ t: 13 + 3 * i, count: i + 1 })), batchesPerEpoch: 20 };
  const flat = (watts: number) => ({ unix: 0, watts });
  return buildSection({
    plan: planFor("python train.py", 30, 5), runtime: "container",
    outcome: { status: "completed", reason: "stopped after the measured part" },
    spans: [span], boundaries: "hook", runStartUnix: 1000, runEndUnix: 1070,
    series: [
      { meter: "nvidia-smi", kind: "measured", component: "gpu", scope: "GPU 0", samples: [{ ...flat(60), unix: 999 }, { ...flat(200), unix: 1000 }, { ...flat(200), unix: 1070 }] },
      { meter: "cpu-share-tdp", kind: "estimated", component: "cpu", scope: "container cgroup", samples: [{ ...flat(30), unix: 1000 }, { ...flat(30), unix: 1070 }] },
    ],
    pue: 1.58, intensity: WORLD, cpu: CPU,
  });
}

describe("carbon text", () => {
  it("formats durations and numbers", () => {
    expect(formatDuration(3725.4)).toBe("1:02:05");
    expect(formatNumber(0.000123456)).toBe("0.000123");
    expect(formatNumber(12.345)).toBe("12.35");
    expect(formatNumber(1234.5)).toBe("1235");
  });

  it("prints the actual and predicted blocks CarbonTracker-style", () => {
    // By hand: 230 W x 70 s x PUE 1.58 = 0.00707 kWh; per run 10 s + 30 x 60 s = 1810 s, x 5 runs = 9050 s,
    // 230 W x 9050 s x 1.58 = 0.914 kWh, x 481 g = 439 g, / 107.5 g/km = 4.09 km.
    const section = measuredSection();
    expect(section.measured).toMatchObject({ epochs: 1, seconds: 70, setupSeconds: 10, idleWatts: 60, batches: 20 });
    expect(renderCarbonText(section)).toBe(
      [
        "Actual consumption for 1 epoch(s):",
        "  Time:   0:01:10",
        "  Energy: 0.00707 kWh",
        "  CO2eq:  3.40 g",
        "  This is equivalent to:",
        "  0.0316 km travelled by car",
        "Predicted consumption for 150 epoch(s) (5 runs of 30):",
        "  Time:   2:30:50",
        "  Energy: 0.914 kWh",
        "  CO2eq:  439 g",
        "  This is equivalent to:",
        "  4.09 km travelled by car",
        "  Basis: measured epoch(s), epochs from flag --epochs, 0:00:10 start-up, 0 s warm-up",
        "  Meters: nvidia-smi (measured, GPU 0), cpu-share-tdp (estimated, container cgroup); idle 60.00 W apart",
        "  Assumptions: PUE 1.58; 481 g CO2eq/kWh (WORLD, Ember 2023); 107.5 g CO2/km by car",
        "",
      ].join("\n"),
    );
  });

  it("says why when the run stopped early", () => {
    const section = { ...measuredSection(), status: "stopped" as const, reason: "the program could not open /data/x.csv" };
    expect(renderCarbonText(section).split("\n")[0]).toBe("Epoch run stopped: the program could not open /data/x.csv");
    expect(renderCarbonText(section)).not.toContain("Predicted");
  });
});
