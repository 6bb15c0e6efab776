import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { inferTrainPlan } from "../../src/config/train-plan.js";
import { readCalibration } from "../../src/estimate/calibration.js";
import { estimateTraining as estimateFromCode } from "../../src/estimate/index.js";
import { estimateStep, type EstimateStep } from "../../src/estimate/stage.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { extractFacts } from "../../src/extract/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import type { CarbonSection, Measurement } from "../../src/model/carbon.js";
import { sourced } from "../../src/model/sourced.js";
import { sampleDir } from "../support/sample-repo.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import type { FactRecord } from "../../src/model/facts.js";
import { reportProblems } from "../../src/report/validate.js";
import { sampleReport } from "../report/fixtures.js";

let dir = "";
const saved = process.env.REPRO_AUDIT_CALIBRATION;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "estimate-stage-"));
  process.env.REPRO_AUDIT_CALIBRATION = join(dir, "calibration.json");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env.REPRO_AUDIT_CALIBRATION = saved;
});

const settings: EstimateStep["settings"] = {
  gpuModel: sourced("a100-40gb", "default", "default"),
  datasetSize: null,
  pue: sourced(1.58, "default", "default"),
  region: null,
  intensity: null,
};
const repo = { url: "/samples/train-torch", kind: "git" as const, commit: "0123456789abcdef", ref: null, branches: [] };

async function trainTorch() {
  const facts = await extractFacts(await walkRepo(`${sampleDir("train-torch")}repo`), STATIC_EXTRACTORS, {
    branches: null,
  });
  return { facts, plan: inferTrainPlan({ facts }).plan };
}

/** A fully measured one-epoch CPU run: 10 s start-up, a 40 s epoch, 0.002 kWh with PUE. */
function measured(plan: CarbonSection["plan"]): CarbonSection {
  const actual: Measurement["actual"] = {
    epochs: 1,
    seconds: 50,
    energyKWh: 0.002,
    co2g: 0.96,
    kmByCar: 0.009,
    batches: 10,
    idleWatts: null,
    setupSeconds: 10,
    warmupSeconds: null,
    boundaries: "hook",
  };
  const meters = [
    {
      meter: "cpu-share-tdp",
      kind: "estimated" as const,
      component: "cpu" as const,
      samples: [],
      energyKWh: 0.002 / 1.58,
    },
  ];
  return {
    plan,
    prediction: null,
    measurement: { runtime: "host", status: "measured", energyMeasured: true, complete: true, actual, meters },
    assumptions: {
      ...carbonAssumptions({ pue: sourced(1.58, "default", "default") }),
      cpu: { model: "Test CPU 9000", tdpWatts: 100, wattsPerThread: 5, source: "test", fallback: null },
    },
  };
}

