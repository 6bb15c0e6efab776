// A README line that describes a file rather than says to run it: "- **`train.ipynb`** — the training pipeline",
// "`infer.ipynb`: makes the submission". Such a line lists what the repo holds; a step says to run or open the
// file ("1. Run `train.ipynb`", "Open `x.ipynb` on Kaggle"). Pure.

/** An unordered bullet (or a bare line) that starts with a file's name, then `:`, `-`, `—` or `–` and words. */
const DESCRIBED =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?`?(?:\*\*|__)?[\w./-]+\.\w+`?(?:\*\*|__)?`?\s*(?::|\s[-—–]|[—–])\s*(\S.*)$/;
/** Words that make the line an instruction after all ("- `a.ipynb`: run it first"). */
const INSTRUCTS = /\b(?:run|running|execute|launch|open|start)\b/i;

/** Whether the line describes the file it starts with, saying nothing of running it. */
export function describesFile(line: string): boolean {
  const words = line.length <= 2000 ? DESCRIBED.exec(line)?.[1] : undefined;
  return words !== undefined && !INSTRUCTS.test(words);
}
