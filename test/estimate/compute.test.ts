import { describe, expect, it } from "vitest";
import { estimate, draw, type EstimateInput, type RunGroup } from "../../src/estimate/compute.js";
import type { CalibrationEntry } from "../../src/estimate/calibration.js";
import type { FlopsRow } from "../../src/estimate/flops-table.js";
import { gpuTable, pickDevice } from "../../src/carbon/gpu-table.js";
import { DEFAULT_IMAGES } from "../../src/estimate/inventory.js";

// ResNet-50 as fvcore counts it: 4,111,512,576 MACs at 224 px, of which the 2048 x 1000 classifier is fixed.
const RESNET50: FlopsRow = {
  library: "timm",
  name: "resnet50",
  family: "resnet",
  params: 25557032,
  resolution: [224, 224],
  macs: 4111512576,
  second: { resolution: [352, 352], macs: 10149909504 },
  scaling: { kind: "pixels", fixed: 2048000, perPixel: 81901 },
};

function group(overrides: Partial<RunGroup> = {}): RunGroup {
  return {
    label: "timm/resnet50",
    architecture: { value: "timm/resnet50", origin: "code", source: "train.py:10 create_model (resnet50)" },
    row: RESNET50,
    inputSize: { value: [224, 224], origin: "code", source: "train.py:3 argparse default --img-size (224)" },
    images: { value: 10_000, origin: "code", source: "data/train.csv: 10000 rows" },
    epochs: { value: 10, origin: "code", source: "README.md line 9 (--epochs 10)" },
    runs: { value: 1, origin: "default", source: "1 fold(s) from default, 1 seed(s) from default" },
    precision: { value: "mixed", origin: "code", source: "train.py:20 call (autocast)", guessed: false },
    passes: { value: 3, origin: "default", source: "forward + backward" },
    ...overrides,
  };
}

function input(groups: RunGroup[], overrides: Partial<EstimateInput> = {}): EstimateInput {
  return {
    groups,
    device: pickDevice("a100-40gb"),
    gpus: gpuTable(),
    calibration: [],
    calibrationFile: "/tmp/calibration.json",
    cpuModel: "Test CPU",
    pue: { value: 1.58, origin: "default", source: "default" },
    intensity: { value: 481, origin: "table", source: "Ember 2023 WORLD" },
    gCO2PerKm: 107.5,
    flopsSource: "data/model-flops.json",
    ...overrides,
  };
}

