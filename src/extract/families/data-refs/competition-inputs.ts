// The competition's own files are inputs: a read named like a competition's download, or under the data root
// the README points at, is no output of a pipeline pattern that happens to fit its name. Pure.
import type { Written } from "./produced.js";

/** Names competitions hand out: `train.csv`, `stage_1_train.csv`, `stage_2_sample_submission.csv`,
 * `train_labels.csv`, `labels.csv` (not `train_folds.csv`, which a pipeline makes). */
const DOWNLOAD_NAME =
  /^(?:[\w-]+_)?sample_submission[\w-]*\.(?:csv|zip)$|^(?:stage_?\d+_?)?(?:train|test)(?:_?labels?|_v?\d)?\.(?:csv|tsv|json|parquet|zip)$|^(?:stage_?\d+_?)?(?:train_|test_)?labels?\.csv$/i;

export function downloadName(path: string): boolean {
  return DOWNLOAD_NAME.test(path.slice(path.lastIndexOf("/") + 1));
}

/** Is a read whose producer match is `producedBy` the competition's input rather than that write's output?
 * Yes when the README documents its folder or its name is a download's, and the write names it only through a
 * pattern (`input/stage_1_{part}.csv`); a write of the very name counts only against an undocumented read. */
export function competitionInput(
  read: string,
  documented: boolean,
  producedBy: string,
  writes: readonly Written[],
): boolean {
  const download = downloadName(read);
  if (!documented && !download) return false;
  const files = writes.filter((w) => w.by === producedBy && w.what === "file");
  if (files.length === 0) return false;
  const patternOnly = files.every((w) => w.path.slice(w.path.lastIndexOf("/") + 1).includes("*"));
  return patternOnly || (documented && download);
}
