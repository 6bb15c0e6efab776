import { describe, expect, it } from "vitest";
import { familyRows, flopsTable, macsAt, matchArchitecture } from "../../src/estimate/flops-table.js";

const table = flopsTable();
const row = (key: string) => {
  const r = table.models[key];
  if (!r) throw new Error(`${key} missing from data/model-flops.json`);
  return r;
};

describe("data/model-flops.json", () => {
  it("says its unit, counter and library versions", () => {
    expect(table.unit).toBe("multiply-accumulates");
    expect(table.counter).toMatch(/^fvcore \S+ FlopCountAnalysis$/);
    for (const lib of [
      "torch",
      "torchvision",
      "timm",
      "ultralytics",
      "segmentation_models_pytorch",
      "effdet",
      "fvcore",
    ])
      expect(table.libraries[lib], lib).toMatch(/^\d+\.\d+/);
  });

  it("holds ResNet-50 at 224 px as about 4.1 G multiply-accumulates (8.2 GFLOPs), as counted by hand", () => {
    // Convolutions 4.09 G MACs, the 2048 x 1000 classifier 2.05 M, batch norms the rest: fvcore's count.
    expect(row("timm/resnet50")).toMatchObject({ resolution: [224, 224], macs: 4111512576 });
    expect(row("torchvision/resnet50").macs).toBe(4111512576);
    expect((2 * row("timm/resnet50").macs) / 1e9).toBeCloseTo(8.22, 2);
    expect(row("timm/resnet50").scaling).toEqual({ kind: "pixels", fixed: 2048000, perPixel: 81901 });
  });

  it("covers the families competition solutions train", () => {
    const keys = [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `timm/tf_efficientnet_b${i}`),
      "timm/tf_efficientnetv2_s",
      "timm/tf_efficientnetv2_l",
      "timm/efficientnetv2_rw_t",
      "timm/dm_nfnet_f0",
      "timm/eca_nfnet_l0",
      "timm/resnet34",
      "timm/resnet200d",
      "timm/resnext50_32x4d",
      "timm/seresnext50_32x4d",
      "timm/legacy_seresnext101_32x4d",
      "timm/resnest50d",
      "timm/densenet121",
      "timm/regnety_016",
      "timm/convnext_small",
      "timm/vit_base_patch16_224",
      "timm/swin_base_patch4_window12_384",
      "timm/deit_base_patch16_224",
      "timm/inception_v3",
      "timm/inception_resnet_v2",
      "timm/legacy_xception",
      "timm/dpn92",
      ...["n", "s", "m", "l", "x"].flatMap((s) => [
        `ultralytics/yolov5${s}`,
        `ultralytics/yolov5${s}6`,
        `ultralytics/yolov8${s}`,
      ]),
      "smp/Unet/resnet34",
      "effdet/tf_efficientdet_d0",
      "torchvision/efficientnet_b7",
    ];
    for (const key of keys) expect(table.models[key], key).toBeDefined();
    expect(table).not.toHaveProperty("failed");
  });

  it("agrees with the figures YOLO publishes (GFLOPs at 640 px, 2 per MAC)", () => {
    expect((2 * row("ultralytics/yolov5s").macs) / 1e9).toBeCloseTo(16.5, 0); // ultralytics/yolov5 README: 16.5
    expect((2 * row("ultralytics/yolov8n").macs) / 1e9).toBeCloseTo(8.7, 0); // ultralytics docs: 8.7
    expect((2 * row("ultralytics/yolov8x").macs) / 1e9).toBeGreaterThan(250); // 257.8
  });

  it("reproduces both counted points with every row's scaling law", () => {
    for (const [key, r] of Object.entries(table.models)) {
      expect(macsAt(r, r.resolution) / r.macs, key).toBeCloseTo(1, 6);
      expect(macsAt(r, r.second.resolution) / r.second.macs, key).toBeCloseTo(1, 6);
    }
  });

  it("scales convnets with pixels and global attention with the square of the tokens", () => {
    const resnet = row("timm/resnet50");
    expect(macsAt(resnet, [448, 448])).toBe(2048000 + 81901 * 448 * 448);
    const vit = row("timm/vit_base_patch16_224");
    expect(vit.scaling.kind).toBe("tokens");
    expect(macsAt(vit, [448, 448]) / vit.macs).toBeGreaterThan(4.2); // 4x the tokens, attention 16x
    const swin = row("timm/swin_tiny_patch4_window7_224");
    expect(macsAt(swin, [448, 448]) / swin.macs).toBeCloseTo(4, 1); // windows keep attention linear
  });

  it("finds a name as code spells it: timm's older names, weights files, other libraries' spellings, hub ids", () => {
    const key = (name: string, hint = {}) => matchArchitecture(table, name, hint)?.key ?? null;
    expect(matchArchitecture(table, "tf_efficientnet_b7_ns")).toMatchObject({
      key: "timm/tf_efficientnet_b7",
      via: "alias",
      resolution: [600, 600],
    });
    expect(key("tf_efficientnet_b7.ns_jft_in1k")).toBe("timm/tf_efficientnet_b7");
    expect(key("weights/yolov5x.pt")).toBe("ultralytics/yolov5x");
    expect(key("models/yolov5s.yaml")).toBe("ultralytics/yolov5s");
    expect(key("efficientnet-b4")).toBe("timm/tf_efficientnet_b4");
    expect(key("se_resnext50_32x4d")).toBe("timm/legacy_seresnext50_32x4d");
    expect(key("resnet18", { library: "torchvision" })).toBe("torchvision/resnet18");
    expect(key("resnet34", { library: "segmentation_models_pytorch", wrapper: "Unet" })).toBe("smp/Unet/resnet34");
    expect(key("google/vit-base-patch16-224")).toBe("timm/vit_base_patch16_224");
    expect(key("my_net_v3")).toBeNull();
    expect(familyRows(table, "efficientnet").length).toBeGreaterThanOrEqual(8);
  });
});
