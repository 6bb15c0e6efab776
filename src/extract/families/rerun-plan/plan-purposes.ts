// Whether the README's steps train and predict, read from the plan rather than from the one script a README line
// names: a step the README gives, or one its scripts run however deep, that trains or predicts by its purpose,
// by the code it reaches (a training loop behind an import, a file writing the submission), by its script's name
// after a training step (`tools/test_x.py`), or by the README comment or heading above it ("# test"). Pure but
// for reads through the view, each file once.
import type { RepoView } from "../../../model/repo-view.js";
import { fitsModel, submissionNames, submittedFiles, writesNamed, writesSubmission } from "../../python/script-does.js";
import type { Reach } from "./reach.js";
import type { Step } from "./steps.js";

export interface PlanPurposes {
  /** What shows the README's steps train ("step 2 (`python main.py`, src/run.sh:1) ..."), or null. */
  train: string | null;
  /** What shows they make the predictions, or null. */
  predict: string | null;
}

/** Top steps that come from a README (a console script a README line runs among them). */
const README_SOURCES = new Set(["readme", "readme-prose", "console-script"]);
/** A call of a training entry (`tt.train()`, `trainer.fit(...)`, `train_model(...)`), not scikit-learn's splitter. */
const TRAIN_CALL =
  /(?:^|[^\w])(?:train|fit|train_(?!test_split)[A-Za-z]\w*|[A-Za-z]\w*_train|run_training|do_training)\s*\(/i;
/** A call that makes predictions (`tt.predict()`, `model.inference(x)`, `make_submission(df)`). */
const PREDICT_CALL = /(?:^|[^\w])(?:predict|inference|infer|predict_[A-Za-z]\w*|make_submission)\s*\(/i;
const DEF = /^\s*(?:async\s+)?def\s/;
/** A script named for what it does with a trained model. */
const PREDICT_NAME = /^(?:test|infer|inference|predict|submit|demo)/i;
/** Words of a README comment or heading that say a step makes the predictions; `test` only after a training. */
const PREDICT_WORDS = /\b(?:inference|infer|predict(?:ion|ions|ing)?|submission|submit)\b/i;
const TEST_WORDS = /\btest(?:ing)?\b/i;
/** A script named for predicting, testing or evaluating (`predict.py`, `infer_tta.py`, `eval.py`). */
const NOT_TRAINING_NAME =
  /(?:^|[_\-.\d])(?:pred|predict|prediction|infer|inference|test|eval|evaluate|submit|submission|demo)(?:[_\-.\d]|$)/i;
const UNIT_TEST = /^\s*(?:import|from)\s+(?:pytest|unittest)\b/m;
const CODE = /\.(?:py|ipynb)$/;
/** A line longer than any a person writes (minified, generated) says nothing and would cost the patterns. */
const MAX_LINE = 2000;

export function planPurposes(steps: readonly Step[], reach: readonly Reach[], view: RepoView): PlanPurposes {
  const byOrder = new Map(steps.map((s) => [s.order, s]));
  const rootOf = (step: Step): Step => {
    let at = step;
    for (let hops = 0; at.parent !== null && hops < steps.length; hops++) at = byOrder.get(at.parent) ?? at;
    return at;
  };
  const ours = steps.filter((s) => README_SOURCES.has(rootOf(s).source));
  if (ours.length === 0) return { train: null, predict: null };
  const texts = new Map<string, string>();
  const textOf = (file: string) => texts.get(file) ?? texts.set(file, view.read(file) ?? "").get(file)!;
  const readmes = [...new Set(ours.map((s) => rootOf(s).file))];
  const names = [...new Set(readmes.flatMap((f) => submissionNames(textOf(f))))];
  const submitted = [...new Set(readmes.flatMap((f) => submittedFiles(textOf(f))))];
  const words = new Map<string, Words[]>();
  const wordsOf = (file: string) => words.get(file) ?? words.set(file, wordsAboveLines(textOf(file))).get(file)!;
  const reachOf = new Map<number, Reach[]>();
  for (const r of reach) (reachOf.get(r.step) ?? reachOf.set(r.step, []).get(r.step)!).push(r);

  let train: string | null = null;
  let predict: string | null = null;
  for (const step of ours) {
    const what = describeStep(step);
    const files = (reachOf.get(step.order) ?? []).filter((r) => CODE.test(r.file));
    const runs = files.filter((r) => r.via !== "imports");
    const imported = files.filter((r) => r.via === "imports");
    const trainsHere =
      step.purpose === "train" ? `${what} trains` : byCode(step) ? trainsByCode(what, runs, imported, textOf) : null;
    const trainedBefore = train !== null;
    train ??= trainsHere;
    if (predict !== null) continue;
    if (step.purpose === "predict") predict = `${what} predicts`;
    // A training step's own output is no prediction unless the README names it the submission (as the README
    // family reads a training script that also writes a file).
    const writes = (code: string) =>
      trainsHere
        ? names.some((n) => code.includes(n)) || writesNamed(code, submitted)
        : writesSubmission(code, names) || writesNamed(code, submitted);
    const writer = runs.find((r) => writes(textOf(r.file)));
    if (predict === null && writer) predict = `${what} runs ${writer.file}, which writes the submission`;
    const after = trainsHere ? runs.find((r) => predictsAfterTraining(textOf(r.file))) : undefined;
    if (predict === null && after) predict = `${what} runs ${after.file}, which predicts after it trains`;
    // A top step the README gives whose own words say nothing: its script's name, the comment or heading above it.
    if (predict !== null || step.parent !== null || step.purpose !== "other") continue;
    if (step.program === null || !view.has(step.program)) continue;
    if (UNIT_TEST.test(textOf(step.program))) continue;
    const base = step.program.slice(step.program.lastIndexOf("/") + 1);
    if (trainedBefore && CODE.test(base) && PREDICT_NAME.test(base))
      predict = `${what} runs ${step.program}, named for testing, after the training`;
    else {
      const said = wordsOf(step.file)[step.line - 1] ?? { comment: null, heading: null };
      const says = (w: string | null) => w !== null && (PREDICT_WORDS.test(w) || (trainedBefore && TEST_WORDS.test(w)));
      if (says(said.comment)) predict = `${what} is under the comment "${said.comment!}"`;
      else if (says(said.heading)) predict = `${what} is under the heading "${said.heading!}"`;
    }
  }
  return { train, predict };
}

/** A step whose code may tell its training: not an install, download or preparation, nor a script named for
 * predicting (a scaler's `.fit(` in predict.py, a preparation's in prep.py, fits no model of the solution). */
function byCode(step: Step): boolean {
  const base = (step.program ?? "").slice((step.program ?? "").lastIndexOf("/") + 1);
  return !["install", "download", "preprocess"].includes(step.purpose) && !NOT_TRAINING_NAME.test(base);
}

/** How a step's code trains: a file it runs fits a model, or calls the training (`tt.train()`) of a module it
 * imports that fits one outside its `__main__` block; null when neither. */
function trainsByCode(
  what: string,
  runs: readonly Reach[],
  imported: readonly Reach[],
  textOf: (file: string) => string,
): string | null {
  const fits = runs.find((r) => fitsModel(textOf(r.file)));
  if (fits) return `${what} runs ${fits.file}, which fits a model`;
  const caller = runs.find((r) => callsTraining(textOf(r.file)));
  const module = caller && imported.find((r) => fitsModel(withoutLines(textOf(r.file), r.mainOnly)));
  return caller && module ? `${what} runs ${caller.file}, whose training ${module.file} does` : null;
}

function describeStep(step: Step): string {
  const command = step.command.length > 80 ? `${step.command.slice(0, 77)}...` : step.command;
  return `step ${step.order} (\`${command}\`, ${step.file}:${step.line})`;
}

/** Lines of code, each short enough to read, the `def` lines aside (a definition is no call). */
function callLines(code: string): string[] {
  return code.split("\n").filter((l) => l.length <= MAX_LINE && !DEF.test(l));
}

/** Does the code call a training entry (`tt.train()`)? */
function callsTraining(code: string): boolean {
  return callLines(code).some((l) => TRAIN_CALL.test(l));
}

/** Does the code call a model's prediction after a training call (`tt.train(); tt.predict()`)? */
function predictsAfterTraining(code: string): boolean {
  const lines = callLines(code);
  const first = lines.findIndex((l) => TRAIN_CALL.test(l));
  return first >= 0 && lines.slice(first + 1).some((l) => PREDICT_CALL.test(l));
}

/** The code with the lines of these spans ("12-20,31-40": a module's `__main__` block, which an import runs not) blanked. */
function withoutLines(code: string, spans: string | undefined): string {
  if (!spans) return code;
  const ranges = spans.split(",").map((s) => s.split("-").map(Number));
  return code
    .split("\n")
    .map((l, i) => (ranges.some(([a, b]) => i + 1 >= a! && i + 1 <= (b ?? a)!) ? "" : l))
    .join("\n");
}

interface Words {
  comment: string | null;
  heading: string | null;
}

/** For each line of a README, the comment within its code block above it (`# test`) and the Markdown heading
 * above it: one pass over the text, each label cut to 80 characters. */
function wordsAboveLines(text: string): Words[] {
  const out: Words[] = [];
  let at: Words = { comment: null, heading: null };
  const cut = (w: string) => w.trim().slice(0, 80);
  let fenced = false;
  for (const l of text.split("\n")) {
    out.push(at);
    if (l.length > MAX_LINE) continue;
    if (/^\s*(?:```|~~~)/.test(l)) {
      fenced = !fenced;
      at = { ...at, comment: null };
    } else if (fenced && /^\s*#/.test(l)) at = { ...at, comment: cut(l.replace(/^\s*#+/, "")) };
    else if (!fenced && /^#{1,6}\s/.test(l)) at = { ...at, heading: cut(l.replace(/^#+/, "")) };
  }
  return out;
}
