// Which training-size hint a variable, keyword or option name is, and the value it carries.
import type { PyArg } from "./call-args.js";
import { countInRange, rangeWords } from "../../model/count-ranges.js";

export type HintKind = "epochs" | "folds" | "seeds" | "models" | "image-size" | "batch-size";

const MAYBE = /epoch|fold|split|seed|size|sz|res|^-*bs$|model|backbone|arch|encoder|pretrained/i;

/** `setting`: a config key or a command-line option, where `epoch: 30` is the training's length (a variable
 * `epoch` in code counts the loop). */
export function hintKind(rawName: string, setting = false): HintKind | null {
  if (!MAYBE.test(rawName)) return null;
  const name = rawName.replace(/^-+/, "").replace(/-/g, "_");
  const last = name.slice(name.lastIndexOf(".") + 1);
  const lower = last.toLowerCase();
  if (last === "epoch" && setting) return "epochs";
  if (last === "epoch" || last === "fold") return null; // loop counters, not sizes
  if (/^(?:(?:n|num|max|nb|total|train|num_train)_?)?epochs?$/.test(lower)) return "epochs";
  if (/^(?:(?:n|num|k|nb)_?)?folds?$|^n_splits$/.test(lower)) return "folds";
  if (/^(?:(?:n|num|nb)_?)?seeds$/.test(lower)) return "seeds";
  // The training's own size (`train_image_size`), never a validation or test tile's.
  if (/^(?:train_?)?(?:img|image|input|im|crop|resize)_?(?:size|sz|res|resolution)$|^imsize$/.test(lower))
    return "image-size";
  if (/^(?:(?:train|per_device_train|valid|val|test|eval|per_device_eval)_)?batch_?size$|^bs$/.test(lower))
    return "batch-size";
  if (
    /^(?:model_names?|models|backbones?|arch|architecture|encoder(?:_name)?|model_arch|pretrained_model_name(?:_or_path)?)$/.test(
      lower,
    )
  )
    return "models";
  return null;
}

/** `kfold: -1` or `--n_folds 0`: a fold index's placeholder (all folds, or none chosen), no count of folds. */
function foldPlaceholder(name: string, value: number | string): boolean {
  return hintKind(name) === "folds" && typeof value === "number" && value < 1;
}

/** A value a count's name holds that counts nothing: zero, the "off" of a size or count (`CropSize: 0` behind
 * `if cfg.CropSize > 0`), a starting epoch, a fold index's placeholder. */
export function notACount(name: string, value: number | string): boolean {
  return value === 0 || startingEpoch(name, value) || foldPlaceholder(name, value);
}

/** `--epoch 0` or `epoch: 0`: the epoch a run starts or resumes from, no count of epochs. */
function startingEpoch(name: string, value: number | string): boolean {
  const bare = name.replace(/^-+/, "");
  return bare.slice(bare.lastIndexOf(".") + 1).toLowerCase() === "epoch" && typeof value === "number" && value < 1;
}

/** The values a hint records: a number, a count for lists of folds or seeds, each name for models. */
export function hintValues(kind: HintKind, arg: PyArg): Array<number | string> {
  if (kind === "models") {
    if (arg.kind === "string" && arg.value) return [arg.value];
    if (arg.kind === "list") return arg.items ?? [];
    return [];
  }
  // Infinity (1e400) is kept: it is out of range, which boundedHint reports.
  if (arg.kind === "number") return [Number(arg.value.replace(/_/g, ""))].filter((n) => !Number.isNaN(n));
  if (arg.kind === "string" && /^\d+(?:\.\d+)?$/.test(arg.value)) return [Number(arg.value)];
  if (arg.kind === "list" && (kind === "folds" || kind === "seeds")) return arg.count ? [arg.count] : [];
  if (arg.kind === "list" && kind === "image-size") {
    // The longer side: (512, 384) is 512, and a (3, 224, 224) shape's first number is its channels. A list
    // built from other values (`[img.shape[0], img.shape[1]]`) states no size: its digits are indices.
    if (/[A-Za-z_]/.test(arg.value)) return [];
    const sides = (arg.value.match(/\d+/g) ?? []).map(Number);
    return sides.length ? [Math.max(...sides)] : [];
  }
  if (arg.kind === "other" && /^range\(\s*\d+\s*\)$/.test(arg.value) && (kind === "folds" || kind === "seeds"))
    return [Number(/\d+/.exec(arg.value)![0])];
  return [];
}

/** A config value as a call argument would read (numbers, quoted strings, inline lists). */
export function configArg(value: string): PyArg {
  // A YAML anchor or tag before the value (`epoch: &epoch 30`, `lr: !!python/float 3e-5`) is no part of it.
  const v = value.trim().replace(/^(?:[&!][^\s]*\s+)+/, "");
  if (/^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(v)) return { name: null, kind: "number", value: v, path: null };
  if (v.startsWith("[")) {
    const items = v
      .slice(1, -1)
      .split(",")
      .map((s) => s.trim().replace(/^["']|["']$/g, ""))
      .filter(Boolean);
    return { name: null, kind: "list", value: v, path: null, items, count: items.length };
  }
  return { name: null, kind: "string", value: v.replace(/^["']|["']$/g, ""), path: null };
}

/** Pure: a hint's fields, or, for a number outside its count's stated range (1e308 epochs, 1e-300, 2.5
 * folds), an `out-of-range` record that no plan believes and a rule reports. */
export function boundedHint(
  kind: HintKind,
  value: number | string,
): { kind: string; value: number | string; count?: string; range?: string } {
  if (kind === "models" || typeof value !== "number" || countInRange(kind, value)) return { kind, value };
  return { kind: "out-of-range", value: String(value), count: kind, range: rangeWords(kind) };
}