describe("the compute model", () => {
  it("costs ResNet-50 at 224 px on an A100 40GB in mixed precision as computed by hand", () => {
    const { prediction } = estimate(input([group()]));
    // FLOPs = 2 x 4,111,512,576 x 3 x 10,000 images x 10 epochs = 2.4669e15.
    // Time = FLOPs / (312 TFLOPS x 0.13) = 60.82 s. Draw = 400 W x (0.3 + 0.7 x 0.13 / 0.195) = 306.67 W.
    const seconds = (2 * 4111512576 * 3 * 1e5) / (312e12 * 0.13);
    const joules = 400 * (0.3 + 0.7 * (0.13 / 0.195)) * seconds;
    expect(seconds).toBeCloseTo(60.82, 2);
    expect(prediction!.basis).toBe("estimated");
    expect(prediction!.total.seconds).toBeCloseTo(seconds, 6);
    expect(prediction!.total.energyKWh).toBeCloseTo((joules / 3.6e6) * 1.58, 9);
    expect(prediction!.total.co2g).toBeCloseTo((joules / 3.6e6) * 1.58 * 481, 6);
    expect(prediction!.total.kmByCar).toBeCloseTo(((joules / 3.6e6) * 1.58 * 481) / 107.5, 6);
    expect(prediction!.total.epochs).toBe(10);
    expect(prediction!.perEpoch!.seconds).toBeCloseTo(seconds / 10, 6);
    const names = prediction!.factors.map((f) => [f.name, f.value, f.origin]);
    expect(names).toEqual([
      ["forward GMACs per image", 4.112, "table"],
      ["input size", 224, "code"],
      ["images per epoch", 10000, "code"],
      ["epochs", 10, "code"],
      ["runs", 1, "default"],
      ["passes per image", 3, "default"],
      ["training compute", 2.467, "estimated"],
      ["peak throughput", 312, "table"],
      ["utilisation", 0.13, "default"],
      ["board power", 400, "table"],
      ["static share of board power", 0.3, "default"],
      ["PUE", 1.58, "default"],
      ["carbon intensity", 481, "table"],
    ]);
  });

  it("runs fp32 convolutions at TF32 on an A100 and at FP32 on a V100; mixed precision needs tensor cores", () => {
    const fp32 = group({ precision: { value: "fp32", origin: "code", source: "precision=32", guessed: false } });
    const a100 = estimate(input([fp32])).prediction!;
    expect(a100.factors.find((f) => f.name === "peak throughput")).toMatchObject({
      value: 156,
      unit: "TFLOPS (tf32, dense)",
    });
    expect(a100.total.seconds).toBeCloseTo((2 * 4111512576 * 3 * 1e5) / (156e12 * 0.1), 6);
    const v100 = estimate(input([fp32], { device: pickDevice("v100") })).prediction!;
    expect(v100.factors.find((f) => f.name === "peak throughput")).toMatchObject({
      value: 15.7,
      unit: "TFLOPS (fp32, dense)",
    });
    const p100 = estimate(input([group()], { device: pickDevice("p100") })).prediction!;
    expect(p100.factors.find((f) => f.name === "peak throughput")).toMatchObject({
      value: 9.3,
      unit: "TFLOPS (fp32, dense)",
    });
  });

  it("scales forward cost with the input's pixels", () => {
    const at448 = estimate(
      input([group({ inputSize: { value: [448, 448], origin: "code", source: "x" } })]),
    ).prediction!;
    const at224 = estimate(input([group()])).prediction!;
    // Every conv scales with pixels (x4); the 2,048,000-MAC classifier does not.
    const ratio = (4 * (4111512576 - 2048000) + 2048000) / 4111512576;
    expect(at448.total.seconds / at224.total.seconds).toBeCloseTo(ratio, 9);
    expect(at448.factors[0]!.source).toContain("scaled to 448x448 by pixels");
  });

  it("widens the interval with every guessed input", () => {
    const width = (g: RunGroup) => {
      const p = estimate(input([g])).prediction!;
      return p.interval.high.seconds / p.interval.low.seconds;
    };
    const known = width(group());
    const guessedImages = width(group({ images: { ...DEFAULT_IMAGES, origin: "default", source: "no dataset size" } }));
    const guessedSize = width(
      group({
        inputSize: { value: [224, 224], origin: "table", source: "reference", low: [168, 168], high: [448, 448] },
      }),
    );
    const guessedPrecision = width(
      group({ precision: { value: "fp32", origin: "default", source: "none found", guessed: true } }),
    );
    const guessedAll = width(
      group({
        images: { ...DEFAULT_IMAGES, origin: "default", source: "no dataset size" },
        inputSize: { value: [224, 224], origin: "table", source: "reference", low: [168, 168], high: [448, 448] },
        passes: { value: 2, low: 1.2, high: 3, origin: "code", source: "frozen" },
      }),
    );
    expect(known).toBeGreaterThan(1); // utilisation alone is a guess
    for (const w of [guessedImages, guessedSize, guessedPrecision]) expect(w).toBeGreaterThan(known);
    expect(guessedAll).toBeGreaterThan(Math.max(guessedImages, guessedSize));
    const p = estimate(input([group()])).prediction!;
    expect(p.interval.low.seconds).toBeLessThan(p.total.seconds);
    expect(p.interval.high.seconds).toBeGreaterThan(p.total.seconds);
    expect(p.interval.low.energyKWh).toBeLessThan(p.total.energyKWh);
  });

  it("uses a measured throughput for the same architecture on the device instead of the table's utilisation", () => {
    const entry: CalibrationEntry = {
      architecture: "timm/resnet50",
      inputSize: [224, 224],
      device: "a100-40gb",
      deviceName: "NVIDIA A100-SXM4-40GB",
      precision: "mixed",
      imagesPerSecond: 2000,
      joulesPerImage: 0.15,
      measuredAt: "2026-05-01T10:00:00.000Z",
      source: "repo@abc python train.py",
    };
    const p = estimate(input([group()], { calibration: [entry] })).prediction!;
    expect(p.total.seconds).toBeCloseTo(1e5 / 2000, 9);
    expect(p.total.energyKWh).toBeCloseTo(((0.15 * 1e5) / 3.6e6) * 1.58, 12);
    expect(p.factors.find((f) => f.name === "measured throughput")).toMatchObject({ value: 2000, origin: "measured" });
    expect(p.factors.find((f) => f.name === "measured throughput")!.source).toContain(
      "replaces the table's utilisation",
    );
    expect(p.factors.some((f) => f.name === "utilisation")).toBe(false);
    // Another precision on a GPU is another throughput: not used.
    const fp32 = estimate(
      input([group({ precision: { value: "fp32", origin: "code", source: "x", guessed: false } })], {
        calibration: [entry],
      }),
    ).prediction!;
    expect(fp32.factors.some((f) => f.name === "measured throughput")).toBe(false);
  });

  it("costs on this CPU only from a throughput measured on it", () => {
    const cpu = pickDevice("cpu");
    expect(estimate(input([group()], { device: cpu }))).toEqual({
      prediction: null,
      reason: expect.stringContaining("no throughput of timm/resnet50 was measured on this CPU (Test CPU)"),
    });
    const entry: CalibrationEntry = {
      architecture: "timm/resnet50",
      inputSize: [112, 112],
      device: "cpu",
      deviceName: "Test CPU",
      precision: "fp32",
      imagesPerSecond: 20,
      joulesPerImage: 3,
      measuredAt: "2026-05-01T10:00:00.000Z",
      source: "bench",
    };
    const p = estimate(
      input([group()], {
        device: cpu,
        calibration: [entry, { ...entry, deviceName: "Other CPU", imagesPerSecond: 1 }],
      }),
    ).prediction!;
    const scale = 4111512576 / (2048000 + 81901 * 112 * 112);
    expect(p.total.seconds).toBeCloseTo((1e5 / 20) * scale, 6);
    expect(p.total.energyKWh).toBeCloseTo(((3 * 1e5 * scale) / 3.6e6) * 1.58, 9);
    expect(p.factors.some((f) => f.name === "board power")).toBe(false);
  });

  it("sums an ensemble's trainings and names each factor by its training", () => {
    const b = group({
      label: "timm/resnet50 (configs/b.py)",
      epochs: { value: 5, origin: "code", source: "configs/b.py:3" },
    });
    const p = estimate(input([group({ label: "timm/resnet50 (configs/a.py)" }), b])).prediction!;
    const one = estimate(input([group()])).prediction!;
    expect(p.total.seconds).toBeCloseTo(one.total.seconds * 1.5, 6);
    expect(p.total.epochs).toBe(15);
    expect(p.runs).toBe(2);
    expect(p.epochs).toBe(7.5); // the mean of 10 and 5 epochs per run
    expect(p.perEpoch).toBeUndefined();
    expect(p.factors.filter((f) => f.name.endsWith("epochs")).map((f) => f.name)).toEqual([
      "timm/resnet50 (configs/a.py): epochs",
      "timm/resnet50 (configs/b.py): epochs",
    ]);
  });

  it("has nothing to cost without an architecture", () => {
    expect(estimate(input([]))).toEqual({
      prediction: null,
      reason: "no architecture of the FLOPs table was found in the training code",
    });
  });

  it("draws the static share when idle and full board power from the tuned utilisation up", () => {
    expect(draw(0, 0.195, 0.3)).toBe(0.3);
    expect(draw(0.195, 0.195, 0.3)).toBe(1);
    expect(draw(0.5, 0.195, 0.3)).toBe(1);
  });
});
