// The training inventory (pure): for each training the plan knows, its architecture, input size, images per
// epoch, epochs, runs, precision and frozen layers, each with where it was read or that it was guessed.
//
// A training is a train command whose options, named config file or script name an architecture of the
// FLOPs table. With no command tying one, every config file under a configs folder that names an
// architecture is one training (an ensemble of configs), else the best-placed mention in the repo is.
// Each value is looked up nearest first: the command's options, the training's config file, its script,
// then the whole repo, then a labelled default.
import type { FactRecord, Facts } from "../model/facts.js";
import { factsOf } from "../model/fact-types.js";
import { commandArgs, commandScript } from "./command-args.js";
import type { Guessed, RunGroup, Size } from "./compute.js";
import type { Origin, Sourced } from "../model/carbon.js";
import { matchArchitecture, type ArchitectureMatch, type FlopsTable } from "./flops-table.js";
import { layerStackMatch } from "./layer-stack-match.js";
import { countInRange } from "../model/count-ranges.js";
import { isScheduleEpochs } from "../model/schedule-parts.js";
import { compareText } from "../model/text-order.js";

export interface PlanLike {
  commands: Array<{ value: string; source: string; origin?: Origin }>;
  epochs: { value: number; source: string; origin?: Origin };
  folds: { value: number; source: string; origin?: Origin };
  models: { value: number; source: string; origin?: Origin };
  seeds: { value: number; source: string; origin?: Origin };
}

export interface InventoryInput {
  facts: Facts;
  plan: PlanLike | null;
  table: FlopsTable;
  /** Images per epoch the user gave (--dataset-size or their config), with where it was set. */
  datasetSize?: Sourced<number>;
}

export interface Inventory {
  groups: RunGroup[];
  /** Architecture names the code gives that the table does not hold. */
  unknown: string[];
}

/** Images per epoch when the repo says nothing: the order of magnitude of Kaggle image competitions' training sets. */
export const DEFAULT_IMAGES = { value: 20_000, low: 2_000, high: 200_000 };
/** How far a guessed count, epochs or model moves a training's cost, each way: a third of it to three times it. */
export const GUESS_FACTOR = 3;
/** Epochs of one run when nothing states them: a typical fine-tuning of a pretrained net. */
export const DEFAULT_EPOCHS = 10;
/** A frozen backbone leaves the backward pass of the head only: between 1 and 3 forward-pass equivalents. */
const FROZEN_PASSES = { value: 2, low: 1.2, high: 3 };

const CONFIG_DIR = /(?:^|\/)(?:configs?|conf|cfg|experiments?|exp)\//i;
const ARCH_OPTIONS = ["model", "arch", "backbone", "encoder", "encoder_name", "model_name", "weights", "cfg", "net"];
const SIZE_OPTIONS = ["imgsz", "img", "img_size", "image_size", "input_size", "size", "img_sz", "resolution"];
const IMAGE_OPTIONS = [
  "images",
  "n_images",
  "num_images",
  "samples",
  "n_samples",
  "num_samples",
  "dataset_size",
  "train_size",
];
const PRECISION_OPTIONS = ["amp", "fp16", "bf16", "precision", "mixed_precision", "use_amp", "half", "apex"];
const RANK: Record<string, number> = {
  // A dataset joining N tiles into each sample: its pixels beat any one tile's stated size.
  tiles: -1,
  "argparse-default": 0,
  config: 1,
  assignment: 2,
  "call-argument": 3,
  create_model: 3,
  builder: 3,
  "segmentation-model": 3,
  yolo: 3,
  transform: 4,
  from_pretrained: 4,
  from_name: 4,
  call: 5,
};
export const TRAINING_RANK: Record<string, number> = {
  "argparse-default": 0,
  config: 1,
  assignment: 2,
  "call-argument": 3,
};

