// What a Python script's own code does, for a step whose name and words say nothing (`python main.py` under
// "Run"): whether it fits a model, whether it writes the submission file; and the submission files a README
// names. Shared by the readme and rerun-plan families. Pure.
import { MAX_PATH_WORD, PATH_TOKEN, withoutTrailingDots } from "../parse/prose-paths.js";

/** Calls that fit a model: scikit-learn style `.fit(`, boosting libraries' `train(`, a backward pass, a trainer. */
const FITS =
  /\.fit(?:_generator)?\(|\b(?:lgb|lightgbm|xgb|xgboost|catboost|cb)\.train\(|\.backward\(\s*\)|\btrainer\.(?:fit|train)\(|\bmodel\.train\(\s*\)/;

export function fitsModel(code: string): boolean {
  return FITS.test(code);
}

/** A file name that says it is a submission (`submission.csv`, `final_submission.csv.gz`). */
const SUBMISSION_FILE = /submission[\w.-]*\.(?:csv|zip|json|txt|gz)\b/i;
/** A line that writes a file: a DataFrame's or NumPy's writer, or `open` for writing. */
const WRITES = /\.to_(?:csv|json)\(|\bsavetxt\(|\bopen\([^)]*["'][wax]b?\+?["']/;

/** Does the code write a submission file: one the README names (`names`, anywhere in the code), or one named as
 * a submission on a line that writes, or through a constant a writing line uses? Reading
 * `sample_submission.csv` is no submission written. */
export function writesSubmission(code: string, names: readonly string[]): boolean {
  if (names.some((n) => code.includes(n))) return true;
  // A line longer than any a person writes (minified or generated) says nothing here, and would cost the patterns.
  const lines = code.split("\n").filter((line) => line.length <= 2000);
  const isSubmission = (line: string) =>
    [...line.matchAll(new RegExp(SUBMISSION_FILE, "gi"))].some((m) => !/sample_$/i.test(line.slice(0, m.index)));
  const constants: string[] = [];
  for (const line of lines) {
    const constant = /^\s*([A-Za-z_]\w*)\s*=[^=]/.exec(line)?.[1];
    if (constant && !WRITES.test(line) && isSubmission(line)) constants.push(constant);
  }
  return lines.some(
    (line) => WRITES.test(line) && (isSubmission(line) || constants.some((c) => new RegExp(`\\b${c}\\b`).test(line))),
  );
}

/** Does a line of the code write one of these files (`df.to_csv(f"out/{k}/test_preds.csv")`)? */
export function writesNamed(code: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  return code
    .split("\n")
    .some((line) => line.length <= 2000 && WRITES.test(line) && names.some((n) => line.includes(n)));
}

/** Submission files the README names (`submission.csv`, `sub_final.csv`), by base name; a linear scan of path-like words. */
export function submissionNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PATH_TOKEN)) {
    const word = withoutTrailingDots(m[0]);
    const base = word.slice(word.lastIndexOf("/") + 1);
    if (base.length <= MAX_PATH_WORD && /sub/i.test(base) && /\.(?:csv|zip|json|txt|gz)$/i.test(base)) out.add(base);
  }
  return [...out];
}

/** A line saying files are submitted and made ("submission files (test_preds.csv) will be saved in outputs"). */
const SUBMITTED_LINE = /\bsubmi(?:t|ssions?)\b/i;
const MADE = /\b(?:saved?|written|writes?|generated?|created?|produced?|stored)\b/i;

/** Files of any name the README says are the submission and are made (`test_preds.csv`), by base name; a code
 * line writing one is a prediction. Inputs (`sample_submission.csv`) aside. */
export function submittedFiles(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.length > 2000 || !SUBMITTED_LINE.test(line) || !MADE.test(line)) continue;
    for (const m of line.matchAll(PATH_TOKEN)) {
      const word = withoutTrailingDots(m[0]);
      const base = word.slice(word.lastIndexOf("/") + 1);
      if (/^[\w.-]+\.(?:csv|zip|json|gz)$/i.test(base) && !/^sample/i.test(base)) out.add(base);
    }
  }
  return [...out];
}
