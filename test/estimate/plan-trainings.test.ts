import { describe, expect, it } from "vitest";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { extractFacts } from "../../src/extract/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { estimateTraining } from "../../src/estimate/index.js";
import { estimate } from "../../src/estimate/compute.js";
import {
  DEFAULT_EPOCHS,
  GUESS_FACTOR,
  planInventory,
  roleOf,
  trainingSteps,
} from "../../src/estimate/plan-trainings.js";
import { flopsTable } from "../../src/estimate/flops-table.js";
import { gpuTable, pickDevice } from "../../src/carbon/gpu-table.js";
import type { FactRecord, Facts } from "../../src/model/facts.js";
import { sourced } from "../../src/model/sourced.js";

const table = flopsTable();

/** The fixture pipeline: the README runs `bash run.sh`, which trains 5 folds of train.py for 30 epochs, then YOLOv5x for 160. */
const FILES = {
  "README.md": "# solution\n\n```bash\nbash run.sh\n```\n",
  "run.sh":
    "for f in 0 1 2 3 4; do\n  python train.py --fold $f --epochs 30 --model tf_efficientnet_b0 --img 512 --batch 16\ndone\npython yolov5/train.py --cfg yolov5x.yaml --img 1024 --epochs 160 --batch 8\n",
  "train.py":
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=3)\np.add_argument('--fold', type=int, default=0)\n",
  "yolov5/train.py":
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=300)\n",
  "data/train.csv": "image,label\n" + "a.png,1\n".repeat(400),
};

/** Hand-made `rerun-plan` steps as its extractor records them (schemas/facts/rerun-plan.json). */
function step(fields: FactRecord): FactRecord {
  return {
    kind: "step",
    file: "README.md",
    line: 4,
    order: 1,
    source: "readme",
    parent: null,
    cwd: ".",
    command: "bash run.sh",
    tool: "bash",
    program: "run.sh",
    exists: true,
    purpose: "train",
    repeat: 1,
    repeatSource: null,
    args: "",
    rejected: null,
    configs: "",
    model: null,
    imageSize: null,
    epochs: null,
    batchSize: null,
    folds: null,
    trainingSource: null,
    ...fields,
  };
}

const FOLDS = step({
  file: "run.sh",
  line: 2,
  order: 2,
  source: "shell",
  parent: 1,
  command: "python train.py --fold $f --epochs 30 --model tf_efficientnet_b0 --img 512 --batch 16",
  tool: "python",
  program: "train.py",
  repeat: 5,
  repeatSource: "run.sh:1",
  model: "tf_efficientnet_b0",
  imageSize: 512,
  epochs: 30,
  batchSize: 16,
  trainingSource: "run.sh:2",
});
const YOLO = step({
  file: "run.sh",
  line: 4,
  order: 3,
  source: "shell",
  parent: 1,
  command: "python yolov5/train.py --cfg yolov5x.yaml --img 1024 --epochs 160 --batch 8",
  tool: "python",
  program: "yolov5/train.py",
  model: "yolov5x",
  imageSize: 1024,
  epochs: 160,
  batchSize: 8,
  trainingSource: "run.sh:4",
});

async function factsWith(plan: FactRecord[], files: Record<string, string> = FILES): Promise<Facts> {
  const facts = await extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
  facts.families["rerun-plan"] = plan;
  return facts;
}

const options = (facts: Facts) => ({
  facts,
  plan: null,
  gpuModel: "a100-40gb",
  pue: sourced(1.58, "default", "default"),
  intensity: sourced(481, "table", "world"),
  gCO2PerKm: 107.5,
  cpuModel: null,
  calibrationFile: "/nonexistent/repro-audit-calibration.json",
});

