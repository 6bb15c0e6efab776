// The one adapter from a carbon section (one shape for every basis) to a team's cost, on hand-made
// sections: a complete measurement, a measured prediction, a static estimate, a given figure.
import { describe, expect, it } from "vitest";
import { teamCost, type CarbonCosts as CarbonSection } from "../../src/batch/team-cost.js";
import type { Consumption, Measurement, Prediction } from "../../src/model/carbon.js";

const use = (seconds: number, energyKWh: number, co2g: number, epochs = 1): Consumption => ({
  epochs,
  seconds,
  energyKWh,
  co2g,
  kmByCar: co2g / 107.5,
});
const measurement = (complete: boolean, status: Measurement["status"] = "measured"): Measurement => ({
  runtime: "container",
  status,
  energyMeasured: true,
  complete,
  actual: {
    ...use(12, 0.002, 0.96, complete ? 5 : 1),
    batches: 40,
    idleWatts: 4.2,
    setupSeconds: 1.5,
    warmupSeconds: null,
    boundaries: "hook",
  },
  meters: [],
});
const prediction = (basis: Prediction["basis"]): Prediction => ({
  basis,
  ...(basis === "measured" ? { from: "epochs" as const } : {}),
  epochs: 30,
  runs: 5,
  total: use(36_000, 12.5, 6012.5, 30),
  interval: { low: use(30_000, 10, 4810, 30), high: use(42_000, 15, 7215, 30) },
  factors: [
    {
      name: "forward GFLOPs per image",
      value: 4.1,
      unit: "GMAC",
      origin: "table",
      source: "data/model-flops.json resnet50 @224",
    },
    {
      name: "images per epoch",
      value: 6334,
      unit: "images",
      origin: "code",
      source: "train.csv rows",
      low: 6000,
      high: 7000,
    },
  ],
});
const given = { co2g: 5752, kwh: 11.9, source: "published per-model measurement" };

describe("teamCost", () => {
  it("takes a complete measurement as the whole training, with no interval", () => {
    const section: CarbonSection = { measurement: measurement(true), prediction: null };
    expect(teamCost(section, given)).toEqual({
      basis: "measured",
      co2g: 0.96,
      kwh: 0.002,
      seconds: 12,
      interval: null,
      source: "measured here: the whole training (5 epochs, container)",
    });
  });

  it("takes a measured prediction before a given figure, with its interval", () => {
    const section: CarbonSection = { measurement: measurement(false), prediction: prediction("measured") };
    expect(teamCost(section, given)).toEqual({
      basis: "measured",
      co2g: 6012.5,
      kwh: 12.5,
      seconds: 36_000,
      interval: { low: 4810, high: 7215 },
      source: "measured here: measured epochs extrapolated to 30 epochs x 5 runs",
    });
  });

  it("takes the leaderboard's given figure before a static estimate", () => {
    const section: CarbonSection = { prediction: prediction("estimated") };
    expect(teamCost(section, given)).toEqual({
      basis: "given",
      co2g: 5752,
      kwh: 11.9,
      seconds: null,
      interval: null,
      source: "leaderboard co2g: published per-model measurement",
    });
  });

  it("takes the static estimate when nothing else is known, saying how many factors were guessed", () => {
    const section: CarbonSection = { measurement: measurement(false, "failed"), prediction: prediction("estimated") };
    expect(teamCost(section, null)).toEqual({
      basis: "estimated",
      co2g: 6012.5,
      kwh: 12.5,
      seconds: 36_000,
      interval: { low: 4810, high: 7215 },
      source: "static estimate: 30 epochs x 5 runs from 2 factors (1 guessed)",
    });
  });

  it("reads the sum of the plan's trainings, and says how many were costed from the code and how many guessed", () => {
    const row = (label: string, co2g: number, guessed: string[]) => ({
      label,
      role: "training" as const,
      architecture: "timm/resnet50",
      inputSize: 512,
      batchSize: 16,
      images: 6334,
      epochs: 30,
      runs: 5,
      total: use(18_000, co2g / 481, co2g, 150),
      interval: { low: use(9000, 0, co2g / 2, 150), high: use(36_000, 0, co2g * 2, 150) },
      sources: ["run.sh:2"],
      guessed,
    });
    const p: Prediction = {
      ...prediction("estimated"),
      total: use(36_000, 12.5, 6012.5, 300),
      trainings: [row("step 2 train.py", 3006.25, []), row("step 3 train.py", 3006.25, ["epochs"])],
      coverage: { basis: "rerun-plan", trainings: 2, fromCode: 1, guessed: 1, widening: 3, note: "n" },
    };
    expect(teamCost({ prediction: p }, null)).toEqual({
      basis: "estimated",
      co2g: 6012.5,
      kwh: 12.5,
      seconds: 36_000,
      interval: { low: 4810, high: 7215 },
      source:
        "static estimate: the sum of the rerun plan's 2 trainings (1 costed from the code, 1 with guessed inputs), 300 epochs in all, from 2 factors (1 guessed)",
    });
    const single = {
      ...p,
      trainings: [p.trainings![0]!],
      coverage: { ...p.coverage!, basis: "single-training" as const, trainings: 1, fromCode: 1, guessed: 0 },
    };
    expect(teamCost({ prediction: single }, null)!.source).toBe(
      "static estimate: one training found in the code (the rerun plan names no training it could cost), 30 epochs x 5 runs from 2 factors (1 guessed)",
    );
  });

  it("knows no cost without a prediction or a given figure, and ignores a measurement whose energy was not seen", () => {
    expect(teamCost(undefined, null)).toBeNull();
    expect(
      teamCost({ measurement: { ...measurement(true), energyMeasured: false }, prediction: null }, null),
    ).toBeNull();
  });
});
