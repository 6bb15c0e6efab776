import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/training-setup/index.js";
import { notebook, run } from "../helpers.js";

const fields = (records: Awaited<ReturnType<typeof run>>, kind: string, keys: string[]) =>
  records.filter((r) => r.kind === kind).map((r) => keys.map((k) => r[k]));

const TRAIN = `import argparse
import timm
import torch
import albumentations as A
import segmentation_models_pytorch as smp
from torchvision import models

parser = argparse.ArgumentParser()
parser.add_argument("--backbone", default="tf_efficientnet_b5_ns", help="timm model")
parser.add_argument("--amp", action="store_true", default=False, help="mixed precision")
parser.add_argument("--num-images", type=int, default=6334, help="training images")
args = parser.parse_args()

model = timm.create_model("tf_efficientnet_b7_ns", pretrained=False, num_classes=4)
seg = smp.Unet(encoder_name="se_resnext50_32x4d", classes=1)
tv = models.resnet18(weights=None)
aug = A.Compose([A.Resize(512, 384), A.RandomResizedCrop(height=448, width=448)])
scaler = torch.cuda.amp.GradScaler()
with torch.cuda.amp.autocast(enabled=False):
    pass
for p in model.parameters():
    p.requires_grad = False
model.backbone.requires_grad_(False)
greeting = "hello"
`;

