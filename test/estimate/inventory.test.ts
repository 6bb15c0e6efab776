import { describe, expect, it } from "vitest";
import { inferTrainPlan } from "../../src/config/train-plan.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { extractFacts } from "../../src/extract/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { flopsTable } from "../../src/estimate/flops-table.js";
import { DEFAULT_IMAGES, trainingInventory } from "../../src/estimate/inventory.js";
import { sourced, type Sourced } from "../../src/model/sourced.js";
import type { RepoView } from "../../src/model/repo-view.js";
import { sampleDir } from "../support/sample-repo.js";

const table = flopsTable();

async function inventoryOf(
  view: RepoView,
  given: Parameters<typeof inferTrainPlan>[0]["given"] = {},
  datasetSize?: Sourced<number>,
) {
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  const { plan } = inferTrainPlan({ facts, given });
  return trainingInventory({ facts, plan, table, ...(datasetSize !== undefined ? { datasetSize } : {}) });
}

/** A group as plain fields: what the report's factors show. */
const fields = (g: Awaited<ReturnType<typeof inventoryOf>>["groups"][number]) => ({
  architecture: [g.architecture.value, g.architecture.origin, g.architecture.source],
  inputSize: [g.inputSize.value, g.inputSize.origin, g.inputSize.source],
  images: [g.images.value, g.images.origin, g.images.source],
  epochs: [g.epochs.value, g.epochs.origin, g.epochs.source],
  runs: [g.runs.value, g.runs.origin, g.runs.source],
  precision: [g.precision.value, g.precision.origin, g.precision.guessed],
  passes: [g.passes.value, g.passes.origin],
});

describe("the training inventory of the samples", () => {
  it("train-torch: every input read from the code", async () => {
    const inv = await inventoryOf(await walkRepo(`${sampleDir("train-torch")}repo`));
    expect(inv.groups.map(fields)).toEqual([
      {
        architecture: ["torchvision/resnet18", "code", "train.py:34 builder (resnet18)"],
        inputSize: [[64, 64], "code", "train.py:24 argparse default --img-size (64)"],
        images: [320, "code", "train.py:23 argparse default --images (320)"],
        epochs: [3, "code", "README README.md line 17 (--epochs 3)"],
        runs: [1, "default", "1 fold(s) from default, 1 seed(s) from default"],
        precision: ["fp32", "default", true],
        passes: [3, "default"],
      },
    ]);
    expect(inv.unknown).toEqual([]);
  });

  it("messy-kaggle: the architecture and input size from train.py, no dataset size, folds from StratifiedKFold", async () => {
    const inv = await inventoryOf(await walkRepo(`${sampleDir("messy-kaggle")}repo`));
    expect(inv.groups.map(fields)).toEqual([
      {
        architecture: [
          "timm/tf_efficientnet_b7",
          "code",
          "train.py:35 create_model (tf_efficientnet_b7_ns); no train command names it",
        ],
        inputSize: [[512, 512], "code", "train.py:14 argparse default --img_size (512)"],
        images: [
          DEFAULT_IMAGES.value,
          "default",
          "no dataset size found in the code, CSVs or README: pass --dataset-size N",
        ],
        epochs: [30, "code", "train.py:13 argparse default --epochs (30)"],
        runs: [
          5,
          "code",
          "5 fold(s) from call argument StratifiedKFold(n_splits) in train.py:22, 1 seed(s) from default",
        ],
        precision: ["fp32", "default", true],
        passes: [3, "default"],
      },
    ]);
    const flagged = await inventoryOf(
      await walkRepo(`${sampleDir("messy-kaggle")}repo`),
      {},
      sourced(6334, "flag", "--dataset-size"),
    );
    expect(flagged.groups[0]!.images).toEqual({ value: 6334, origin: "flag", source: "--dataset-size" });
    // A value from a config keeps its own label: it is never shown as the user's flag.
    const configured = await inventoryOf(
      await walkRepo(`${sampleDir("messy-kaggle")}repo`),
      {},
      sourced(6334, "user-config", "/home/me/audit.yml train.datasetSize"),
    );
    expect(configured.groups[0]!.images).toEqual({
      value: 6334,
      origin: "user-config",
      source: "/home/me/audit.yml train.datasetSize",
    });
  });

  it("the numpy and Keras samples train no architecture of the table", async () => {
    for (const name of ["clean-solution", "train-cpu", "train-keras"]) {
      const inv = await inventoryOf(await walkRepo(`${sampleDir(name)}repo`));
      expect(inv, name).toEqual({ groups: [], unknown: [] });
    }
  });
});

