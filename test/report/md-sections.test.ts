// The carbon summary in Markdown: the static estimate's trainings as a table, with the sum and what they rest on.
import { describe, expect, it } from "vitest";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import type { Prediction } from "../../src/model/carbon.js";
import { sourced } from "../../src/model/sourced.js";
import { carbonMarkdown } from "../../src/report/md-sections.js";
import { planFor } from "../measure/support.js";

const c = (epochs: number, seconds: number, co2g: number) => ({
  epochs,
  seconds,
  energyKWh: co2g / 481,
  co2g,
  kmByCar: co2g / 107.5,
});

describe("carbonMarkdown", () => {
  it("tables the trainings an estimate sums, with their sources, what was guessed, and the sum", () => {
    const prediction: Prediction = {
      basis: "estimated",
      epochs: 42.5,
      runs: 6,
      total: c(310, 7200, 962),
      interval: { low: c(310, 2400, 320), high: c(310, 21600, 2890) },
      factors: [{ name: "PUE", value: 1.58, unit: "", origin: "default", source: "default" }],
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
          label: "step 3 <b>x</b>.py",
          role: "fine-tuning",
          architecture: "ultralytics/yolov5x",
          inputSize: 1024,
          batchSize: null,
          images: 400,
          epochs: 160,
          runs: 1,
          total: c(160, 3600, 481),
          interval: { low: c(160, 1200, 160), high: c(160, 10800, 1443) },
          sources: ["run.sh:4"],
          guessed: ["epochs", "model"],
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
    const md = carbonMarkdown({
      plan: planFor("bash run.sh", 30),
      prediction,
      assumptions: carbonAssumptions({ pue: sourced(1.58, "default", "default") }),
    }).join("\n");
    expect(md).toContain(
      [
        "Trainings costed: 2 (1 from the code, 1 with guessed inputs; a guessed count, epochs or model moves its training 3x each way). Static estimate: each of the rerun plan's 2 training step(s) costed as a training of its own.",
        "",
        "| Training | Role | Model | Size | Batch | Images x epochs x runs | Time | CO2eq | Interval | From | Guessed |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        "| step 2 train.py | training | timm/tf\\_efficientnet\\_b0 | 512 px | 16 | 400 x 30 x 5 | 1 h 00 min | 481 g | 240 g-962 g | run.sh:2, run.sh:1 | none |",
        "| step 3 &lt;b&gt;x&lt;/b&gt;.py | fine-tuning | ultralytics/yolov5x | 1024 px | ? | 400 x 160 x 1 | 1 h 00 min | 481 g | 160 g-1443 g | run.sh:4 | epochs, model |",
        "| **Sum** | | | | | | 2 h 00 min | **962 g** | 320 g-2890 g | | |",
      ].join("\n"),
    );
  });

  it("adds no trainings table to an estimate that lists none", () => {
    const prediction: Prediction = {
      basis: "estimated",
      epochs: 30,
      runs: 1,
      total: c(30, 3600, 481),
      interval: { low: c(30, 1800, 240), high: c(30, 7200, 962) },
      factors: [],
    };
    const md = carbonMarkdown({
      plan: planFor("python train.py", 30),
      prediction,
      assumptions: carbonAssumptions({ pue: sourced(1.58, "default", "default") }),
    }).join("\n");
    expect(md).not.toContain("Trainings costed");
  });
});