describe("the trainings of the rerun plan", () => {
  it("costs the fixture pipeline as 5 + 1 trainings with their own epochs, sizes and batches", async () => {
    const inv = planInventory({ facts: await factsWith([step({}), FOLDS, YOLO]), plan: null, table })!;
    expect(
      inv.groups.map((g) => [
        g.architecture.value,
        g.inputSize.value,
        g.epochs.value,
        g.runs.value,
        g.batchSize,
        g.images.value,
        g.role,
      ]),
    ).toEqual([
      ["timm/tf_efficientnet_b0", [512, 512], 30, 5, 16, 400, "training"],
      ["ultralytics/yolov5x", [1024, 1024], 160, 1, 8, 400, "training"],
    ]);
    expect(inv.groups[0]!.runs.source).toBe("5 from run.sh:1");
    expect(inv.groups[0]!.sources).toEqual(["run.sh:2", "run.sh:1"]);
    expect(inv.groups.map((g) => g.guessed)).toEqual([[], []]);
  });

  it("sums the rows into the total, each row with its own interval inside it", async () => {
    const outcome = await estimateTraining(options(await factsWith([step({}), FOLDS, YOLO])));
    const p = outcome.prediction!;
    const rows = p.trainings!;
    expect(rows.map((r) => [r.label, r.runs, r.epochs, r.total.epochs])).toEqual([
      ["step 2 train.py", 5, 30, 150],
      ["step 3 yolov5/train.py", 1, 160, 160],
    ]);
    expect(p.total.seconds).toBeCloseTo(rows[0]!.total.seconds + rows[1]!.total.seconds, 6);
    expect(p.total.co2g).toBeCloseTo(rows[0]!.total.co2g + rows[1]!.total.co2g, 6);
    for (const r of rows) {
      expect(r.interval.low.co2g).toBeLessThan(r.total.co2g);
      expect(r.interval.high.co2g).toBeGreaterThan(r.total.co2g);
    }
    // Each row costs what the same training costs alone: five folds of 30 epochs cost five times one.
    const one = await estimateTraining(
      options(await factsWith([{ ...FOLDS, parent: null, repeat: 1, repeatSource: null }])),
    );
    expect(rows[0]!.total.seconds).toBeCloseTo(one.prediction!.total.seconds * 5, 6);
    expect(p.coverage).toEqual({
      basis: "rerun-plan",
      trainings: 2,
      fromCode: 2,
      guessed: 0,
      widening: GUESS_FACTOR,
      note: "Static estimate: each of the rerun plan's 2 training step(s) costed as a training of its own.",
    });
  });

  it("names pretraining, pseudo-label rounds and fine-tuning as rows of their own", async () => {
    const steps = [
      { ...FOLDS, order: 2, command: "python pretrain.py --model tf_efficientnet_b0", program: "train.py", repeat: 1 },
      { ...FOLDS, order: 3, command: "python train.py --stage pseudo --model tf_efficientnet_b0", repeat: 1 },
      {
        ...FOLDS,
        order: 4,
        command: "python train.py --model tf_efficientnet_b0",
        configs: "configs/finetune_b0.yaml",
        repeat: 1,
      },
      { ...FOLDS, order: 5, command: "python train.py --model tf_efficientnet_b0", repeat: 1 },
    ];
    expect(steps.map(roleOf)).toEqual(["pretraining", "pseudo-label", "fine-tuning", "training"]);
    const rows = (await estimateTraining(options(await factsWith(steps)))).prediction!.trainings!;
    expect(rows.map((r) => r.role)).toEqual(["pretraining", "pseudo-label", "fine-tuning", "training"]);
  });

  it("costs a step whose script runs other training steps through them, never twice, and skips --help", () => {
    const help = { ...YOLO, order: 4, command: "python yolov5/train.py --help" };
    expect(
      trainingSteps([step({}), FOLDS, YOLO, help, step({ order: 9, purpose: "predict" })]).map((s) => s.order),
    ).toEqual([2, 3]);
  });

  it("widens the interval by the stated factor for epochs it cannot read, and names what was guessed", async () => {
    const files = {
      ...FILES,
      "train.py": "import argparse\np = argparse.ArgumentParser()\np.add_argument('--fold', type=int, default=0)\n",
      "yolov5/train.py": "print('x')\n",
    };
    const unread = {
      ...FOLDS,
      epochs: null,
      command: "python train.py --fold $f --model tf_efficientnet_b0 --img 512",
    };
    const known = { ...FOLDS, epochs: DEFAULT_EPOCHS, command: unread.command };
    const guessed = (await estimateTraining(options(await factsWith([unread], files)))).prediction!;
    const read = (await estimateTraining(options(await factsWith([known], files)))).prediction!;
    expect(guessed.trainings![0]!.guessed).toEqual(["epochs"]);
    expect(guessed.total.co2g).toBeCloseTo(read.total.co2g, 6); // the same central figure
    // Epochs alone move the cost 3x each way; combined with the other guesses the interval is wider still.
    expect(guessed.interval.high.co2g / read.interval.high.co2g).toBeGreaterThan(1.5);
    expect(guessed.interval.high.co2g / guessed.total.co2g).toBeGreaterThanOrEqual(GUESS_FACTOR);
    expect(guessed.interval.low.co2g / guessed.total.co2g).toBeLessThanOrEqual(1 / GUESS_FACTOR);
    const epochs = guessed.factors.find((f) => f.name === "epochs")!;
    expect([epochs.value, epochs.low, epochs.high, epochs.origin]).toEqual([
      DEFAULT_EPOCHS,
      3.333,
      DEFAULT_EPOCHS * 3,
      "default",
    ]); // factors keep 4 digits
    expect(epochs.source).toBe(
      `no epochs read for run.sh:2: ${DEFAULT_EPOCHS}, repro-audit's default, moved 3x each way`,
    );
    expect(guessed.coverage).toMatchObject({ trainings: 1, fromCode: 0, guessed: 1 });
  });

  it("reads epochs the step does not state from the program it runs before guessing", async () => {
    const inv = planInventory({ facts: await factsWith([{ ...FOLDS, epochs: null }]), plan: null, table })!;
    expect([inv.groups[0]!.epochs.value, inv.groups[0]!.epochs.source, inv.groups[0]!.guessed]).toEqual([
      3,
      "train.py:3 argparse default --epochs (3)",
      [],
    ]);
  });

  it("costs a step whose model it cannot read as another training's, 3x each way, and names it", async () => {
    const unknownModel = { ...YOLO, model: "my_secret_net", command: "python yolov5/train.py --img 1024 --epochs 160" };
    const p = (await estimateTraining(options(await factsWith([FOLDS, unknownModel])))).prediction!;
    const row = p.trainings![1]!;
    expect(row.guessed).toEqual(["model"]);
    expect(row.architecture).toBe("timm/tf_efficientnet_b0");
    expect(row.interval.high.co2g / row.total.co2g).toBeGreaterThanOrEqual(GUESS_FACTOR);
    expect(p.coverage).toMatchObject({ trainings: 2, fromCode: 1, guessed: 1 });
  });

  it("moves one unknown the trainings share (dataset size, utilisation) in all of them together: repeating a guess never narrows the interval", async () => {
    const files = { ...FILES, "data/train.csv": "image\n" }; // no rows: the dataset size is the stated default
    const one = (await estimateTraining(options(await factsWith([FOLDS], files)))).prediction!;
    const two = (await estimateTraining(options(await factsWith([FOLDS, { ...FOLDS, order: 3, line: 3 }], files))))
      .prediction!;
    expect(two.factors.filter((f) => f.name.endsWith("images per epoch")).map((f) => f.origin)).toEqual([
      "default",
      "default",
    ]);
    expect(two.total.seconds).toBeCloseTo(2 * one.total.seconds, 6);
    expect(two.interval.high.seconds / two.total.seconds).toBeCloseTo(one.interval.high.seconds / one.total.seconds, 6);
    expect(two.interval.low.seconds / two.total.seconds).toBeCloseTo(one.interval.low.seconds / one.total.seconds, 6);
  });

  it("takes `--kfold 1` ... `--kfold 5` on sibling steps as fold numbers: five runs, not fifteen", async () => {
    const kfold = (n: number) => ({
      ...FOLDS,
      order: n + 1,
      line: n + 1,
      parent: null,
      repeat: 1,
      repeatSource: null,
      command: `python train.py --kfold ${n} --epochs 30 --model tf_efficientnet_b0 --img 512`,
      folds: n,
    });
    const inv = planInventory({ facts: await factsWith([1, 2, 3, 4, 5].map(kfold)), plan: null, table })!;
    expect(inv.groups.map((g) => g.runs.value)).toEqual([1, 1, 1, 1, 1]);
    expect(inv.groups[2]!.runs.source).toBe("run once x fold 3 of its sibling steps: one run");
    // One step alone keeps its folds as a count (`--folds 5`).
    const alone = planInventory({
      facts: await factsWith([{ ...kfold(5), command: "python train.py --folds 5" }]),
      plan: null,
      table,
    })!;
    expect(alone.groups[0]!.runs.value).toBe(5);
  });

  it("widens a count it cannot read and counts that training as guessed", async () => {
    const p = (await estimateTraining(options(await factsWith([{ ...FOLDS, repeat: null }])))).prediction!;
    const row = p.trainings![0]!;
    expect([row.runs, row.guessed]).toEqual([1, ["count"]]);
    expect(row.interval.high.co2g / row.total.co2g).toBeGreaterThanOrEqual(GUESS_FACTOR);
  });

  it("believes no count, fold number or batch outside the stated ranges: a hostile plan cannot inflate the figure", () => {
    const inv = planInventory({
      facts: { families: { "rerun-plan": [{ ...FOLDS, repeat: 1e12, folds: 1e9, batchSize: 1e9 }] }, notCollected: {} },
      plan: null,
      table,
    })!;
    const g = inv.groups[0]!;
    expect([g.runs.value, g.runs.high, g.batchSize, g.guessed]).toEqual([
      1,
      GUESS_FACTOR,
      null,
      ["images per epoch", "count"],
    ]);
  });

  it("falls back to the single-training estimate when the plan names no training step, and says so", async () => {
    const files = { ...FILES, "train.py": "import timm\nmodel = timm.create_model('resnet50')\n" };
    const facts = await factsWith([step({ purpose: "preprocess" })], files);
    const p = (await estimateTraining(options(facts))).prediction!;
    expect(p.coverage!.basis).toBe("single-training");
    expect(p.coverage!.note).toBe(
      "Static estimate: the rerun plan names no training step; it costs the training the code and README describe instead.",
    );
    expect(p.trainings).toHaveLength(1);
    // The same figure as today's estimate of the first training found in the code.
    const without = await factsWith([], files);
    delete without.families["rerun-plan"];
    const before = (await estimateTraining(options(without))).prediction!;
    expect(p.total).toEqual(before.total);
    expect(before.coverage!.note).toBe(
      "Static estimate: no rerun plan was read; it costs the training the code and README describe instead.",
    );
  });

  it("a train command the user gives replaces the rerun plan", async () => {
    const facts = await factsWith([FOLDS, YOLO]);
    const plan = {
      commands: [sourced("python train.py --model resnet50", "flag", "--train")],
      epochs: sourced(2, "flag", "--epochs"),
      folds: sourced(1, "default", "default"),
      models: sourced(1, "default", "default"),
      seeds: sourced(1, "default", "default"),
    };
    const p = (await estimateTraining({ ...options(facts), plan })).prediction!;
    expect(p.coverage!.basis).toBe("single-training");
    expect(p.trainings!.map((r) => [r.architecture, r.epochs])).toEqual([["timm/resnet50", 2]]);
  });
});

