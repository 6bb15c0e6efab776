#!/usr/bin/env python3
"""Count the forward cost of the architectures competition solutions train and write data/model-flops.json.

Every model is built with PyTorch on the CPU from its library's code or model YAML, with no weights, and its
forward pass on one image is counted by fvcore's FlopCountAnalysis, which counts one fused multiply-add as
one: the table's unit is multiply-accumulates (MACs); FLOPs are about twice that. Each model is counted at
its reference resolution (the input size its library's default pretrained weights were trained at) and at
a second, larger one, so the audit can scale to the input size a repo trains at without torch:
  - convnets ("pixels"): cost = fixed + perPixel x pixels (the head is fixed, every conv scales with pixels);
  - transformers ("tokens"): cost = linear x r + quadratic x r^2, r = pixels / reference pixels (tokens grow
    with pixels, global attention with their square; windowed attention comes out with quadratic ~ 0).

Usage: python scripts/make-flops-table.py [--out data/model-flops.json] [--only NAME[,NAME...]]
Needs torch, torchvision, timm, fvcore, ultralytics, segmentation-models-pytorch and effdet (see the README).
"""
import argparse
import datetime
import json
import math
import os
import re
import sys
import time
import warnings
from importlib import metadata

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no weights are ever fetched: every model is built empty
os.environ.setdefault("YOLO_OFFLINE", "1")
warnings.filterwarnings("ignore")

import torch  # noqa: E402
from fvcore.nn import FlopCountAnalysis  # noqa: E402

torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
# torch.nn.MultiheadAttention's fused fast path is one opaque op: take the path made of countable ops.
torch.backends.mha.set_fastpath_enabled(False)

# ---------------------------------------------------------------------------------------------------------
# The catalogue: (library, name) per family. Reference resolutions come from the libraries themselves.
TIMM = {
    "efficientnet": [f"tf_efficientnet_b{i}" for i in range(9)] + [f"efficientnet_b{i}" for i in range(6)],
    "efficientnetv2": ["tf_efficientnetv2_s", "tf_efficientnetv2_m", "tf_efficientnetv2_l", "tf_efficientnetv2_xl",
                       "tf_efficientnetv2_b0", "tf_efficientnetv2_b1", "tf_efficientnetv2_b2", "tf_efficientnetv2_b3",
                       "efficientnetv2_rw_t", "efficientnetv2_rw_s", "efficientnetv2_rw_m"],
    "nfnet": [f"dm_nfnet_f{i}" for i in range(6)] + ["eca_nfnet_l0", "eca_nfnet_l1", "eca_nfnet_l2", "nfnet_l0"],
    "resnet": ["resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnet18d", "resnet26d", "resnet34d",
               "resnet50d", "resnet101d", "resnet152d", "resnet200d", "wide_resnet50_2", "wide_resnet101_2",
               "resnetrs50", "resnetrs101", "resnetrs200"],
    "resnest": ["resnest50d", "resnest101e", "resnest200e", "resnest269e"],
    "resnext": ["resnext50_32x4d", "resnext50d_32x4d", "resnext101_32x4d", "resnext101_32x8d", "resnext101_64x4d",
                "resnext101_32x16d"],
    "seresnext": ["seresnext26d_32x4d", "seresnext50_32x4d", "seresnext101_32x4d", "seresnext101_32x8d",
                  "legacy_seresnext50_32x4d", "legacy_seresnext101_32x4d", "legacy_senet154", "legacy_seresnet50",
                  "legacy_seresnet152", "seresnet50", "seresnet152d"],
    "densenet": ["densenet121", "densenet161", "densenet169", "densenet201"],
    "regnet": ["regnetx_002", "regnetx_016", "regnetx_032", "regnetx_064", "regnetx_160", "regnetx_320",
               "regnety_002", "regnety_008", "regnety_016", "regnety_032", "regnety_040", "regnety_064",
               "regnety_080", "regnety_120", "regnety_160", "regnety_320"],
    "convnext": ["convnext_nano", "convnext_tiny", "convnext_small", "convnext_base", "convnext_large",
                 "convnext_xlarge", "convnextv2_tiny", "convnextv2_base", "convnextv2_large"],
    "vit": ["vit_tiny_patch16_224", "vit_small_patch16_224", "vit_base_patch16_224", "vit_base_patch32_224",
            "vit_base_patch16_384", "vit_large_patch16_224", "vit_large_patch16_384", "vit_base_patch16_clip_224",
            "vit_base_patch32_clip_224", "vit_base_patch16_clip_384", "vit_large_patch14_clip_224"],
    "swin": ["swin_tiny_patch4_window7_224", "swin_small_patch4_window7_224", "swin_base_patch4_window7_224",
             "swin_base_patch4_window12_384", "swin_large_patch4_window7_224", "swin_large_patch4_window12_384"],
    "deit": ["deit_tiny_patch16_224", "deit_small_patch16_224", "deit_base_patch16_224", "deit_base_patch16_384"],
    "beit": ["beit_base_patch16_224", "beit_large_patch16_224"],
    "inception": ["inception_v3", "inception_v4", "inception_resnet_v2"],
    "xception": ["legacy_xception", "xception41", "xception65", "xception71"],
    "dpn": ["dpn68", "dpn92", "dpn98", "dpn107", "dpn131"],
    "vgg": ["vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg16_bn", "vgg19_bn"],
    "mobilenet": ["mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100"],
    "rexnet": ["rexnet_100", "rexnet_150", "rexnet_200"],
    "hrnet": ["hrnet_w18", "hrnet_w32", "hrnet_w48"],
    "cspnet": ["cspdarknet53", "cspresnext50"],
}
TRANSFORMER_FAMILIES = {"vit", "swin", "deit", "beit"}

