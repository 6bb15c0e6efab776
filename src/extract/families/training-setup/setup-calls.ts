// Training-setup facts read from single calls: model factories, input transforms, mixed precision, freezing.
import type { FactValue } from "../../../model/facts.js";
import type { PyArg, PyCall } from "../../python/call-args.js";
import { architectureFamily } from "./architecture-names.js";
import { TORCHVISION_BUILDER } from "../../python/setup-hints.js";

export type SetupFields = Record<string, FactValue>;

const SMP_WRAPPERS = new Set([
  "Unet",
  "UnetPlusPlus",
  "FPN",
  "DeepLabV3Plus",
  "DeepLabV3",
  "Linknet",
  "PSPNet",
  "MAnet",
  "PAN",
]);
const RESIZES = new Set([
  "Resize",
  "RandomResizedCrop",
  "CenterCrop",
  "RandomCrop",
  "RandomSizedCrop",
  "LongestMaxSize",
  "SmallestMaxSize",
]);

const lastName = (callee: string): string => callee.slice(callee.lastIndexOf(".") + 1);
const positional = (call: PyCall, i: number): PyArg | undefined => call.args.filter((a) => a.name === null)[i];
const keyword = (call: PyCall, name: string): PyArg | undefined => call.args.find((a) => a.name === name);
const stringOf = (arg: PyArg | undefined): string | null => (arg?.kind === "string" && arg.value ? arg.value : null);

/** Whole numbers a literal spells: 512, "512", (512, 384), [384, 384]. */
export function sizesOf(arg: PyArg | undefined): number[] {
  if (!arg) return [];
  if (arg.kind === "number" || arg.kind === "string")
    return /^\d+$/.test(arg.value.replace(/_/g, "")) ? [Number(arg.value.replace(/_/g, ""))] : [];
  if (arg.kind === "list") return [...arg.value.matchAll(/\d+/g)].slice(0, 2).map((m) => Number(m[0]));
  return [];
}

function architecture(
  name: string,
  via: string,
  library: string | null,
  wrapper: string | null = null,
): SetupFields | null {
  const family = architectureFamily(name);
  return family ? { kind: "architecture", value: name, family, library, wrapper, via, name: null } : null;
}

/** Model factories: timm/effdet create_model, torchvision builders, smp wrappers, YOLO, from_pretrained. */
export function architectureFromCall(call: PyCall, imports: ReadonlySet<string>): SetupFields | null {
  const last = lastName(call.callee);
  const first = stringOf(positional(call, 0));
  if (last === "create_model") {
    const name = first ?? stringOf(keyword(call, "model_name"));
    if (!name) return null;
    return architecture(name, "create_model", architectureFamily(name) === "efficientdet" ? "effdet" : "timm");
  }
  if (SMP_WRAPPERS.has(last) && (call.callee.startsWith("smp.") || imports.has("segmentation_models_pytorch"))) {
    const encoder = stringOf(keyword(call, "encoder_name")) ?? first ?? "resnet34"; // smp's own default encoder
    return architecture(encoder, "segmentation-model", "segmentation_models_pytorch", last);
  }
  if (last === "YOLO" && first) return architecture(first, "yolo", "ultralytics");
  if ((last === "from_pretrained" || last === "from_name") && first) {
    const library = /EfficientNet/.test(call.callee)
      ? "efficientnet_pytorch"
      : /^(?:Auto|ViT|Swin|ConvNext|Deit|Beit|ResNet)\w*\./.test(call.callee)
        ? "transformers"
        : null;
    return architecture(first, last, library);
  }
  if (TORCHVISION_BUILDER.test(last)) {
    const fromTimm = call.callee.startsWith("timm.");
    const fromTorchvision =
      call.callee.startsWith("torchvision.") || call.callee.startsWith("models.") || imports.has("torchvision");
    if (fromTimm || fromTorchvision) return architecture(last, "builder", fromTimm ? "timm" : "torchvision");
  }
  return null;
}

/** Input size from a resize or crop transform: height and width, or one side for both. */
export function inputSizeFromCall(call: PyCall): SetupFields[] {
  if (!RESIZES.has(lastName(call.callee))) return [];
  const height = sizesOf(keyword(call, "height"))[0];
  const width = sizesOf(keyword(call, "width"))[0];
  const out: SetupFields[] = [];
  const rec = (value: number, axis: string): SetupFields => ({
    kind: "input-size",
    value,
    axis,
    via: "transform",
    name: call.callee,
  });
  if (height || width) {
    if (height) out.push(rec(height, "height"));
    if (width) out.push(rec(width, "width"));
    return out;
  }
  const sized = keyword(call, "size") ?? keyword(call, "max_size") ?? positional(call, 0);
  const sides = sizesOf(sized);
  const second = sized === positional(call, 0) ? sizesOf(positional(call, 1))[0] : undefined;
  if (sides.length === 1 && second) return [rec(sides[0]!, "height"), rec(second, "width")]; // albumentations: Resize(height, width)
  if (sides.length === 1) return [rec(sides[0]!, "both")];
  if (sides.length === 2) return [rec(sides[0]!, "height"), rec(sides[1]!, "width")];
  return [];
}

/** Mixed precision and frozen layers from calls: autocast, GradScaler, apex amp.initialize, .half(), requires_grad_(False). */
export function switchesFromCall(call: PyCall): SetupFields | null {
  const last = lastName(call.callee);
  const enabled = keyword(call, "enabled");
  if (last === "autocast" || last === "GradScaler") {
    const off = enabled?.kind === "name" && enabled.value === "False";
    return { kind: "precision", value: last, precision: off ? "fp32" : "mixed", via: "call", name: call.callee };
  }
  if (last === "initialize" && /(?:^|\.)amp\.initialize$/.test(call.callee)) {
    const level = stringOf(keyword(call, "opt_level"));
    return {
      kind: "precision",
      value: level ?? "amp.initialize",
      precision: level === "O0" ? "fp32" : "mixed",
      via: "call",
      name: call.callee,
    };
  }
  if (last === "half" && call.args.length === 0 && call.callee.includes("."))
    return { kind: "precision", value: "half()", precision: "mixed", via: "call", name: call.callee };
  if (last === "requires_grad_") {
    const arg = positional(call, 0) ?? keyword(call, "requires_grad");
    if (arg?.kind === "name" && arg.value === "False")
      return { kind: "frozen", value: "requires_grad_(False)", frozen: true, via: "call", name: call.callee };
  }
  if ((last === "freeze" || last === "freeze_backbone") && call.callee.includes("."))
    return { kind: "frozen", value: `${last}()`, frozen: true, via: "call", name: call.callee };
  return null;
}
