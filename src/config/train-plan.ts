// The train plan (commands, epochs, folds x models x seeds): what the settings give (flags, the user's config,
// the repo's config, each with its source), else what the static facts say, else the default (pure).
import { isScheduleEpochs } from "../model/schedule-parts.js";
import type { TrainPlan } from "../model/carbon.js";
import type { FactRecord, Facts } from "../model/facts.js";
import { factsOf, type ReadmeFact, type TrainingFact } from "../model/fact-types.js";
import { sourced, type Sourced } from "../model/sourced.js";
import { countInRange } from "../model/count-ranges.js";
import { compareText } from "../model/text-order.js";

export interface PlanInput {
  facts: Facts;
  /** Values resolved from flags and configs (config/resolve.ts); absent or null: inferred from the code. */
  given?: {
    commands?: Sourced<string[]> | null;
    epochs?: Sourced<number> | null;
    folds?: Sourced<number> | null;
    models?: Sourced<number> | null;
    seeds?: Sourced<number> | null;
  };
}

export interface PlanResult {
  plan: TrainPlan | null;
  records: { "train-plan": FactRecord[] };
}

export const MISSING_PLAN =
  'no train command found: add `train: { commands: ["python train.py"], epochs: N }` to .repro-audit.yml, a README code block running the training, or pass --train "<cmd>" --epochs N';

const EPOCH_ARGS = /--(?:n_|num_|num-|max_|max-|n-)?epochs?[= ](\d+)/i;
const at = (r: { file?: string; line?: number }): string => (r.line ? `${r.file}:${r.line}` : String(r.file));
const SOURCE_RANK: Record<string, number> = { "call-argument": 0, "argparse-default": 1, config: 2, assignment: 3 };
const SOURCE_WORDS: Record<string, string> = {
  "argparse-default": "argparse default",
  config: "config",
  assignment: "assignment",
  "call-argument": "call argument",
};

/** The script a command runs (`python train.py`, `python -m pkg.train`), for matching training facts to it. */
export function scriptOf(command: string): string | null {
  const m = /\bpython[0-9.]*\s+(?:-u\s+)?(?:-m\s+([\w.]+)|([\w./-]+\.py))/.exec(command);
  if (!m) return null;
  const script = m[2] ?? `${m[1]!.replace(/\./g, "/")}.py`;
  // `cd src && python train.py`: the script is src/train.py.
  const cd = /^cd\s+'?([^'&;]+?)'?\s*&&/.exec(command)?.[1];
  return cd && !script.startsWith("/") ? `${cd.replace(/\/+$/, "")}/${script.replace(/^\.\//, "")}` : script;
}

/** Best training fact of a kind: those in the trained script first, then by how direct the source is. */
function bestTraining(records: readonly TrainingFact[], kind: string, script: string | null): TrainingFact | undefined {
  // A warm-up's or a patience's epochs count part of the schedule, never the training's.
  const candidates = records.filter(
    (r) =>
      r.kind === kind && typeof r.value === "number" && r.value > 0 && !(kind === "epochs" && isScheduleEpochs(r.name)),
  );
  const rank = (r: TrainingFact) => (script && r.file === script ? 0 : 10) + (SOURCE_RANK[String(r.source)] ?? 5);
  return candidates.sort(
    (a, b) =>
      rank(a) - rank(b) || compareText(String(a.file), String(b.file)) || Number(a.line ?? 0) - Number(b.line ?? 0),
  )[0];
}

function countFrom(
  kind: "epochs" | "folds" | "models" | "seeds",
  input: PlanInput,
  training: readonly TrainingFact[],
  script: string | null,
  command: Sourced<string> | undefined,
): Sourced<number> {
  const given = input.given?.[kind];
  if (given) return given;
  if (kind === "epochs" && command) {
    const m = EPOCH_ARGS.exec(command.value);
    // A command's `--epochs 1e400`-sized number is not believed (model/count-ranges.ts).
    if (m && countInRange("epochs", Number(m[1])))
      return sourced(Number(m[1]), command.origin, `${command.source} (${m[0].trim()})`);
  }
  const fact = bestTraining(training, kind, script);
  if (fact)
    return sourced(
      Number(fact.value),
      "code",
      `${SOURCE_WORDS[String(fact.source)] ?? String(fact.source)}${fact.name ? ` ${fact.name}` : ""} in ${at(fact)}`,
    );
  return sourced(1, "default", "default");
}

export function inferTrainPlan(input: PlanInput): PlanResult {
  const readme = factsOf(input.facts, "readme");
  const training = factsOf(input.facts, "training");
  let commands: Sourced<string>[];
  const given = input.given?.commands;
  if (given?.value.length) commands = given.value.map((value) => sourced(value, given.origin, given.source));
  else
    commands = readme
      .filter((r) => r.kind === "command" && r.purpose === "train" && typeof r.command === "string")
      .map((r) => sourced(runFrom(r), "code", `README ${r.line ? `${r.file} line ${r.line}` : String(r.file)}`));

  if (commands.length === 0) {
    return { plan: null, records: { "train-plan": [{ kind: "plan", found: false, what: MISSING_PLAN }] } };
  }
  const first = commands[0]!;
  const script = scriptOf(first.value);
  const epochs = countFrom("epochs", input, training, script, first);
  const folds = countFrom("folds", input, training, script, first);
  const models = countFrom("models", input, training, script, first);
  const seeds = countFrom("seeds", input, training, script, first);
  const plan: TrainPlan = { commands, epochs, folds, models, seeds, runs: folds.value * models.value * seeds.value };
  const record: FactRecord = {
    kind: "plan",
    found: true,
    what: `train with \`${first.value}\` (${first.source}); ${epochs.value} epoch(s) from ${epochs.source}; ${plan.runs} run(s)`,
    command: first.value,
    epochs: epochs.value,
    epochsSource: epochs.source,
    runs: plan.runs,
  };
  if (first.origin === "code" && first.source.startsWith("README")) {
    const r = readme.find((x) => x.kind === "command" && typeof x.command === "string" && runFrom(x) === first.value);
    if (r?.file) ((record.file = r.file), r.line !== undefined && (record.line = r.line));
  }
  return { plan, records: { "train-plan": [record] } };
}

/** A README command as the epoch runs it: from the folder the README runs it in (`cd src` earlier in its
 * block, a sub-project's own README). */
function runFrom(r: ReadmeFact): string {
  const command = String(r.command);
  return typeof r.cwd === "string" && r.cwd && !/^cd\s/.test(command)
    ? `cd ${shellQuote(r.cwd)} && ${command}`
    : command;
}

/** A folder name as one shell word. */
function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
