// Architecture names as training code spells them (timm, torchvision, pretrainedmodels, efficientnet_pytorch,
// segmentation_models_pytorch encoders, YOLO weights and model YAMLs): the family a name belongs to, by
// name alone. The families are those of data/model-flops.json, where the estimate finds the exact model.

const FAMILIES: ReadonlyArray<[string, RegExp]> = [
  ["efficientdet", /efficientdet|effdet/],
  ["efficientnetv2", /efficientnet_?v2|efficientnetv2/],
  ["efficientnet", /efficientnet|effnet_?b\d/],
  ["nfnet", /nfnet/],
  ["seresnext", /se_?resnext|senet\d|se_?resnet/],
  ["resnest", /resnest/],
  ["resnext", /resnext/],
  ["resnet", /resnet/],
  ["densenet", /densenet/],
  ["regnet", /regnet/],
  ["convnext", /convnext/],
  ["swin", /swin/],
  ["deit", /deit/],
  ["beit", /beit/],
  ["vit", /(?:^|[_/-])vit(?:[_-]|$)/],
  ["inception", /inception/],
  ["xception", /xception/],
  ["dpn", /^dpn\d/],
  ["vgg", /^vgg\d/],
  ["mobilenet", /mobilenet/],
  ["rexnet", /rexnet/],
  ["hrnet", /hrnet/],
  ["cspnet", /cspdarknet|cspresne/],
  ["yolov5", /^yolov5/],
  ["yolov8", /^yolov8/],
  ["yolo11", /^yolo(?:v)?11/],
];

/** The name without a path, weight or YAML suffix, lower-cased: "weights/yolov5x.pt" -> "yolov5x". */
function bareArchitectureName(raw: string): string {
  const s = raw.trim();
  const weightsOrYaml = /\.(?:pt|pth|bin|ckpt|ya?ml|h5)$/i;
  const hubId = /^[\w.-]+\/[\w.-]+$/.test(s) && !weightsOrYaml.test(s);
  const base = hubId ? s : s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\")) + 1);
  return base.replace(weightsOrYaml, "").toLowerCase();
}

/** The family an architecture name belongs to, or null for a name that is not one. Hub ids
 * ("google/vit-base-patch16-224") keep their owner; a timm tag ("resnet50.a1_in1k") is ignored. */
export function architectureFamily(raw: string): string | null {
  if (raw.length > 120 || /\s/.test(raw.trim())) return null;
  const name = bareArchitectureName(raw);
  const model = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
  const untagged = model.replace(/\.[a-z0-9_]+$/, "");
  for (const [family, pattern] of FAMILIES) if (pattern.test(untagged)) return family;
  return null;
}