/** Small repos of our own whose README states the training time on an A100; the estimate's interval must bracket
 * it. Each stated time is what the training takes at 1,500 images/s for ResNet-50 at 224 px in mixed precision on one
 * A100 (a Kaggle data loader's pace, about half NVIDIA's DALI-fed 2,700 in DeepLearningExamples), scaled by pixels. */
describe("fixtures whose stated training time the estimate brackets", () => {
  const TRAIN_STEP = step({ command: "python train.py", program: "train.py", line: 4 });
  const statedHours = (images: number, epochs: number, runs: number, side: number) =>
    (images * epochs * runs) / (1500 / (side / 224) ** 2) / 3600;
  const brackets = (p: { interval: { low: { seconds: number }; high: { seconds: number } } }, hours: number) => [
    p.interval.low.seconds / 3600 <= hours,
    p.interval.high.seconds / 3600 >= hours,
  ];

  it("a warm-up scheduler's one epoch is not the training's epochs", async () => {
    // "Each fold takes about 3 minutes": 30 epochs of 10,000 images, 5 folds; the epochs sit behind a YAML anchor.
    const files = {
      "README.md": "# solution\n\nEach fold takes about 3 minutes on one A100.\n\n```bash\npython train.py\n```\n",
      "config.yaml": "General:\n  epoch: &epoch 30\n  fp16: True\nData:\n  img_size: 224\n",
      "train.py": [
        "import timm, torch, yaml",
        "from sklearn.model_selection import StratifiedKFold",
        "from warmup_scheduler import GradualWarmupScheduler",
        "cfg = yaml.safe_load(open('config.yaml'))",
        "model = timm.create_model('resnet50', pretrained=True)",
        "opt = torch.optim.Adam(model.parameters())",
        "scheduler = GradualWarmupScheduler(opt, multiplier=10, total_epoch=1)",
        "folds = StratifiedKFold(5)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(10_000),
    };
    const stated = statedHours(10_000, 30, 5, 224);
    for (const plan of [[TRAIN_STEP], []]) {
      const p = (await estimateTraining(options(await factsWith(plan, files)))).prediction!;
      expect(brackets(p, stated)).toEqual([true, true]);
      const epochs = p.factors.find((f) => f.name === "epochs")!;
      expect(epochs.source).not.toMatch(/Warmup/);
    }
  });

  it("a count of samples in another training's file is not this training's images per epoch", async () => {
    // "Training takes about 9 minutes": 20 epochs of the 8,000 rows of data/train.csv at 512 px.
    const files = {
      "README.md": "# solution\n\nTraining takes about 9 minutes on one A100.\n\n```bash\npython train.py\n```\n",
      "train.py": [
        "import argparse, timm, torch",
        "import pandas as pd",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--epochs', type=int, default=20)",
        "p.add_argument('--img_size', type=int, default=512)",
        "df = pd.read_csv('data/train.csv')",
        "model = timm.create_model('resnet50', pretrained=True)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "seg/train_seg.py":
        "from monai.transforms import RandCropByPosNegLabeld\ncrop = RandCropByPosNegLabeld(keys=['image'], label_key='label', num_samples=4)\n",
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(8_000),
    };
    const stated = statedHours(8_000, 20, 1, 512);
    for (const plan of [[TRAIN_STEP], []]) {
      const p = (await estimateTraining(options(await factsWith(plan, files)))).prediction!;
      const images = p.factors.find((f) => f.name === "images per epoch")!;
      expect([images.value, images.source]).toEqual([8_000, "data/train.csv: 8000 rows"]);
      expect(brackets(p, stated)).toEqual([true, true]);
    }
  });

  it("counts the plan's trainings whose steps name no model, each costed as the code's model moved 3x", async () => {
    // "The five folds take about 4 minutes": 10 epochs of 6,000 images at 224 px, five times.
    const files = {
      "README.md": "# solution\n\nThe five folds take about 4 minutes on one A100.\n\n```bash\nbash run.sh\n```\n",
      "run.sh": "for f in 0 1 2 3 4; do\n  python train.py --fold $f\ndone\n",
      "models.py": "import timm\n\ndef build():\n    return timm.create_model('resnet50', pretrained=True)\n",
      "train.py": [
        "import argparse, torch",
        "from models import build",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--fold', type=int, default=0)",
        "p.add_argument('--epochs', type=int, default=10)",
        "p.add_argument('--img_size', type=int, default=224)",
        "model = build()",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(6_000),
    };
    const folds = step({
      file: "run.sh",
      line: 2,
      order: 2,
      source: "shell",
      parent: 1,
      command: "python train.py --fold $f",
      program: "train.py",
      repeat: 5,
      repeatSource: "run.sh:1",
    });
    const p = (await estimateTraining(options(await factsWith([step({}), folds], files)))).prediction!;
    expect(p.coverage).toMatchObject({ basis: "rerun-plan", trainings: 1, guessed: 1 });
    const row = p.trainings![0]!;
    expect([row.architecture, row.runs, row.epochs, row.guessed]).toEqual(["timm/resnet50", 5, 10, ["model"]]);
    expect(row.sources).toEqual(["run.sh:2", "run.sh:1"]);
    expect(p.factors.find((f) => f.name === "forward GMACs per image")!.source).toMatch(
      /costed as the code's timm\/resnet50 \(models\.py:4 create_model/,
    );
    expect(brackets(p, statedHours(6_000, 10, 5, 224))).toEqual([true, true]);
  });

  it("a size only another file gives (an inference tile) is kept but guessed, and the interval covers the training's own", async () => {
    // "Training takes about 55 minutes": 30 epochs of 5,000 crops of 1280 px; inference runs on 2048 px tiles.
    const files = {
      "README.md": "# solution\n\nTraining takes about 55 minutes on one A100.\n\n```bash\npython train.py\n```\n",
      "train.py":
        "import timm, torch\nEPOCHS = 30\nmodel = timm.create_model('resnet50', pretrained=True)\nscaler = torch.cuda.amp.GradScaler()\n",
      "inference.py": "img_size = 2048\n",
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(5_000),
    };
    for (const plan of [[TRAIN_STEP], []]) {
      const p = (await estimateTraining(options(await factsWith(plan, files)))).prediction!;
      const size = p.factors.find((f) => f.name === "input size")!;
      expect([size.value, size.origin, size.low, size.high]).toEqual([2048, "default", 1182, 3547]);
      expect(size.source).toBe(
        "no input size read in the training's own files: elsewhere in the repo, inference.py:1 assignment img_size (2048), moved 3x in cost each way",
      );
      expect(brackets(p, statedHours(5_000, 30, 1, 1280))).toEqual([true, true]);
    }
  });
});

describe("the rows of a hand-built estimate", () => {
  it("every estimate lists its rows, even without a plan", () => {
    const row = flopsTable().models["timm/resnet50"]!;
    const p = estimate({
      groups: [
        {
          label: "timm/resnet50",
          architecture: sourced("timm/resnet50", "code", "x.py:1"),
          row,
          inputSize: { value: [224, 224], origin: "code", source: "x.py:2" },
          images: { value: 1000, origin: "code", source: "x.py:3" },
          epochs: { value: 2, origin: "code", source: "x.py:4" },
          runs: { value: 1, origin: "default", source: "default" },
          precision: { value: "mixed", origin: "code", source: "x.py:5", guessed: false },
          passes: { value: 3, origin: "default", source: "3" },
        },
      ],
      device: pickDevice("a100-40gb"),
      gpus: gpuTable(),
      calibration: [],
      calibrationFile: "/x",
      cpuModel: null,
      pue: sourced(1.58, "default", "default"),
      intensity: sourced(481, "table", "world"),
      gCO2PerKm: 107.5,
      flopsSource: "t",
    }).prediction!;
    expect(p.trainings!.map((r) => [r.label, r.runs, r.epochs, r.total.co2g === p.total.co2g, r.guessed])).toEqual([
      ["timm/resnet50", 1, 2, true, []],
    ]);
  });
});

describe("fixture repos read by the plan's own extractor, whose stated time the estimate brackets", () => {
  const planFacts = (files: Record<string, string>) =>
    extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
  /** Hours of a ResNet-50-like training at 1,500 images/s at 224 px on the A100, cost growing with the pixels. */
  const statedHours = (images: number, epochs: number, runs: number, side: number) =>
    (images * epochs * runs) / (1500 / (side / 224) ** 2) / 3600;
  const brackets = (p: { interval: { low: { seconds: number }; high: { seconds: number } } }, hours: number) => [
    p.interval.low.seconds / 3600 <= hours,
    p.interval.high.seconds / 3600 >= hours,
  ];
  const factor = (p: { factors: Array<{ name: string; value: number; source: string }> }, name: string) => {
    const f = p.factors.find((x) => x.name === name)!;
    return [f.value, f.source];
  };

  it("a hydra command's `train=large` picks its group file and `train.epochs=30` overrides it", async () => {
    // "Training takes about 20 minutes": 30 epochs of 5,000 images at 768 px; 2048 px is the validation's tile.
    const group = (epochs: number, side: number) =>
      `epochs: ${epochs}\ntrain_image_size: [${side}, ${side}]\nvalid_image_size: [2048, 2048]\n`;
    const files = {
      "README.md":
        "# solution\n\nTraining takes about 20 minutes on one A100.\n\n```bash\npython train.py train=large train.epochs=30\n```\n",
      "train.py": [
        "import hydra, timm, torch",
        "",
        '@hydra.main(config_path="configs", config_name="config")',
        "def main(cfg):",
        "    model = timm.create_model('resnet50', pretrained=True)",
        "    scaler = torch.cuda.amp.GradScaler()",
        "    tile = MultiCoder(image_size=2048)",
        "",
      ].join("\n"),
      "configs/config.yaml": "defaults:\n  - train: default\n  - _self_\n\nseed: 42\n",
      "configs/train/default.yaml": group(5, 256),
      "configs/train/large.yaml": group(100, 768),
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(5_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.coverage).toMatchObject({ basis: "rerun-plan", trainings: 1 });
    expect(factor(p, "epochs")[0]).toBe(30);
    expect(factor(p, "input size")[0]).toBe(768);
    expect(p.trainings![0]!.sources).toContain("configs/train/large.yaml:2");
    expect(brackets(p, statedHours(5_000, 30, 1, 768))).toEqual([true, true]);
  });

  it("a loop's fold passed as `dataset.fold=$FOLD` is the loop's run, never times the config's `num_folds`", async () => {
    // "Each fold takes about 7 minutes": 3 folds of 20 epochs of 4,000 images at 512 px.
    const files = {
      "README.md": "# solution\n\nEach fold takes about 7 minutes on one A100.\n\n```bash\nbash run.sh\n```\n",
      "run.sh": "for FOLD in 0 2 3\ndo\npython train.py dataset=four dataset.fold=$FOLD\ndone\n",
      "train.py": [
        "import hydra, timm, torch",
        '@hydra.main(config_path="configs", config_name="config")',
        "def main(cfg):",
        "    model = timm.create_model('resnet50', pretrained=True)",
        "    scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "configs/config.yaml": "defaults:\n  - dataset: one\n  - train: default\n",
      "configs/dataset/one.yaml": "fold: 0\nnum_folds: 1\n",
      "configs/dataset/four.yaml": "fold: 0\nnum_folds: 4\n",
      "configs/train/default.yaml": "epochs: 20\nimg_size: 512\n",
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(4_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => [r.runs, r.epochs, r.inputSize])).toEqual([[3, 20, 512]]);
    expect(brackets(p, statedHours(4_000, 20, 3, 512))).toEqual([true, true]);
  });

  it("`--kfold 3` after `cd src` picks a fold when the program's default for it is a fold's number, and its config's `epoch:` is read", async () => {
    // "Each fold needs about 14 minutes": one fold of 30 epochs of 6,000 images at 512 px.
    const files = {
      "README.md":
        "# solution\n\nEach fold needs about 14 minutes on one A100.\n\n```bash\ncd src\npython train.py --config configs/final.yaml --kfold 3\n```\n",
      "src/train.py": [
        "import argparse, timm, torch, yaml",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--config', type=str)",
        "p.add_argument('--kfold', type=int, default=1)",
        "args = p.parse_args()",
        "cfg = yaml.safe_load(open(args.config))",
        "model = timm.create_model('resnet50', pretrained=True)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "src/configs/final.yaml": "General:\n  epoch: &epoch 30\nData:\n  img_size: 512\n  kfold: -1\n",
      "src/utils.py": "epochs = 3\n",
      "input/train.csv": "image,label\n" + "a.png,1\n".repeat(6_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => [r.runs, r.epochs, r.inputSize, r.guessed])).toEqual([[1, 30, 512, []]]);
    expect(brackets(p, statedHours(6_000, 30, 1, 512))).toEqual([true, true]);
  });

  it("a training whose dataset decodes DICOM image by image is costed loader-bound, and says why", async () => {
    // "Training takes about 4 hours": 20 epochs of 30,000 DICOM images at 512 px, the GPU waiting on pydicom
    // (about six times what the GPU alone would take).
    const files = {
      "README.md":
        "# solution\n\nTraining takes about 4 hours on one A100.\n\n```bash\npython train.py --epochs 20\n```\n",
      "train.py": [
        "import argparse, timm, torch",
        "from dataset import DicomDataset",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--epochs', type=int, default=5)",
        "p.add_argument('--img_size', type=int, default=512)",
        "model = timm.create_model('resnet50', pretrained=True)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "dataset.py": [
        "import cv2, pydicom",
        "class DicomDataset:",
        "    def __getitem__(self, i):",
        "        return cv2.resize(pydicom.dcmread(self.paths[i]).pixel_array, (512, 512))",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.dcm,1\n".repeat(30_000),
    };
    const stated = 6 * statedHours(30_000, 20, 1, 512);
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => [r.runs, r.epochs, r.inputSize, r.images])).toEqual([[1, 20, 512, 30_000]]);
    expect(factor(p, "utilisation")[1]).toMatch(/dataset\.py:1 imports pydicom \(reached by train\.py\)/);
    expect(brackets(p, stated)).toEqual([true, true]);
  });

  it("a dataset that joins 36 tiles of 256 px per sample is costed at their pixels, not one tile's", async () => {
    // "Training takes about 5 hours": 10 epochs of 2,000 slides, each a 6 x 6 grid of 256 px tiles (1536 px a side).
    const files = {
      "README.md": "# solution\n\nTraining takes about 5 hours on one A100.\n\n```bash\npython train.py\n```\n",
      "train.py": [
        "import numpy as np, timm, torch",
        "from tiles import TileDataset",
        "image_size = 256",
        "n_epochs = 10",
        "model = timm.create_model('resnet50', pretrained=True)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "tiles.py": [
        "import numpy as np, torch",
        "n_tiles = 36",
        "tile_size = 256",
        "class TileDataset(torch.utils.data.Dataset):",
        "    def __getitem__(self, i):",
        "        tiles = [self.tile(i, k) for k in range(n_tiles)]",
        "        rows = [np.concatenate(tiles[r * 6:(r + 1) * 6], axis=1) for r in range(6)]",
        "        return np.concatenate(rows, axis=0)",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.tiff,1\n".repeat(2_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => [r.runs, r.epochs, r.inputSize, r.images])).toEqual([[1, 10, 1536, 2_000]]);
    expect(factor(p, "input size")[1]).toMatch(/tiles\.py:2 .*36 tiles of 256 px/);
    expect(brackets(p, statedHours(2_000, 10, 1, 1536))).toEqual([true, true]);
  });

  it("a Lasagne network written layer by layer is costed from its own layers, at its input shape", async () => {
    const files = {
      "README.md": "# solution\n\n```bash\npython train.py\n```\n",
      "train.py": [
        "import lasagne",
        "from lasagne.layers import InputLayer, Conv2DLayer, MaxPool2DLayer, DenseLayer",
        "SIZE = 64",
        "n_epochs = 12",
        "def build():",
        "    l = InputLayer(shape=(None, 3, SIZE, SIZE))",
        "    l = Conv2DLayer(l, num_filters=16, filter_size=(3, 3), pad='same')",
        "    l = MaxPool2DLayer(l, pool_size=2)",
        "    l = Conv2DLayer(l, 32, 3, stride=2)",
        "    return DenseLayer(l, num_units=10)",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(3_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => [r.architecture, r.inputSize, r.epochs, r.images, r.guessed])).toEqual([
      ["lasagne/train.py", 64, 12, 3_000, []],
    ]);
    // 64² x 3 x 16 x 3², pooled to 32², then 16² x 16 x 32 x 3² (stride 2), then 32 x 16² x 10.
    const macs = 64 * 64 * 3 * 16 * 9 + 16 * 16 * 16 * 32 * 9 + 32 * 16 * 16 * 10;
    expect(factor(p, "forward GMACs per image")[0]).toBeCloseTo(macs / 1e9, 6);
    expect(factor(p, "forward GMACs per image")[1]).toMatch(/^the layers written out at train\.py:6 /);
  });

  it("a dataset that returns one tile of its grid at a time is costed at the tile's size", async () => {
    const files = {
      "README.md": "# solution\n\n```bash\npython train.py\n```\n",
      "train.py": [
        "import numpy as np, timm, torch",
        "n_tiles = 36",
        "tile_size = 256",
        "image_size = 256",
        "class TileDataset(torch.utils.data.Dataset):",
        "    def __getitem__(self, i):",
        "        return self.tiles[i // n_tiles][i % n_tiles]",
        "model = timm.create_model('resnet50', pretrained=True)",
        "",
      ].join("\n"),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(p.trainings!.map((r) => r.inputSize)).toEqual([256]);
  });

  it("a crop's `num_samples` in the training's own file is not its images per epoch", async () => {
    // "Training takes about 11 minutes": 25 epochs of the 3,000 rows of data/train.csv at 512 px, two crops each.
    const files = {
      "README.md": "# solution\n\nTraining takes about 11 minutes on one A100.\n\n```bash\npython train.py\n```\n",
      "train.py": [
        "import argparse, timm, torch",
        "import pandas as pd",
        "from monai.transforms import RandCropByPosNegLabeld",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--epochs', type=int, default=25)",
        "p.add_argument('--img_size', type=int, default=512)",
        "df = pd.read_csv('data/train.csv')",
        "crop = RandCropByPosNegLabeld(keys=['image'], label_key='label', num_samples=2)",
        "model = timm.create_model('resnet50', pretrained=True)",
        "scaler = torch.cuda.amp.GradScaler()",
        "",
      ].join("\n"),
      "data/train.csv": "image,label\n" + "a.png,1\n".repeat(3_000),
    };
    const p = (await estimateTraining(options(await planFacts(files)))).prediction!;
    expect(factor(p, "images per epoch")).toEqual([3_000, "data/train.csv: 3000 rows"]);
    expect(brackets(p, statedHours(3_000, 25, 1, 512))).toEqual([true, true]);
  });
});
