// The trainings of the rerun plan (pure): every `rerun-plan` step whose purpose is train is a training of its own
// (pretraining, pseudo-label rounds and fine-tuning as rows apart), with its own model, input size, batch, epochs
// and images, run repeat x folds x seeds times. What a step does not state is read from the configs it loads and
// the program it runs, else guessed: named, and moved by GUESS_FACTOR each way so the interval covers it.
import type { FactRecord } from "../model/facts.js";
import type { TrainingRole } from "../model/carbon.js";
import { commandArgs } from "./command-args.js";
import type { Guessed, RunGroup } from "./compute.js";
import { guessedInputs } from "./compute.js";
import { matchArchitecture } from "./flops-table.js";
import { countInRange } from "../model/count-ranges.js";
import { loaderBound } from "./loader-bound.js";
import { tiledInput } from "./tiled-input.js";
import {
  architectureIn,
  byRank,
  DEFAULT_EPOCHS,
  describe,
  GUESS_FACTOR,
  images,
  inScope,
  inputSize,
  passes,
  precision,
  TRAINING_RANK,
  trainingEpochs,
  type Inventory,
  type InventoryInput,
  type Scope,
  type Training,
} from "./inventory.js";

export { DEFAULT_EPOCHS, GUESS_FACTOR };

const ROLES: Array<[TrainingRole, RegExp]> = [
  ["pseudo-label", /pseudo|(?:^|[\W_])pl(?:$|[\W_\d])/i],
  ["pretraining", /pre-?train/i],
  ["fine-tuning", /fine-?tun|finetun|(?:^|[\W_])ft(?:$|[\W_\d])/i],
];

const stepAt = (s: FactRecord): string => (s.line !== undefined ? `${s.file}:${s.line}` : String(s.file));
const positive = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x > 0;

/** The plan's training steps that train themselves: a step whose script runs other training steps is costed through them. */
export function trainingSteps(records: readonly FactRecord[]): FactRecord[] {
  const steps = records.filter((r) => r.kind === "step" && r.purpose === "train");
  const parents = new Set(steps.map((s) => s.parent).filter((p): p is number => typeof p === "number"));
  return steps
    .filter((s) => !(typeof s.order === "number" && parents.has(s.order)))
    .filter((s) => {
      const a = commandArgs(String(s.command ?? ""));
      return !a.has("help") && !a.has("h");
    })
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0));
}

/** Pretraining, a pseudo-label round, fine-tuning or a plain training, from the words of the step. */
export function roleOf(step: FactRecord): TrainingRole {
  const text = [step.program, step.command, step.configs].filter((x) => typeof x === "string").join(" ");
  return ROLES.find(([, re]) => re.test(text))?.[0] ?? "training";
}

/** The training facts of a kind in the step's own files (configs first, then its program), best first. */
function ownFact(kind: string, t: Training, training: readonly FactRecord[]): FactRecord | undefined {
  const records = kind === "epochs" ? trainingEpochs(training) : training;
  for (const scope of t.scopes) {
    const found = records
      .filter((r) => r.kind === kind && positive(r.value) && inScope(r, scope))
      .sort(byRank(TRAINING_RANK))[0];
    if (found) return found;
  }
  return undefined;
}

function epochsOf(
  step: FactRecord,
  t: Training,
  input: InventoryInput,
  training: readonly FactRecord[],
): Guessed<number> {
  const given = input.plan?.epochs;
  if (given && (given.origin === "flag" || given.origin === "user-config" || given.origin === "repo-config"))
    return { value: given.value, origin: given.origin, source: given.source };
  if (positive(step.epochs) && countInRange("epochs", step.epochs))
    return {
      value: step.epochs,
      origin: "code",
      source: `${stepAt(step)} epochs ${step.epochs}${step.trainingSource ? ` (${String(step.trainingSource)})` : ""}`,
    };
  const own = ownFact("epochs", t, training);
  if (own) return { value: Number(own.value), origin: "code", source: describe(own) };
  const anywhere = trainingEpochs(training)
    .filter((r) => positive(r.value))
    .sort(byRank(TRAINING_RANK))[0];
  const value = anywhere ? Number(anywhere.value) : DEFAULT_EPOCHS;
  const why = anywhere ? `elsewhere in the repo: ${describe(anywhere)}` : `${DEFAULT_EPOCHS}, repro-audit's default`;
  return {
    value,
    origin: "default",
    source: `no epochs read for ${stepAt(step)}: ${why}, moved ${GUESS_FACTOR}x each way`,
    low: value / GUESS_FACTOR,
    high: value * GUESS_FACTOR,
  };
}

