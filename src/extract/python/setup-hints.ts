// Which training-setup fact a variable, keyword, option or config key names: the architecture, the input's
// height or width, the dataset size, mixed precision, frozen layers (training-size hints live in hints.ts).

export type SetupKind =
  "architecture" | "input-size" | "input-height" | "input-width" | "images" | "precision" | "frozen";

const MAYBE =
  /model|arch|backbone|encoder|net|weights|cfg|img|image|input|height|width|crop|sample|data|train|precision|fp16|bf16|amp|half|apex|grad|freez|frozen|trainable/i;

export function setupKind(rawName: string): SetupKind | null {
  if (!MAYBE.test(rawName)) return null;
  const name = rawName.replace(/^-+/, "").replace(/-/g, "_");
  const lower = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  if (
    /^(?:models?|model_?(?:names?|type|arch|cfg|id)|arch(?:itecture)?s?|backbones?(?:_?names?)?|encoders?(?:_?names?)?|base_model|net(?:work)?|timm_model|cnn|weights|cfg|pretrained_model_name(?:_or_path)?)$/.test(
      lower,
    )
  )
    return "architecture";
  if (/^(?:imgsz|img|image_?sz|img_?shape|image_?shape|input_?shape|crop)$/.test(lower)) return "input-size";
  if (/^(?:img|image|input|crop|resize|train_img)_?(?:h|height)$/.test(lower)) return "input-height";
  if (/^(?:img|image|input|crop|resize|train_img)_?(?:w|width)$/.test(lower)) return "input-width";
  if (
    /^(?:(?:n|num|nb|number_of)_?(?:train_?)?(?:images|imgs|samples|examples)|(?:train_?)?(?:images|samples)|dataset_?size|n_?train|num_?train)$/.test(
      lower,
    )
  )
    return "images";
  if (/^(?:precision|fp16|bf16|amp|use_?amp|use_?fp16|mixed_?precision|apex|half|use_?half)$/.test(lower))
    return "precision";
  if (
    /^(?:requires_grad|trainable|freeze(?:_?(?:backbone|encoder|layers|blocks|epochs))?|frozen(?:_?layers)?|n_?freeze)$/.test(
      lower,
    )
  )
    return "frozen";
  return null;
}

/** Calls the setup family reads besides those in file-index's list: input transforms, AMP, segmentation and
 * detection wrappers, freezing. Torchvision constructors are recognised by name (TORCHVISION_BUILDER). */
export const SETUP_CALLS = new Set(
  (
    "Resize RandomResizedCrop CenterCrop RandomCrop RandomSizedCrop LongestMaxSize SmallestMaxSize " +
    "autocast GradScaler initialize half requires_grad_ freeze freeze_backbone YOLO from_name " +
    "Unet UnetPlusPlus FPN DeepLabV3Plus DeepLabV3 Linknet PSPNet MAnet PAN Trainer TrainingArguments"
  ).split(" "),
);

/** Builders of torchvision.models (also re-exported by other libraries under the same names). */
export const TORCHVISION_BUILDER =
  /^(?:resnet\d+|resnext\d+_\w+|wide_resnet\d+_\d|densenet\d+|efficientnet_(?:b\d|v2_[sml])|vgg\d+(?:_bn)?|mobilenet_v[23]\w*|convnext_\w+|regnet_[xy]_\w+|vit_[blh]_\d+|swin_[tsb]|inception_v3|googlenet|alexnet|squeezenet1_[01]|shufflenet_v2_x\d_\d|mnasnet\d_\d+)$/;
