// A training step's model, image size, epochs, batch and folds: its arguments first, then the configs it
// loads, then the program's own defaults (the training family's hints). Pure.
import type { FactRecord } from "../../../model/facts.js";
import { hintKind } from "../../python/hints.js";
import { givenOptions } from "./arguments.js";

export interface TrainingValues {
  model: string | null;
  imageSize: number | null;
  epochs: number | null;
  batchSize: number | null;
  folds: number | null;
  trainingSource: string | null;
}

type Field = "model" | "imageSize" | "epochs" | "batchSize" | "folds";
const FIELD: Record<string, Field> = {
  models: "model",
  "image-size": "imageSize",
  epochs: "epochs",
  "batch-size": "batchSize",
  folds: "folds",
};
/** A plain `model` option or key names the architecture on a command line or in a config a step loads
 * (the training family leaves it out: in code `model` is mostly the network object). */
const MODEL_NAME = /^-{0,2}(?:model|model_?name|model_?type|arch|backbone|network|net|encoder)$/i;
/** A value that names an architecture, not a checkpoint or a path. */
const ARCHITECTURE = /^[A-Za-z][\w.-]*$/;
const CHECKPOINT = /\.(?:pth?|pt|ckpt|h5|hdf5|bin|onnx|pkl|safetensors|ya?ml|json|py)$/i;

export function isModelName(key: string, value: string): boolean {
  return (
    MODEL_NAME.test(key) &&
    ARCHITECTURE.test(value) &&
    !CHECKPOINT.test(value) &&
    !/^(?:none|null|true|false)$/i.test(value)
  );
}

/** A single fold given on the command line (`--fold 0`, hydra's `dataset.fold=$FOLD`): the run trains that one fold. */
export const ONE_FOLD = /^(?:fold|fold_?id|fold_?idx|fold_?index|fold_?num|val_?fold)$/i;

/** `--kfold 3` names a fold, not three of them, when the program's own default for it is no count (0, 1, -1). */
function foldByDefault(name: string, layers: ReadonlyArray<readonly FactRecord[]>): boolean {
  return layers.some((hints) =>
    hints.some(
      (h) =>
        h.source === "argparse-default" &&
        h.name === name &&
        ((h.kind === "folds" && Number(h.value) < 2) || (h.kind === "out-of-range" && h.count === "folds")),
    ),
  );
}

/** Values from the step's arguments (at `where`), then from `layers` of hints, earlier layers winning. */
export function trainingValues(
  args: readonly string[],
  where: string,
  layers: ReadonlyArray<readonly FactRecord[]>,
): TrainingValues {
  const values: Partial<Record<Field, number | string>> = {};
  const sources: string[] = [];
  const set = (field: Field, value: number | string, source: string) => {
    if (values[field] !== undefined) return;
    if (field !== "model" && typeof value !== "number") return;
    values[field] = value;
    if (!sources.includes(source)) sources.push(source);
  };
  // hydra's and ultralytics' `key=value` words (`trainer.max_epochs=30`, `imgsz=640`) are options too.
  const assigned = args.flatMap((a) => {
    const m = /^\+{0,2}([A-Za-z_][\w.]*)=(.+)$/.exec(a);
    return m ? [{ name: m[1]!, value: m[2]! }] : [];
  });
  for (const { name, value } of [...givenOptions(args), ...assigned]) {
    if (value === null) continue;
    const bare = name.replace(/^-+/, "").replace(/-/g, "_");
    if (ONE_FOLD.test(bare.slice(bare.lastIndexOf(".") + 1))) {
      set("folds", 1, where);
      continue;
    }
    if (isModelName(name, value)) {
      set("model", value, where);
      continue;
    }
    const kind = hintKind(name, true);
    // A loop's variable (`--n_folds $f`) or an option the program defaults to a fold's number picks one fold.
    if (kind === "folds" && (value.startsWith("$") || foldByDefault(name, layers))) {
      set("folds", 1, where);
      continue;
    }
    const field = kind ? FIELD[kind] : undefined;
    if (!field) continue;
    if (field === "model") set(field, value, where);
    else if (/^\d+$/.test(value)) set(field, Number(value), where);
  }
  for (const hints of layers) {
    for (const hint of hints) {
      const field = FIELD[String(hint.kind)];
      if (!field || hint.value === undefined || hint.value === null) continue;
      set(field, hint.value as number | string, `${String(hint.file)}:${String(hint.line)}`);
    }
  }
  return {
    model: typeof values.model === "string" ? values.model : null,
    imageSize: typeof values.imageSize === "number" ? values.imageSize : null,
    epochs: typeof values.epochs === "number" ? values.epochs : null,
    batchSize: typeof values.batchSize === "number" ? values.batchSize : null,
    folds: typeof values.folds === "number" ? values.folds : null,
    trainingSource: sources.length > 0 ? sources.join(",") : null,
  };
}