/** Steps that run one program with the same arguments but for the fold number, each with its own (`--kfold 1` ...
 * `--kfold 5`): that number picks a fold, it counts none, and each such step is one run. */
function foldIndexSteps(steps: readonly FactRecord[]): Set<FactRecord> {
  const byRest = new Map<string, FactRecord[]>();
  for (const s of steps) {
    if (!positive(s.folds)) continue;
    const rest = `${String(s.program)}|${String(s.command ?? "").replace(/\b\d+\b/g, "#")}`;
    byRest.set(rest, [...(byRest.get(rest) ?? []), s]);
  }
  const out = new Set<FactRecord>();
  for (const same of byRest.values()) if (new Set(same.map((s) => s.folds)).size >= 2) same.forEach((s) => out.add(s));
  return out;
}

function runsOf(step: FactRecord, t: Training, training: readonly FactRecord[], foldIndex = false): Guessed<number> {
  const parts: string[] = [];
  let guessed = false;
  let repeat = 1;
  if (positive(step.repeat) && countInRange("repeats", step.repeat)) {
    repeat = step.repeat;
    parts.push(step.repeat > 1 ? `${repeat} from ${String(step.repeatSource ?? stepAt(step))}` : "run once");
  } else {
    guessed = true;
    parts.push(`count not read at ${stepAt(step)}: once, up to ${GUESS_FACTOR}x`);
  }
  const stated = !foldIndex && positive(step.folds) && countInRange("folds", step.folds) ? step.folds : null;
  const foldFact = stated !== null || foldIndex ? null : ownFact("folds", t, training);
  const folds = stated ?? (foldFact ? Number(foldFact.value) : 1);
  if (folds > 1) parts.push(`${folds} fold(s) from ${stated !== null ? stepAt(step) : describe(foldFact!)}`);
  if (foldIndex) parts.push(`fold ${String(step.folds)} of its sibling steps: one run`);
  const seedFact = ownFact("seeds", t, training);
  const seeds = seedFact ? Number(seedFact.value) : 1;
  if (seeds > 1) parts.push(`${seeds} seed(s) from ${describe(seedFact!)}`);
  const value = repeat * folds * seeds;
  return {
    value,
    origin: guessed ? "default" : "code",
    source: parts.join(" x "),
    ...(guessed ? { low: value, high: value * GUESS_FACTOR } : {}),
  };
}

type Base = Omit<Training, "architecture" | "match">;
type Model = Pick<Training, "architecture" | "match">;

interface Drafted {
  step: FactRecord;
  base: Base;
  /** The model as read, null when neither the step nor its files name one of the table. */
  model: Model | null;
  /** The step's own words for its model when the table lacks it. */
  unknownModel: string | null;
}

