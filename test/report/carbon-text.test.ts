import { describe, expect, it } from "vitest";
import type { CarbonSection, Prediction } from "../../src/model/carbon.js";
import { renderCarbonText } from "../../src/report/carbon-text.js";
import { clock, num } from "../../src/report/format.js";
import { buildSection } from "../../src/measure/section.js";
import type { EpochSpan } from "../../src/measure/boundaries.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { sourced } from "../../src/model/sourced.js";
import { planFor } from "../measure/support.js";
import { intensityTable } from "../../src/carbon/intensity.js";

const EMBER = `${intensityTable().source} 2023`;

const ASSUMPTIONS = carbonAssumptions({ pue: sourced(1.58, "default", "default") });
const CPU = {
  model: "Intel(R) Xeon(R) Processor",
  tdpWatts: null,
  wattsPerThread: 12,
  source: "default 12 W per thread",
  fallback: "default (no model number in 'Intel(R) Xeon(R) Processor')",
};

function measuredSection(epochs = 30, runs = 5): CarbonSection {
  // 10 s start-up then one epoch of 20 batches x 3 s = 60 s, at a steady 200 W (GPU) + 30 W (CPU).
  const span: EpochSpan = {
    epoch: 1,
    start: 10,
    end: 70,
    batches: Array.from({ length: 20 }, (_, i) => ({ t: 13 + 3 * i, count: i + 1 })),
    batchesPerEpoch: 20,
  };
  const flat = (watts: number) => ({ unix: 0, watts });
  return buildSection({
    plan: planFor("python train.py", epochs, runs),
    runtime: "container",
    outcome: { status: "completed", reason: "stopped after the measured part" },
    spans: [span],
    boundaries: "hook",
    runStartUnix: 1000,
    runEndUnix: 1070,
    series: [
      {
        meter: "nvidia-smi",
        kind: "measured",
        component: "gpu",
        scope: "GPU 0",
        samples: [
          { ...flat(60), unix: 999 },
          { ...flat(200), unix: 1000 },
          { ...flat(200), unix: 1070 },
        ],
      },
      {
        meter: "cpu-share-tdp",
        kind: "estimated",
        component: "cpu",
        scope: "container cgroup",
        samples: [
          { ...flat(30), unix: 1000 },
          { ...flat(30), unix: 1070 },
        ],
      },
    ],
    assumptions: ASSUMPTIONS,
    cpu: CPU,
    idleSeconds: 1,
  });
}