TORCHVISION = {
    "resnet": ["resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "wide_resnet50_2", "wide_resnet101_2"],
    "resnext": ["resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d"],
    "densenet": ["densenet121", "densenet161", "densenet169", "densenet201"],
    "efficientnet": [f"efficientnet_b{i}" for i in range(8)],
    "efficientnetv2": ["efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l"],
    "regnet": ["regnet_y_400mf", "regnet_y_800mf", "regnet_y_1_6gf", "regnet_y_3_2gf", "regnet_y_8gf",
               "regnet_y_16gf", "regnet_y_32gf"],
    "convnext": ["convnext_tiny", "convnext_small", "convnext_base", "convnext_large"],
    "vit": ["vit_b_16", "vit_b_32", "vit_l_16"],
    "swin": ["swin_t", "swin_s", "swin_b"],
    "inception": ["inception_v3"],
    "mobilenet": ["mobilenet_v2", "mobilenet_v3_large"],
    "vgg": ["vgg16", "vgg16_bn"],
}

SMP = [("Unet", "resnet34"), ("Unet", "resnet50"), ("Unet", "se_resnext50_32x4d"), ("Unet", "efficientnet-b4"),
       ("Unet", "densenet121"), ("UnetPlusPlus", "resnet34"), ("FPN", "resnet34"), ("FPN", "efficientnet-b4"),
       ("DeepLabV3Plus", "resnet50")]
SMP_RESOLUTION = 512  # no library default: the common training crop of Kaggle segmentation solutions

EFFDET = [f"tf_efficientdet_d{i}" for i in range(8)]

YOLO = (
    [("yolov5", s, "v5") for s in "nsmlx"]  # the original anchor-based YOLOv5 (v6.0+ layout)
    + [("yolov5", f"{s}6", "v5") for s in "nsmlx"]  # its P6 models at 1280
    + [("yolov5", f"{s}u", "u") for s in "nsmlx"]  # ultralytics' anchor-free YOLOv5u
    + [("yolov8", s, "u") for s in "nsmlx"]
    + [("yolo11", s, "u") for s in "nsmlx"]
)

# Hugging Face hub ids that name the same architectures (image models only).
HF_ALIASES = {
    "timm/vit_base_patch16_224": ["google/vit-base-patch16-224", "google/vit-base-patch16-224-in21k"],
    "timm/vit_base_patch16_384": ["google/vit-base-patch16-384"],
    "timm/vit_large_patch16_224": ["google/vit-large-patch16-224"],
    "timm/vit_base_patch32_224": ["google/vit-base-patch32-224-in21k"],
    "timm/deit_base_patch16_224": ["facebook/deit-base-patch16-224"],
    "timm/deit_small_patch16_224": ["facebook/deit-small-patch16-224"],
    "timm/deit_tiny_patch16_224": ["facebook/deit-tiny-patch16-224"],
    "timm/swin_tiny_patch4_window7_224": ["microsoft/swin-tiny-patch4-window7-224"],
    "timm/swin_base_patch4_window7_224": ["microsoft/swin-base-patch4-window7-224"],
    "timm/swin_large_patch4_window12_384": ["microsoft/swin-large-patch4-window12-384"],
    "timm/convnext_tiny": ["facebook/convnext-tiny-224"],
    "timm/convnext_base": ["facebook/convnext-base-224"],
    "timm/convnext_large": ["facebook/convnext-large-224"],
    "timm/beit_base_patch16_224": ["microsoft/beit-base-patch16-224"],
    "timm/resnet50": ["microsoft/resnet-50"],
}


# ---------------------------------------------------------------------------------------------------------
def attention_macs(inputs, outputs):
    """aten::scaled_dot_product_attention: Q K^T and the weighted sum of V (fvcore has no handle for it)."""
    from fvcore.nn.jit_handles import get_shape

    q, k, v = (get_shape(x) for x in inputs[:3])
    batch = math.prod(q[:-2])
    return batch * q[-2] * k[-2] * q[-1] + batch * q[-2] * k[-2] * v[-1]


def count(model, resolution):
    """Forward multiply-accumulates of one image at (height, width)."""
    model.eval()
    x = torch.zeros(1, 3, resolution[0], resolution[1])
    with torch.no_grad():
        analysis = FlopCountAnalysis(model, x).set_op_handle("aten::scaled_dot_product_attention", attention_macs)
        analysis.unsupported_ops_warnings(False)
        analysis.uncalled_modules_warnings(False)
        return int(analysis.total())


def params(model):
    return int(sum(p.numel() for p in model.parameters()))


def second_side(side, multiple):
    """A larger side (about 1.5x, so pixels grow about 2.25x) that the model's strides divide."""
    return int(math.ceil(side * 1.5 / multiple) * multiple)


def fit(kind, res1, macs1, res2, macs2):
    """The two-point scaling law: pixels -> fixed + perPixel x pixels; tokens -> linear x r + quadratic x r^2."""
    p1, p2 = res1[0] * res1[1], res2[0] * res2[1]
    if kind == "pixels":
        per_pixel = (macs2 - macs1) / (p2 - p1)
        return {"kind": "pixels", "fixed": round(macs1 - per_pixel * p1), "perPixel": per_pixel}
    r = p2 / p1
    quadratic = (macs2 - r * macs1) / (r * r - r)
    return {"kind": "tokens", "linear": round(macs1 - quadratic), "quadratic": round(quadratic)}


def entry(library, name, family, kind, build, resolution, second, extra=None):
    """Count one model at both resolutions; `build(resolution)` returns a model made for that input."""
    started = time.time()
    model = build(resolution)
    macs = count(model, resolution)
    n_params = params(model)
    model = build(second)  # made for its input size (position embeddings, windows, detection anchors)
    macs2 = count(model, second)
    row = {
        "library": library,
        "name": name,
        "family": family,
        "params": n_params,
        "resolution": list(resolution),
        "macs": macs,
        "second": {"resolution": list(second), "macs": macs2},
        "scaling": fit(kind, resolution, macs, second, macs2),
    }
    row.update(extra or {})
    print(f"  {library}/{name} @{resolution[0]}x{resolution[1]}: {macs / 1e9:.3f} GMACs ({time.time() - started:.1f}s)",
          file=sys.stderr, flush=True)
    return row


# ---------------------------------------------------------------------------------------------------------
def timm_cfg(tagged):
    """A tagged model's pretrained config, or None where timm lists a tag it cannot describe."""
    import timm

    try:
        return timm.models.get_pretrained_cfg(tagged)
    except RuntimeError:
        return None


def timm_entry(name, family, deprecated):
    import timm

    kind = "tokens" if family in TRANSFORMER_FAMILIES else "pixels"
    size = tuple(timm.create_model(name, pretrained=False).pretrained_cfg.get("input_size", (3, 224, 224))[1:])
    multiple = 32 if kind == "pixels" else 14 if "patch14" in name else 32 if "patch32" in name else 16
    second = (second_side(size[0], multiple), second_side(size[1], multiple))
    if name.startswith("swin"):
        second = (size[0] * 2, size[1] * 2)  # whole windows at every stage

    def build(res):
        if kind == "tokens":
            return timm.create_model(name, pretrained=False, img_size=res)
        return timm.create_model(name, pretrained=False)

    aliases = {}
    for old, new in deprecated.items():
        if new and new.split(".")[0] == name:
            cfg = timm_cfg(new)
            aliases[old] = list(cfg.input_size[1:]) if cfg and cfg.input_size else list(size)
    tags = {}
    for tagged in timm.list_pretrained(f"{name}.*"):
        cfg = timm_cfg(tagged)
        if cfg and cfg.input_size and tuple(cfg.input_size[1:]) != size:
            tags[tagged.split(".", 1)[1]] = list(cfg.input_size[1:])
    for hub_id in HF_ALIASES.get(f"timm/{name}", []):
        aliases[hub_id] = list(size)
    extra = {}
    if aliases:
        extra["aliases"] = dict(sorted(aliases.items()))
    if tags:
        extra["tagResolutions"] = dict(sorted(tags.items()))
    return entry("timm", name, family, kind, build, size, second, extra)


def timm_rows(wanted):
    import timm
    from timm.models import _registry

    timm.layers.set_fused_attn(False)  # fvcore does not count fused attention kernels: use the plain matmuls
    deprecated = dict(getattr(_registry, "_deprecated_models", {}))
    for family, names in TIMM.items():
        for name in names:
            if not wanted or name in wanted:
                yield f"timm/{name}", lambda name=name, family=family: timm_entry(name, family, deprecated)


def torchvision_rows(wanted):
    import torchvision

    for family, names in TORCHVISION.items():
        for name in names:
            if wanted and name not in wanted:
                continue
            kind = "tokens" if family in TRANSFORMER_FAMILIES else "pixels"
            weights = torchvision.models.get_model_weights(name).DEFAULT
            crop = weights.transforms().crop_size
            side = crop[0] if isinstance(crop, (list, tuple)) else int(crop)
            size = (side, side)
            if name.startswith("vit"):
                second = (second_side(side, 32), second_side(side, 32))
            elif name.startswith("swin"):
                second = (side * 2, side * 2)
            else:
                second = (second_side(side, 32), second_side(side, 32))

            def build(res, name=name):
                if name.startswith("vit"):
                    return torchvision.models.get_model(name, weights=None, image_size=res[0])
                if name == "inception_v3":
                    return torchvision.models.get_model(name, weights=None, aux_logits=False, init_weights=False)
                return torchvision.models.get_model(name, weights=None)

            yield f"torchvision/{name}", lambda a=(name, family, kind, build, size, second): entry("torchvision", *a)


def smp_rows(wanted):
    import segmentation_models_pytorch as smp

    for arch, encoder in SMP:
        name = f"{arch}/{encoder}"
        if wanted and name not in wanted and arch not in wanted:
            continue

        def build(res, arch=arch, encoder=encoder):
            return getattr(smp, arch)(encoder_name=encoder, encoder_weights=None, classes=1)

        size = (SMP_RESOLUTION, SMP_RESOLUTION)
        second = (768, 768)
        family = "unet" if "Unet" in arch else arch.lower()
        yield f"smp/{name}", lambda a=(name, family, "pixels", build, size, second, {"encoder": encoder}): entry(
            "segmentation_models_pytorch", *a)


def effdet_rows(wanted):
    from effdet import create_model, get_efficientdet_config

    for name in EFFDET:
        if wanted and name not in wanted:
            continue
        side = get_efficientdet_config(name).image_size[0]

        def build(res, name=name):
            return create_model(name, pretrained=False, pretrained_backbone=False, image_size=tuple(res))

        size = (side, side)
        second = (second_side(side, 128), second_side(side, 128))
        yield f"effdet/{name}", lambda a=(name, "efficientdet", "pixels", build, size, second): entry("effdet", *a)


class AnchorDetect(torch.nn.Module):
    """The original YOLOv5 head: one 1x1 conv per level to anchors x (classes + 5) channels."""

    def __init__(self, detect, channels, nc=80, anchors=3):
        super().__init__()
        self.m = torch.nn.ModuleList(torch.nn.Conv2d(c, anchors * (nc + 5), 1) for c in channels)
        self.f, self.i, self.type = detect.f, detect.i, "AnchorDetect"
        self.np = sum(p.numel() for p in self.parameters())

    def forward(self, xs):
        return [conv(x) for conv, x in zip(self.m, xs)]


def yolo_rows(wanted):
    from ultralytics.nn.tasks import DetectionModel

    for generation, scale, head in YOLO:
        name = f"{generation}{scale}"
        if wanted and name not in wanted:
            continue
        p6 = scale.endswith("6")
        size_letter = scale[0]
        if generation == "yolov5":
            yaml_name = f"yolov5{size_letter}-p6.yaml" if p6 else f"yolov5{size_letter}.yaml"
        else:
            yaml_name = f"{generation}{size_letter}.yaml"
        side = 1280 if p6 else 640

        def build(res, yaml_name=yaml_name, head=head):
            model = DetectionModel(yaml_name, nc=80, verbose=False)
            if head == "v5":
                detect = model.model[-1]
                channels = [m[0].conv.in_channels for m in detect.cv2]
                model.model[-1] = AnchorDetect(detect, channels)
            return model

        extra = {"head": "anchor-based (ultralytics/yolov5)" if head == "v5" else "anchor-free (ultralytics)",
                 "modelYaml": yaml_name}
        second = (side + side // 2, side + side // 2)
        yield f"ultralytics/{name}", lambda a=(name, generation, "pixels", build, (side, side), second, extra): entry(
            "ultralytics", *a)


def version(package):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "model-flops.json"),
                        help="where to write the table (default data/model-flops.json)")
    parser.add_argument("--only", default="", help="comma-separated model names to count (default: all)")
    args = parser.parse_args()
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}

    models, failed = {}, {}
    for source in (timm_rows, torchvision_rows, smp_rows, effdet_rows, yolo_rows):
        for key, counted in source(wanted):
            try:
                models[key] = counted()
            except Exception as error:  # one model that does not build or trace is recorded, not fatal
                failed[key] = f"{type(error).__name__}: {str(error)[:200]}"
                print(f"  failed: {key}: {failed[key]}", file=sys.stderr)

    table = {
        "$comment": "Forward cost of one image per architecture, counted by scripts/make-flops-table.py (models built "
                    "empty with PyTorch on the CPU, counted by fvcore). Regenerate with the script; do not edit by hand.",
        "unit": "multiply-accumulates",
        "unitNote": "fvcore counts one fused multiply-add as one; FLOPs are about 2 x MACs",
        "counter": f"fvcore {version('fvcore')} FlopCountAnalysis",
        "libraries": {p: version(p) for p in ("torch", "torchvision", "timm", "ultralytics",
                                               "segmentation_models_pytorch", "effdet", "fvcore")},
        "generated": datetime.date.today().isoformat(),
        "scalingNote": "pixels: macs(H, W) = fixed + perPixel x H x W; tokens: macs = linear x r + quadratic x r^2 "
                       "with r = H x W / reference pixels. Both fitted exactly through the two counted points.",
        "models": dict(sorted(models.items())),
    }
    if failed:
        table["failed"] = failed
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(table, handle, indent=1)
        handle.write("\n")
    print(f"wrote {len(models)} models to {args.out} ({len(failed)} failed)", file=sys.stderr)


if __name__ == "__main__":
    main()