function draft(step: FactRecord, input: InventoryInput, archs: FactRecord[]): Drafted {
  const command = String(step.command ?? "");
  const configs = String(step.configs ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const scopes: Scope[] = [
    { files: new Set(configs) },
    { files: new Set(typeof step.program === "string" ? [step.program] : []) },
  ];
  const at = stepAt(step);
  const name = typeof step.program === "string" ? step.program : (command.split(/\s+/)[0] ?? "command");
  const base: Base = {
    label: `step ${String(step.order ?? "?")} ${name}`,
    args: commandArgs(command),
    command: { source: at, origin: "code" },
    scopes,
  };
  const stated = typeof step.model === "string" && step.model ? step.model : null;
  const match = stated ? matchArchitecture(input.table, stated) : null;
  if (match)
    return {
      step,
      base,
      model: {
        architecture: {
          value: match.key,
          origin: "code",
          source: `${at} model ${stated}${step.trainingSource ? ` (${String(step.trainingSource)})` : ""}`,
        },
        match,
      },
      unknownModel: null,
    };
  for (const scope of scopes) {
    const found = architectureIn(archs, scope, input.table);
    if (found)
      return {
        step,
        base,
        model: {
          architecture: { value: found.match.key, origin: "code", source: describe(found.record) },
          match: found.match,
        },
        unknownModel: null,
      };
  }
  return { step, base, model: null, unknownModel: stated };
}

/** The model a step without one is costed as: the first training step's whose model is read, else the best-placed
 * architecture of the repo's code (what the single-training estimate would cost). */
interface KnownModel {
  /** "step 2 train.py's", "the code's timm/resnet50 (train.py:3 create_model (resnet50))". */
  as: string;
  model: Model;
}

/** A step whose model is not read, costed as a known model, its forward cost moved each way. */
function standIn(d: Drafted, known: KnownModel): Model & { guess: NonNullable<RunGroup["modelGuess"]> } {
  const why = d.unknownModel ? ` (${d.unknownModel} is not in data/model-flops.json)` : "";
  return {
    architecture: {
      value: known.model.architecture.value,
      origin: "default",
      source: `no model read for ${stepAt(d.step)}${why}: costed as ${known.as}`,
    },
    match: known.model.match,
    guess: {
      low: 1 / GUESS_FACTOR,
      high: GUESS_FACTOR,
      source: `model not read: its forward cost moved ${GUESS_FACTOR}x each way`,
    },
  };
}

function groupOf(
  d: Drafted,
  known: KnownModel,
  input: InventoryInput,
  setup: FactRecord[],
  training: FactRecord[],
  foldIndex: boolean,
): RunGroup {
  const stand = d.model ? null : standIn(d, known);
  const t: Training = { ...d.base, ...(d.model ?? stand!) };
  const size = d.step.imageSize;
  const group: RunGroup = {
    label: t.label,
    architecture: t.architecture,
    row: t.match.row,
    inputSize:
      // A tiled dataset's sample is all its tiles, whatever one tile's size the step states.
      tiledInput(d.step, input.facts.families["rerun-plan"] ?? [], setup) ??
      (positive(size) && countInRange("image-size", size)
        ? {
            value: [size, size],
            origin: "code",
            source: `${stepAt(d.step)} image size ${size}${d.step.trainingSource ? ` (${String(d.step.trainingSource)})` : ""}`,
          }
        : inputSize(t, setup, training)),
    images: images(t, input, setup),
    epochs: epochsOf(d.step, t, input, training),
    runs: runsOf(d.step, t, training, foldIndex),
    precision: precision(t, setup),
    passes: passes(t, setup),
    role: roleOf(d.step),
    batchSize: positive(d.step.batchSize) && countInRange("batch-size", d.step.batchSize) ? d.step.batchSize : null,
    ...(stand ? { modelGuess: stand.guess } : {}),
  };
  const loader = loaderBound(d.step, input.facts.families["rerun-plan"] ?? [], input.facts.families["imports"] ?? []);
  if (loader) group.loader = loader;
  const values = String(d.step.trainingSource ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  group.sources = [
    ...new Set([stepAt(d.step), ...values, ...(typeof d.step.repeatSource === "string" ? [d.step.repeatSource] : [])]),
  ];
  group.guessed = guessedInputs(group);
  return group;
}

/** The plan's trainings as run groups, or null when the plan has no training step, or no model is read in its steps
 * or anywhere in the code. Steps whose model is not read are still counted: their runs, epochs and sizes are the
 * plan's, their model a stand-in moved GUESS_FACTOR each way. */
export function planInventory(input: InventoryInput): (Inventory & { steps: number }) | null {
  const steps = trainingSteps(input.facts.families["rerun-plan"] ?? []);
  if (steps.length === 0) return null;
  const setup = input.facts.families["training-setup"] ?? [];
  const training = input.facts.families["training"] ?? [];
  const archs = setup.filter((r) => r.kind === "architecture");
  const drafts = steps.map((s) => draft(s, input, archs));
  const first = drafts.find((d) => d.model !== null);
  const anywhere = first ? null : architectureIn(archs, { files: null }, input.table);
  const known: KnownModel | null = first
    ? { as: `${first.base.label}'s`, model: first.model! }
    : anywhere
      ? {
          as: `the code's ${anywhere.match.key} (${describe(anywhere.record)})`,
          model: {
            architecture: { value: anywhere.match.key, origin: "code", source: describe(anywhere.record) },
            match: anywhere.match,
          },
        }
      : null;
  if (!known) return null;
  const indexed = foldIndexSteps(steps);
  const groups = drafts.map((d) => groupOf(d, known, input, setup, training, indexed.has(d.step)));
  const unknown = [...new Set(drafts.map((d) => d.unknownModel).filter((x): x is string => x !== null))].sort();
  return { groups, unknown, steps: steps.length };
}