const at = (r: FactRecord): string => (r.line !== undefined ? `${r.file}:${r.line}` : String(r.file));
const words: Record<string, string> = {
  "argparse-default": "argparse default",
  "call-argument": "call argument",
  "segmentation-model": "segmentation model",
  "csv-rows": "rows",
};
export const describe = (r: FactRecord): string =>
  r.via === "csv-rows"
    ? `${r.file}: ${r.value} rows`
    : r.via === "readme-text"
      ? `${at(r)}: "${r.value} ${r.name}"`
      : `${at(r)} ${words[String(r.via ?? r.source)] ?? String(r.via ?? r.source)}${r.name ? ` ${r.name}` : ""} (${r.value})`;

function precisionWord(value: string): "mixed" | "fp32" | null {
  const v = value.toLowerCase();
  if (/^(?:true|1|16|16-mixed|bf16|bf16-mixed|fp16|o1|o2|yes)$/.test(v)) return "mixed";
  if (/^(?:false|0|32|32-true|fp32|no|o0)$/.test(v)) return "fp32";
  return null;
}

export interface Scope {
  /** Files of this scope, null for the whole repo. */
  files: ReadonlySet<string> | null;
}

export interface Training {
  label: string;
  architecture: Sourced<string>;
  match: ArchitectureMatch;
  args: Map<string, string>;
  command: { source: string; origin: Origin } | null;
  scopes: Scope[];
}

export const inScope = (r: FactRecord, scope: Scope) => scope.files === null || scope.files.has(String(r.file));
export const byRank = (ranks: Record<string, number>) => (a: FactRecord, b: FactRecord) =>
  (ranks[String(a.via ?? a.source)] ?? 9) - (ranks[String(b.via ?? b.source)] ?? 9) ||
  compareText(String(a.file), String(b.file)) ||
  Number(a.line ?? 0) - Number(b.line ?? 0);

function commandOrigin(c: PlanLike["commands"][number]): Origin {
  if (c.origin) return c.origin;
  return c.source.startsWith("flag") ? "flag" : c.source.startsWith("config") ? "repo-config" : "code";
}

/** The best architecture record of a scope that the table holds: an argparse default, a config key, then factories. */
export function architectureIn(
  records: FactRecord[],
  scope: Scope,
  table: FlopsTable,
): { record: FactRecord; match: ArchitectureMatch } | null {
  for (const r of records.filter((x) => inScope(x, scope)).sort(byRank(RANK))) {
    const match = matchOf(table, r);
    if (match) return { record: r, match };
  }
  return null;
}

const matchOf = (table: FlopsTable, r: FactRecord) =>
  layerStackMatch(r) ??
  matchArchitecture(table, String(r.value), {
    library: r.library as string | null,
    wrapper: r.wrapper as string | null,
  });