describe("training-setup", () => {
  it("records architectures, sizes, dataset size, precision and frozen layers with their lines", async () => {
    const records = await run(extractor, { "train.py": TRAIN });
    expect(fields(records, "architecture", ["line", "value", "family", "library", "wrapper", "via", "name"])).toEqual([
      [9, "tf_efficientnet_b5_ns", "efficientnet", null, null, "argparse-default", "--backbone"],
      [14, "tf_efficientnet_b7_ns", "efficientnet", "timm", null, "create_model", null],
      [15, "se_resnext50_32x4d", "seresnext", "segmentation_models_pytorch", "Unet", "segmentation-model", null],
      [16, "resnet18", "resnet", "torchvision", null, "builder", null],
    ]);
    expect(fields(records, "input-size", ["line", "value", "axis", "via"])).toEqual([
      [17, 512, "height", "transform"],
      [17, 384, "width", "transform"],
      [17, 448, "height", "transform"],
      [17, 448, "width", "transform"],
    ]);
    expect(fields(records, "images", ["line", "value", "via", "name"])).toEqual([
      [11, 6334, "argparse-default", "--num-images"],
    ]);
    expect(fields(records, "precision", ["line", "value", "precision", "via"])).toEqual([
      [10, "False", "fp32", "argparse-default"],
      [18, "GradScaler", "mixed", "call"],
      [19, "autocast", "fp32", "call"],
    ]);
    expect(fields(records, "frozen", ["line", "value", "frozen", "via"])).toEqual([
      [22, "False", true, "assignment"],
      [23, "requires_grad_(False)", true, "call"],
    ]);
  });

  it("reads config keys, cfg attributes, notebooks, CSV rows and sizes a README states", async () => {
    const records = await run(extractor, {
      "configs/stage1.py":
        'cfg.backbone = "efficientnetv2_rw_t"\ncfg.image_width = 384\ncfg.image_height = 256\ncfg.mixed_precision = True\n',
      "configs/yolo.yaml": "model: yolov5x.pt\nimgsz: 640\nfreeze: [0]\n",
      "nb.ipynb": notebook("import timm", "m = timm.create_model('convnext_small', pretrained=True)"),
      "data/train.csv": "id,label\na,1\nb,0\nc,1\n",
      "data/test.csv": "id\nx\n",
      "README.md":
        "We train on 6,334 training images and test on 1,263 test images.\nA 2,000-row extract is shipped.\n",
    });
    const view = records.map((r) => [
      r.file,
      r.line ?? null,
      r.cell ?? null,
      r.kind,
      r.value,
      r.axis ?? r.precision ?? r.frozen ?? r.family ?? null,
      r.via,
    ]);
    expect(view).toEqual([
      ["configs/stage1.py", 1, null, "architecture", "efficientnetv2_rw_t", "efficientnetv2", "assignment"],
      ["configs/stage1.py", 2, null, "input-size", 384, "width", "assignment"],
      ["configs/stage1.py", 3, null, "input-size", 256, "height", "assignment"],
      ["configs/stage1.py", 4, null, "precision", "True", "mixed", "assignment"],
      ["nb.ipynb", 2, 2, "architecture", "convnext_small", "convnext", "create_model"],
      ["README.md", 1, null, "images", 6334, null, "readme-text"],
      ["README.md", 2, null, "images", 2000, null, "readme-text"],
      ["configs/yolo.yaml", 1, null, "architecture", "yolov5x.pt", "yolov5", "config"],
      ["configs/yolo.yaml", 2, null, "input-size", 640, "both", "config"],
      ["configs/yolo.yaml", 3, null, "frozen", "[0]", false, "config"],
      ["data/train.csv", null, null, "images", 3, null, "csv-rows"],
    ]);
  });

  it("keeps names that are no architecture out", async () => {
    const records = await run(extractor, {
      "a.py": 'model_name = "my_net_v3"\nweights = "imagenet"\nbackbone = CFG.backbone\n',
    });
    expect(records).toEqual([]);
  });

  it("a crop transform's num_samples is crops per image, a sampler's is the epoch's draw", async () => {
    const records = await run(extractor, {
      "seg.py": [
        "from monai.transforms import RandCropByPosNegLabeld",
        "from torch.utils.data import WeightedRandomSampler",
        "crop = RandCropByPosNegLabeld(keys=['image'], label_key='label', num_samples=4)",
        "sampler = WeightedRandomSampler(weights, num_samples=16000)",
        "",
      ].join("\n"),
    });
    expect(fields(records, "images", ["line", "value", "name"])).toEqual([
      [4, 16000, "WeightedRandomSampler(num_samples)"],
    ]);
  });

  it("records a dataset that writes N tiles into one canvas per sample as the side of as many pixels, in a notebook too", async () => {
    const grid = [
      "import numpy as np, torch\n",
      "tile_size = 256\nn_tiles = 36\n",
      [
        "class PANDADataset(torch.utils.data.Dataset):",
        "    def __getitem__(self, i):",
        "        images = np.zeros((tile_size * 6, tile_size * 6, 3))",
        "        for k, tile in enumerate(self.tiles(i)):",
        "            h1, w1 = (k // 6) * tile_size, (k % 6) * tile_size",
        "            images[h1:h1+tile_size, w1:w1+tile_size] = tile",
        "        return images",
        "",
      ].join("\n"),
    ];
    const records = await run(extractor, {
      "train.ipynb": notebook(...grid),
      "one.py": grid.join("").replace("[h1:h1+tile_size, w1:w1+tile_size] = tile", "= tile"),
    });
    const tiled = records.filter((r) => r.via === "tiles");
    expect(tiled.map((r) => [r.file, r.cell, r.cellLine, r.value, r.name])).toEqual([
      ["train.ipynb", 2, 2, 1536, "n_tiles, tile_size: 36 tiles of 256 px"],
    ]);
  });

  it("counts a nolearn layer stack whose options come through helpers, here and in another file, into forward MACs", async () => {
    const layers = [
      "def conv_params(num_filters, filter_size=(3, 3), **kwargs):",
      "    return dict(num_filters=num_filters, filter_size=filter_size, **kwargs)",
      "",
      "def pool_params(pool_size=3, stride=(2, 2), **kwargs):",
      "    return dict(pool_size=pool_size, stride=stride, **kwargs)",
      "",
      "def dense_params(num_units, **kwargs):",
      "    return dict(num_units=num_units, **kwargs)",
      "",
    ].join("\n");
    const net = [
      "from layers import *", // 1
      "cnf = {", // 2
      "    'w': 128,",
      "    'h': 128,",
      "}",
      "n = 8",
      "def cp(num_filters, *args, **kwargs):",
      "    args = {'num_filters': num_filters, 'filter_size': (4, 4)}",
      "    args.update(kwargs)",
      "    return conv_params(**args)",
      "layers = [",
      "    (InputLayer, {'shape': (None, 3, cnf['w'], cnf['h'])}),", // 12
      "    (Conv2DLayer, cp(n, stride=(2, 2))),",
      "    (MaxPool2DLayer, pool_params()),",
      "    (Conv2DLayer, cp(2 * n)),",
      "    (DropoutLayer, {'p': 0.5}),",
      "    (DenseLayer, dense_params(16)),",
      "    (FeaturePoolLayer, {'pool_size': 2}),",
      "    (DenseLayer, {'num_units': 1}),",
      "]",
      "",
    ].join("\n");
    const records = await run(extractor, { "layers.py": layers, "configs/net.py": net });
    // 64 x 64 x 3 x 8 x 4² (stride 2), pooled 3/2 to 31 x 31, 31² x 8 x 16 x 4², dense 16 x 31² x 16, dense 8 x 1.
    const macs = 64 * 64 * 3 * 8 * 16 + 31 * 31 * 8 * 16 * 16 + 16 * 31 * 31 * 16 + 8;
    expect(
      records.filter((r) => r.via === "layer-stack").map((r) => [r.file, r.line, r.kind, r.value, r.macs]),
    ).toEqual([
      ["configs/net.py", 12, "architecture", "4-layer stack", macs],
      ["configs/net.py", 12, "input-size", 128, undefined],
    ]);
  });

  it("reads no layer stack whose filters it cannot count", async () => {
    const net =
      "from lasagne.layers import *\nl = InputLayer(shape=(None, 3, 64, 64))\nl = Conv2DLayer(l, num_filters=args.width)\n";
    const records = await run(extractor, { "net.py": net });
    expect(records.filter((r) => r.via === "layer-stack")).toEqual([]);
  });
});