describe("the estimate step", () => {
  it("adds the estimated prediction to a static audit's carbon section", async () => {
    const { facts, plan } = await trainTorch();
    const notes: string[] = [];
    const carbon = await estimateStep({ carbon: undefined, plan, facts, settings, repo, notes });
    expect(carbon!.prediction!.basis).toBe("estimated");
    expect(carbon!.plan).toBe(plan);
    expect(carbon!.measurement).toBeUndefined();
    expect(carbon!.assumptions.pue.value).toBe(1.58);
    expect(notes).toEqual([]);
  });

  it("keeps a measured epoch's throughput, which a later estimate on that CPU uses instead of the table", async () => {
    const { facts, plan } = await trainTorch();
    const notes: string[] = [];
    const section = measured(plan!);
    expect(await estimateStep({ carbon: section, plan, facts, settings, repo, notes })).toBe(section); // the measurement stands
    const [entry] = (await readCalibration()).entries;
    // 320 images in the 40 s epoch; 40/50 of 0.002 kWh (start-up's share left out), without PUE, over 320 images.
    expect(entry).toMatchObject({
      architecture: "torchvision/resnet18",
      inputSize: [64, 64],
      device: "cpu",
      deviceName: "Test CPU 9000",
      precision: "fp32",
      imagesPerSecond: 8,
    });
    expect(entry!.joulesPerImage).toBeCloseTo((((0.002 * 0.8) / 1.58) * 3.6e6) / 320, 9);
    expect(entry!.source).toBe("/samples/train-torch@0123456789ab python train.py --epochs 3");
    expect(notes).toEqual([
      `Measured throughput of torchvision/resnet18 (8.00 images/s on Test CPU 9000) kept in ${join(dir, "calibration.json")} for later estimates.`,
    ]);

    // On a CPU of that model, the static estimate of 3 epochs is 3 x 320 images at 8 images/s.
    const later = await estimateTraining(facts, plan, "cpu", "Test CPU 9000");
    expect(later.prediction!.total.seconds).toBeCloseTo(120, 9);
    expect(later.prediction!.factors.find((f) => f.name === "measured throughput")).toMatchObject({
      value: 8,
      origin: "measured",
    });
    const elsewhere = await estimateTraining(facts, plan, "cpu", "Another CPU");
    expect(elsewhere.prediction).toBeNull();
  });

  it("keeps no GPU run unless the user named the GPU", async () => {
    const { facts, plan } = await trainTorch();
    const section = measured(plan!);
    section.measurement!.meters.push({
      meter: "nvidia-smi",
      kind: "measured",
      component: "gpu",
      samples: [],
      energyKWh: 0.001,
    });
    const notes: string[] = [];
    await estimateStep({ carbon: section, plan, facts, settings, repo, notes });
    expect((await readCalibration()).entries).toEqual([]);
    expect(notes).toEqual([
      "The measured epoch ran on a GPU: its throughput is kept for later estimates only when --gpu-model names that GPU.",
    ]);
    await estimateStep({
      carbon: section,
      plan,
      facts,
      settings: { ...settings, gpuModel: sourced("t4", "flag", "--gpu-model") },
      repo,
      notes: [],
    });
    expect((await readCalibration()).entries.map((e) => [e.device, e.deviceName])).toEqual([["t4", "t4"]]);
  });

  it("gives a section without a plan one that sums the rerun plan's trainings, and a report holding it validates", async () => {
    const facts = await extractFacts(
      memoryView({ "train.py": "import timm\nmodel = timm.create_model('resnet50')\n" }),
      STATIC_EXTRACTORS,
      { branches: null },
    );
    const step = (order: number, repeat: number, epochs: number | null): FactRecord => ({
      kind: "step",
      file: "run.sh",
      line: order,
      order,
      source: "shell",
      parent: null,
      command: "python train.py",
      tool: "python",
      program: "train.py",
      purpose: "train",
      repeat,
      repeatSource: repeat > 1 ? "run.sh:1" : null,
      configs: "",
      model: "resnet50",
      imageSize: 224,
      epochs,
      batchSize: 32,
      folds: null,
      trainingSource: null,
    });
    facts.families["rerun-plan"] = [step(2, 5, 30), step(3, 1, null)];
    const carbon = (await estimateStep({ carbon: undefined, plan: null, facts, settings, repo, notes: [] }))!;
    expect([carbon.plan.runs, carbon.plan.epochs.value, carbon.plan.epochs.origin]).toEqual([
      6,
      Number(((150 + 10) / 6).toPrecision(4)),
      "estimated",
    ]);
    expect(carbon.prediction!.trainings!.map((r) => [r.runs, r.epochs, r.guessed])).toEqual([
      [5, 30, ["images per epoch"]],
      [1, 10, ["images per epoch", "epochs"]],
    ]);
    const report = sampleReport();
    report.carbon = carbon;
    expect(reportProblems(report)).toEqual([]);
  });

  it("estimates a Kaggle kernel on the GPU its kernel-metadata.json asks for, unless the user names one", async () => {
    const kernel = async (gpu: boolean) =>
      extractFacts(
        memoryView({
          "train.py": "import timm\nmodel = timm.create_model('resnet50')\n",
          "kernel-metadata.json": `{"id": "a/b", "code_file": "train.py",\n "enable_gpu": ${gpu}}\n`,
        }),
        STATIC_EXTRACTORS,
        { branches: null },
      );
    const sourceOf = (c: CarbonSection | undefined) => JSON.stringify(c!.prediction);
    const notes: string[] = [];
    const asked = await estimateStep({
      carbon: undefined,
      plan: null,
      facts: await kernel(true),
      settings,
      repo,
      notes,
    });
    expect(sourceOf(asked)).toContain("data/gpu-models.json p100");
    expect(notes).toContain(
      "Static estimate on Kaggle's GPU (p100): kernel-metadata.json:2 asks for a GPU (enable_gpu); --gpu-model names another.",
    );
    const named = await estimateStep({
      carbon: undefined,
      plan: null,
      facts: await kernel(true),
      settings: { ...settings, gpuModel: sourced("h100", "flag", "--gpu-model") },
      repo,
      notes: [],
    });
    expect(sourceOf(named)).toContain("data/gpu-models.json h100");
    const cpuNotes: string[] = [];
    const none = await estimateStep({
      carbon: undefined,
      plan: null,
      facts: await kernel(false),
      settings,
      repo,
      notes: cpuNotes,
    });
    expect(sourceOf(none)).toContain("data/gpu-models.json a100-40gb");
    expect(cpuNotes).toContain(
      "kernel-metadata.json:2 runs the kernel without a GPU (enable_gpu: false): the estimate's GPU figure stands for hardware the kernel does not use.",
    );
  });

  it("says why there is no estimate where the code names no architecture", async () => {
    const facts = await extractFacts(await walkRepo(`${sampleDir("train-cpu")}repo`), STATIC_EXTRACTORS, {
      branches: null,
    });
    const notes: string[] = [];
    expect(
      await estimateStep({ carbon: undefined, plan: inferTrainPlan({ facts }).plan, facts, settings, repo, notes }),
    ).toBeUndefined();
    expect(notes).toEqual([
      "No carbon estimate from the code: no architecture of the FLOPs table was found in the training code.",
    ]);
  });
});

function estimateTraining(
  facts: Awaited<ReturnType<typeof trainTorch>>["facts"],
  plan: CarbonSection["plan"] | null,
  gpuModel: string,
  cpuModel: string,
) {
  return estimateFromCode({
    facts,
    plan,
    gpuModel,
    cpuModel,
    pue: sourced(1.58, "default", "default"),
    intensity: sourced(481, "table", "t"),
    gCO2PerKm: 107.5,
  });
}