function trainings(input: InventoryInput, archs: FactRecord[]): Training[] {
  const files = new Set(factsOf(input.facts, "training-setup").map((r) => String(r.file)));
  const out: Training[] = [];
  for (const c of input.plan?.commands ?? []) {
    const args = commandArgs(c.value);
    if (args.has("help") || args.has("h")) continue; // `python train.py --help` documents, it trains nothing
    const script = commandScript(c.value);
    const named = [...files].filter((f) =>
      [...args.values()].some(
        (v) => v === f || v.replace(/^\.\//, "") === f || f.replace(/^.*\//, "").replace(/\.\w+$/, "") === v,
      ),
    );
    const scopes: Scope[] = [{ files: new Set(named) }, { files: new Set(script ? [script] : []) }];
    const origin = commandOrigin(c);
    const option = ARCH_OPTIONS.map((o) => [o, args.get(o)] as const).find(
      ([, v]) => v && matchArchitecture(input.table, v),
    );
    if (option) {
      const match = matchArchitecture(input.table, option[1]!)!;
      out.push({
        label: match.key,
        architecture: { value: match.key, origin, source: `${c.source} (--${option[0]} ${option[1]})` },
        match,
        args,
        command: { source: c.source, origin },
        scopes,
      });
      continue;
    }
    for (const scope of scopes) {
      const found = architectureIn(archs, scope, input.table);
      if (!found) continue;
      out.push({
        label: found.match.key,
        architecture: { value: found.match.key, origin: "code", source: describe(found.record) },
        match: found.match,
        args,
        command: { source: c.source, origin },
        scopes,
      });
      break;
    }
  }
  if (out.length > 0) return sameTrainingsOnce(out);
  // No command ties a training: the configs folder's files naming an architecture, else the best mention.
  const configFiles = [...new Set(archs.map((r) => String(r.file)).filter((f) => CONFIG_DIR.test(f)))].sort();
  const scopes = configFiles.length > 0 ? configFiles.map((f) => ({ files: new Set([f]) })) : [{ files: null }];
  for (const scope of scopes) {
    const found = architectureIn(archs, scope, input.table);
    if (!found) continue;
    const label = configFiles.length > 1 ? `${found.match.key} (${found.record.file})` : found.match.key;
    out.push({
      label,
      architecture: {
        value: found.match.key,
        origin: "code",
        source: `${describe(found.record)}; no train command names it`,
      },
      match: found.match,
      args: new Map(),
      command: null,
      scopes: [{ files: new Set([String(found.record.file)]) }],
    });
  }
  return out;
}

/** Commands that train the same architecture from the same files (one per fold, say) are one training: the
 * plan's folds and seeds count its runs. */
function sameTrainingsOnce(list: Training[]): Training[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = `${t.match.key}|${t.scopes.map((s) => [...(s.files ?? [])].sort().join(",")).join(";")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first scope (nearest first, then the whole repo unless `ownOnly`) where `pick` finds something. */
function nearest<T>(t: Training, pick: (scope: Scope) => T | null, ownOnly = false): T | null {
  for (const scope of ownOnly ? t.scopes : [...t.scopes, { files: null }]) {
    const found = pick(scope);
    if (found !== null) return found;
  }
  return null;
}

/** The `epochs` records that may be a training's epochs: a warm-up's, a cool-down's or a patience's count only a
 * part of it (`GradualWarmupScheduler(total_epoch=1)` is no one-epoch training). */
export function trainingEpochs(training: readonly FactRecord[]): FactRecord[] {
  return training.filter(
    (r) => r.kind === "epochs" && typeof r.value === "number" && r.value > 0 && !isScheduleEpochs(r.name),
  );
}

export function inputSize(t: Training, setup: FactRecord[], training: FactRecord[]): Guessed<Size> {
  const option = SIZE_OPTIONS.map((o) => [o, t.args.get(o)] as const).find(
    ([, v]) => v && /^\d+$/.test(v) && countInRange("image-size", Number(v)),
  );
  if (option && t.command)
    return {
      value: [Number(option[1]), Number(option[1])],
      origin: t.command.origin,
      source: `${t.command.source} (--${option[0]} ${option[1]})`,
    };
  const sizes: FactRecord[] = [
    ...setup.filter((r) => r.kind === "input-size"),
    ...training.filter((r) => r.kind === "image-size").map((r): FactRecord => Object.assign({}, r, { axis: "both" })),
  ];
  const pick = (scope: Scope): Guessed<Size> | null => {
    const here = sizes.filter((r) => inScope(r, scope) && typeof r.value === "number").sort(byRank(RANK));
    const both = here.find((r) => r.axis === "both");
    const height = here.find((r) => r.axis === "height");
    const width = height ? here.find((r) => r.axis === "width" && r.file === height.file) : undefined;
    if (height && width)
      return {
        value: [Number(height.value), Number(width.value)] as Size,
        origin: "code" as Origin,
        source: `${describe(height)}, ${describe(width)}`,
      };
    if (both)
      return {
        value: [Number(both.value), Number(both.value)] as Size,
        origin: "code" as Origin,
        source: describe(both),
      };
    return null;
  };
  const own = nearest(t, pick, true);
  if (own) return own;
  // A size only another file gives (an inference tile, another training's crop) may not be this training's: kept,
  // and moved so that the cost moves GUESS_FACTOR each way (cost grows with pixels).
  const elsewhere = pick({ files: null });
  if (elsewhere) {
    const f = Math.sqrt(GUESS_FACTOR);
    const [h, w] = elsewhere.value;
    return {
      value: [h, w],
      origin: "default",
      source: `no input size read in the training's own files: elsewhere in the repo, ${elsewhere.source}, moved ${GUESS_FACTOR}x in cost each way`,
      low: [Math.round(h / f), Math.round(w / f)],
      high: [Math.round(h * f), Math.round(w * f)],
    };
  }
  const [h, w] = t.match.resolution;
  return {
    value: [h, w],
    origin: "table",
    source: `no input size found: the reference resolution of ${t.match.key} in data/model-flops.json`,
    low: [Math.round(h * 0.75), Math.round(w * 0.75)],
    high: [h * 2, w * 2],
  };
}