describe("carbon text", () => {
  it("formats clock times and numbers", () => {
    expect(clock(3725.4)).toBe("1:02:05");
    expect(num(0.000123456)).toBe("0.000123");
    expect(num(12.345)).toBe("12.3");
    expect(num(1234.5)).toBe("1235");
  });

  it("prints the actual and predicted blocks CarbonTracker-style", () => {
    // By hand: 230 W x 70 s x PUE 1.58 = 0.00707 kWh; per run 10 s + 30 x 60 s = 1810 s, x 5 runs = 9050 s,
    // 230 W x 9050 s x 1.58 = 0.914 kWh, x 481 g = 439 g, / 107.5 g/km = 4.09 km.
    const section = measuredSection();
    expect(section.measurement!.actual).toMatchObject({
      epochs: 1,
      seconds: 70,
      setupSeconds: 10,
      idleWatts: 60,
      batches: 20,
    });
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
        "  Basis: measured epoch(s), epochs from --epochs, 0:00:10 start-up, 0 s warm-up",
        "  Meters: nvidia-smi (measured, GPU 0), cpu-share-tdp (estimated, container cgroup); idle 60 W apart",
        "  CPU power: 12 W per busy thread for Intel(R) Xeon(R) Processor (fallback: default (no model number in 'Intel(R) Xeon(R) Processor'); default 12 W per thread)",
        "  Boundaries: hook",
        `  Assumptions: PUE 1.58 (default); 481 g CO2eq/kWh (${EMBER}, WORLD, the table's default); 107.5 g CO2/km by car`,
        "",
      ].join("\n"),
    );
  });

  it("shows only the actual block when every epoch of the plan was measured", () => {
    const section = measuredSection(1, 1);
    expect(section.measurement!.complete).toBe(true);
    expect(section.prediction).toBeNull();
    const text = renderCarbonText(section);
    expect(text).toContain(
      "Actual consumption for 1 epoch(s) (the whole training: every epoch of the plan was measured):",
    );
    expect(text).not.toContain("Predicted");
  });

  it("says idle power was not sampled instead of printing 0 W", () => {
    const section = measuredSection();
    section.measurement!.actual.idleWatts = null;
    expect(renderCarbonText(section)).toContain("; idle power not sampled");
  });

  it("says why when the run stopped early", () => {
    const section = measuredSection();
    section.measurement = {
      ...section.measurement!,
      status: "stopped",
      reason: "the program could not open /data/x.csv",
    };
    section.prediction = null;
    expect(renderCarbonText(section).split("\n")[0]).toBe("Epoch run stopped: the program could not open /data/x.csv");
    expect(renderCarbonText(section)).not.toContain("Predicted");
  });

  it("prints an estimate with every factor and where it came from", () => {
    const c = (seconds: number, energyKWh: number) => ({
      epochs: 30,
      seconds,
      energyKWh,
      co2g: energyKWh * 481,
      kmByCar: (energyKWh * 481) / 107.5,
    });
    const prediction: Prediction = {
      basis: "estimated",
      epochs: 30,
      runs: 1,
      total: c(3600, 0.5),
      interval: { low: c(1800, 0.25), high: c(7200, 1) },
      factors: [
        {
          name: "forward cost per image",
          value: 4.1,
          unit: "GMAC",
          origin: "table",
          source: "data/model-flops.json resnet50 @224",
        },
        { name: "utilisation", value: 0.4, unit: "", origin: "default", source: "default", low: 0.2, high: 0.6 },
      ],
    };
    const text = renderCarbonText({ plan: planFor("python train.py", 30), prediction, assumptions: ASSUMPTIONS });
    expect(text).toContain(
      "Estimated consumption for 30 epoch(s):\n  Time:   1:00:00 (0:30:00 to 2:00:00)\n  Energy: 0.5 kWh (0.25 to 1)\n  CO2eq:  241 g (120 to 481)\n",
    );
    expect(text).toContain(
      "  Basis: estimated from the code (no epoch measured); it rests on:\n    forward cost per image: 4.10 GMAC, table: data/model-flops.json resnet50 @224\n    utilisation: 0.4 (0.2 to 0.6), default\n",
    );
    expect(text).not.toContain("Meters:");
  });

  it("lists the trainings an estimate sums, each with its figure, interval, sources and guesses, then the sum", () => {
    const c = (epochs: number, seconds: number, co2g: number) => ({
      epochs,
      seconds,
      energyKWh: co2g / 481,
      co2g,
      kmByCar: co2g / 107.5,
    });
    const prediction: Prediction = {
      basis: "estimated",
      epochs: 42.5,
      runs: 6,
      total: c(310, 7200, 962),
      interval: { low: c(310, 2400, 320), high: c(310, 21600, 2890) },
      factors: [],
      trainings: [
        {
          label: "step 2 train.py",
          role: "training",
          architecture: "timm/tf_efficientnet_b0",
          inputSize: 512,
          batchSize: 16,
          images: 400,
          epochs: 30,
          runs: 5,
          total: c(150, 3600, 481),
          interval: { low: c(150, 1800, 240), high: c(150, 7200, 962) },
          sources: ["run.sh:2", "run.sh:1"],
          guessed: [],
        },
        {
          label: "step 3 yolov5/train.py",
          role: "pseudo-label",
          architecture: "ultralytics/yolov5x",
          inputSize: 1024,
          batchSize: null,
          images: 400,
          epochs: 160,
          runs: 1,
          total: c(160, 3600, 481),
          interval: { low: c(160, 1200, 160), high: c(160, 10800, 1443) },
          sources: ["run.sh:4"],
          guessed: ["epochs"],
        },
      ],
      coverage: {
        basis: "rerun-plan",
        trainings: 2,
        fromCode: 1,
        guessed: 1,
        widening: 3,
        note: "Static estimate: each of the rerun plan's 2 training step(s) costed as a training of its own.",
      },
    };
    const text = renderCarbonText({ plan: planFor("bash run.sh", 30), prediction, assumptions: ASSUMPTIONS });
    expect(text).toContain(
      [
        "  Trainings costed: 2 (1 from the code, 1 with guessed inputs; a guessed count, epochs or model moves its training 3x each way)",
        "    step 2 train.py (training): timm/tf_efficientnet_b0 @512 px, batch 16, 400 images x 30 epochs x 5 runs: 1:00:00, 1 kWh, 481 g (240 g to 962 g); from run.sh:2, run.sh:1",
        "    step 3 yolov5/train.py (pseudo-label): ultralytics/yolov5x @1024 px, 400 images x 160 epochs x 1 run: 1:00:00, 1 kWh, 481 g (160 g to 1443 g); from run.sh:4; guessed: epochs",
        "    Sum: 2:00:00, 2 kWh, 962 g (320 g to 2890 g)",
        "  Note: Static estimate: each of the rerun plan's 2 training step(s) costed as a training of its own.",
      ].join("\n"),
    );
  });

  it("says what a prediction from batches of one epoch cannot see", () => {
    // 10 s start-up, then 5 of the epoch's 20 batches at 3 s each; the run stopped there.
    const span: EpochSpan = {
      epoch: 1,
      start: 10,
      end: null,
      batches: Array.from({ length: 5 }, (_, i) => ({ t: 13 + 3 * i, count: i + 1 })),
      batchesPerEpoch: 20,
    };
    const section = buildSection({
      plan: planFor("python train.py", 30, 1),
      runtime: "container",
      outcome: { status: "completed", reason: "stopped after the measured part" },
      spans: [span],
      boundaries: "hook",
      runStartUnix: 1000,
      runEndUnix: 1025,
      series: [
        {
          meter: "cpu-share-tdp",
          kind: "estimated",
          component: "cpu",
          scope: "container cgroup",
          samples: [
            { unix: 1000, watts: 30 },
            { unix: 1025, watts: 30 },
          ],
        },
      ],
      assumptions: ASSUMPTIONS,
      cpu: CPU,
      idleSeconds: 1,
    });
    expect(section.prediction!.from).toBe("batches");
    const text = renderCarbonText(section);
    expect(text).toContain("Basis: 5 batches of one epoch");
    expect(text).toContain("Not in it: what runs after an epoch's last batch (validation, checkpoints)");
    expect(renderCarbonText(measuredSection())).not.toContain("Not in it");
  });
});