describe("the training inventory of repos like the real ones", () => {
  it("a YOLOv5 repo: size, weights and epochs from the README command, AMP by default", async () => {
    const view = memoryView({
      "README.md":
        "# det\n\n```bash\npython train.py --img 512 --batch 16 --epochs 35 --data covid.yaml --weights yolov5x.pt\n```\n",
      "train.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--weights', type=str, default='yolov5s.pt', help='w')\np.add_argument('--imgsz', '--img', '--img-size', type=int, default=640, help='px')\n",
      "data/train.csv": "image,box\n" + "a.png,1\n".repeat(120),
    });
    const inv = await inventoryOf(view);
    expect(inv.groups.map(fields)).toEqual([
      {
        architecture: ["ultralytics/yolov5x", "code", "README README.md line 4 (--weights yolov5x.pt)"],
        inputSize: [[512, 512], "code", "README README.md line 4 (--img 512)"],
        images: [120, "code", "data/train.csv: 120 rows"],
        epochs: [35, "code", "README README.md line 4 (--epochs 35)"],
        runs: [1, "default", "1 fold(s) from default, 1 seed(s) from default"],
        precision: ["mixed", "default", false],
        passes: [3, "default"],
      },
    ]);
  });

  it("configs that each name a backbone: one training per config, each with its own sizes and epochs", async () => {
    const view = memoryView({
      "train.py":
        "import importlib\nimport torch\ncfg = importlib.import_module(args.C).cfg\nwith torch.autocast('cuda'):\n    pass\n",
      "configs/default_config.py": "cfg.epochs = 10\ncfg.batch_size = 32\n",
      "configs/stage1_S1A.py":
        'cfg.backbone = "tf_efficientnet_b5_ns"\ncfg.image_width = 512\ncfg.image_height = 512\ncfg.epochs = 3\n',
      "configs/stage2_cfg.py": 'cfg.backbone = "efficientnetv2_rw_t"\ncfg.image_width = 384\ncfg.image_height = 256\n',
      "README.md": "# x\n\nThe training set has 2,019 studies.\n",
    });
    const inv = await inventoryOf(view);
    expect(inv.groups.map(fields)).toEqual([
      {
        architecture: [
          "timm/tf_efficientnet_b5",
          "code",
          "configs/stage1_S1A.py:1 assignment cfg.backbone (tf_efficientnet_b5_ns); no train command names it",
        ],
        inputSize: [
          [512, 512],
          "code",
          "configs/stage1_S1A.py:3 assignment cfg.image_height (512), configs/stage1_S1A.py:2 assignment cfg.image_width (512)",
        ],
        images: [2019, "code", 'README.md:3: "2019 studies"'],
        epochs: [3, "code", "configs/stage1_S1A.py:4 assignment cfg.epochs (3)"],
        runs: [1, "default", "1 fold(s) from default, 1 seed(s) from default"],
        precision: ["mixed", "code", false],
        passes: [3, "default"],
      },
      {
        architecture: [
          "timm/efficientnetv2_rw_t",
          "code",
          "configs/stage2_cfg.py:1 assignment cfg.backbone (efficientnetv2_rw_t); no train command names it",
        ],
        inputSize: [
          [256, 384],
          "code",
          "configs/stage2_cfg.py:3 assignment cfg.image_height (256), configs/stage2_cfg.py:2 assignment cfg.image_width (384)",
        ],
        images: [2019, "code", 'README.md:3: "2019 studies"'],
        epochs: [10, "code", "configs/default_config.py:1 assignment cfg.epochs (10)"],
        runs: [1, "default", "1 fold(s) from default, 1 seed(s) from default"],
        precision: ["mixed", "code", false],
        passes: [3, "default"],
      },
    ]);
  });

  it("a segmentation model with a frozen encoder, a flag's command and a name the table lacks", async () => {
    const view = memoryView({
      "train.py":
        [
          "import segmentation_models_pytorch as smp",
          "import timm",
          "model = smp.Unet(encoder_name='resnet34', classes=1)",
          "for p in model.encoder.parameters():",
          "    p.requires_grad = False",
          "aux = timm.create_model('resnet9000x', pretrained=False)",
          "IMG_SIZE = 768",
        ].join("\n") + "\n",
    });
    const inv = await inventoryOf(view, {
      commands: sourced(["python train.py"], "flag", "--train"),
      epochs: sourced(40, "flag", "--epochs"),
    });
    expect(inv.groups.map(fields)).toEqual([
      {
        architecture: ["smp/Unet/resnet34", "code", "train.py:3 segmentation model (resnet34)"],
        inputSize: [[768, 768], "code", "train.py:7 assignment IMG_SIZE (768)"],
        images: [
          DEFAULT_IMAGES.value,
          "default",
          "no dataset size found in the code, CSVs or README: pass --dataset-size N",
        ],
        epochs: [40, "flag", "--epochs"],
        runs: [1, "default", "1 fold(s) from default, 1 seed(s) from default"],
        precision: ["fp32", "default", true],
        passes: [2, "code"],
      },
    ]);
    expect(inv.groups[0]!.passes).toMatchObject({
      low: 1.2,
      high: 3,
      source: "frozen layers: train.py:5 assignment p.requires_grad (False); backward through the rest only",
    });
    expect(inv.unknown).toEqual(["resnet9000x"]);
  });
});

describe("epochs the code does not give", () => {
  it("are guessed at the stated default and moved 3x each way, never taken as one epoch", async () => {
    const view = memoryView({
      "README.md": "# x\n\n```bash\npython train.py\n```\n",
      "train.py": "import timm\nmodel = timm.create_model('resnet50')\n",
    });
    const inv = await inventoryOf(view);
    const e = inv.groups[0]!.epochs;
    expect([e.value, e.origin, e.low, e.high, e.source]).toEqual([
      10,
      "default",
      10 / 3,
      30,
      "no epochs found: 10, repro-audit's default, moved 3x each way",
    ]);
  });
});