export function images(t: Training, input: InventoryInput, setup: FactRecord[]): Guessed<number> {
  if (input.datasetSize !== undefined)
    return { value: input.datasetSize.value, origin: input.datasetSize.origin, source: input.datasetSize.source };
  const option = IMAGE_OPTIONS.map((o) => [o, t.args.get(o)] as const).find(
    ([, v]) => v && /^\d+$/.test(v) && countInRange("images", Number(v)),
  );
  if (option && t.command)
    return {
      value: Number(option[1]),
      origin: t.command.origin,
      source: `${t.command.source} (--${option[0]} ${option[1]})`,
    };
  const counted = setup.filter((r) => r.kind === "images" && typeof r.value === "number");
  // A count in code is believed only in the training's own files: elsewhere it is another training's (a crop's
  // samples per volume, a detector's subset), and the CSVs, the README or the stated default come first.
  const coded = nearest(
    t,
    (scope) =>
      counted
        .filter((r) => inScope(r, scope) && r.via !== "csv-rows" && r.via !== "readme-text")
        .sort(byRank(RANK))[0] ?? null,
    true,
  );
  const referenced = new Set(factsOf(input.facts, "data-refs").map((r) => String(r.path ?? "").replace(/^.*\//, "")));
  const csv = counted
    .filter((r) => r.via === "csv-rows")
    .sort(
      (a, b) =>
        Number(referenced.has(String(b.file).replace(/^.*\//, ""))) -
        Number(referenced.has(String(a.file).replace(/^.*\//, ""))),
    )[0];
  const stated = counted
    .filter((r) => r.via === "readme-text")
    .sort((a, b) => String(a.file).length - String(b.file).length || Number(a.line) - Number(b.line))[0];
  const best = coded ?? csv ?? stated;
  if (best) return { value: Number(best.value), origin: "code", source: describe(best) };
  return {
    ...DEFAULT_IMAGES,
    origin: "default",
    source: "no dataset size found in the code, CSVs or README: pass --dataset-size N",
  };
}

function epochs(t: Training, input: InventoryInput, training: FactRecord[]): Guessed<number> {
  const plan = input.plan?.epochs;
  const decided =
    plan &&
    (plan.origin === "flag" ||
      plan.origin === "user-config" ||
      plan.origin === "repo-config" ||
      /^flag|^config|\(--/.test(plan.source));
  if (plan && decided)
    return {
      value: plan.value,
      origin:
        plan.origin ??
        (plan.source.startsWith("flag") ? "flag" : plan.source.startsWith("config") ? "repo-config" : "code"),
      source: plan.source,
    };
  const counted = trainingEpochs(training);
  const own = t.scopes
    .map((scope) => counted.filter((r) => inScope(r, scope)).sort(byRank(TRAINING_RANK))[0])
    .find(Boolean);
  if (own) return { value: Number(own.value), origin: "code", source: describe(own) };
  // The plan's own default (1) is no reading of the code: fall through to the stated guess below.
  if (plan && plan.origin !== "default" && plan.source !== "default")
    return { value: plan.value, origin: plan.origin ?? "code", source: plan.source };
  const anywhere = counted.sort(byRank(TRAINING_RANK))[0];
  if (anywhere) return { value: Number(anywhere.value), origin: "code", source: describe(anywhere) };
  return {
    value: DEFAULT_EPOCHS,
    origin: "default",
    source: `no epochs found: ${DEFAULT_EPOCHS}, repro-audit's default, moved ${GUESS_FACTOR}x each way`,
    low: DEFAULT_EPOCHS / GUESS_FACTOR,
    high: DEFAULT_EPOCHS * GUESS_FACTOR,
  };
}

function runs(t: Training, input: InventoryInput, groups: number, training: FactRecord[]): Sourced<number> {
  const plan = input.plan;
  const count = (kind: "folds" | "seeds" | "models"): { value: number; source: string } => {
    if (plan) return plan[kind];
    const r = training
      .filter((x) => x.kind === kind && typeof x.value === "number" && x.value > 0)
      .sort(byRank(TRAINING_RANK))[0];
    return r ? { value: Number(r.value), source: describe(r) } : { value: 1, source: "default" };
  };
  const folds = count("folds");
  const seeds = count("seeds");
  const models =
    groups === 1 && plan && plan.models.source !== "default" ? plan.models : { value: 1, source: "default" };
  const value = folds.value * seeds.value * models.value;
  const parts = [
    `${folds.value} fold(s) from ${folds.source}`,
    `${seeds.value} seed(s) from ${seeds.source}`,
    ...(models.value > 1 ? [`${models.value} models from ${models.source}`] : []),
  ];
  const allDefault = [folds, seeds].every((x) => x.source === "default") && models.value === 1;
  return { value, origin: allDefault ? "default" : "code", source: parts.join(", ") };
}

export function precision(t: Training, setup: FactRecord[]): RunGroup["precision"] {
  const option = PRECISION_OPTIONS.map((o) => [o, t.args.get(o)] as const).find(([, v]) => v && precisionWord(v));
  if (option && t.command)
    return {
      value: precisionWord(option[1]!)!,
      origin: t.command.origin,
      source: `${t.command.source} (--${option[0]} ${option[1]})`,
      guessed: false,
    };
  const switches = setup.filter((r) => r.kind === "precision");
  const found = nearest(t, (scope) => {
    const here = switches.filter((r) => inScope(r, scope));
    return here.find((r) => r.precision === "mixed" && r.via === "call") ?? here.sort(byRank(RANK))[0] ?? null;
  });
  if (found)
    return {
      value: found.precision === "mixed" ? "mixed" : "fp32",
      origin: "code",
      source: describe(found),
      guessed: false,
    };
  if (t.match.row.library === "ultralytics")
    return {
      value: "mixed",
      origin: "default",
      source: "ultralytics and YOLOv5 train with AMP by default",
      guessed: false,
    };
  return {
    value: "fp32",
    origin: "default",
    source: "no autocast, GradScaler or precision switch found: fp32",
    guessed: true,
  };
}

export function passes(t: Training, setup: FactRecord[]): Guessed<number> {
  const frozen = nearest(
    t,
    (scope) => setup.find((r) => r.kind === "frozen" && r.frozen === true && inScope(r, scope)) ?? null,
  );
  if (frozen)
    return {
      ...FROZEN_PASSES,
      origin: "code",
      source: `frozen layers: ${describe(frozen)}; backward through the rest only`,
    };
  return {
    value: 3,
    origin: "default",
    source: "forward + backward = about 3 forward passes (no frozen layers found)",
  };
}

/** The trainings the estimate costs, and the architecture names it could not cost. */
export function trainingInventory(input: InventoryInput): Inventory {
  const setup = input.facts.families["training-setup"] ?? [];
  const training = input.facts.families["training"] ?? [];
  const archs = setup.filter((r) => r.kind === "architecture");
  const found = trainings(input, archs);
  const groups = found.map((t): RunGroup => ({
    label: t.label,
    architecture: t.architecture,
    row: t.match.row,
    inputSize: inputSize(t, setup, training),
    images: images(t, input, setup),
    epochs: epochs(t, input, training),
    runs: runs(t, input, found.length, training),
    precision: precision(t, setup),
    passes: passes(t, setup),
  }));
  const unknown = new Set(archs.filter((r) => !matchOf(input.table, r)).map((r) => String(r.value)));
  return { groups, unknown: [...unknown].sort() };
}
