// Outputs the code writes above the repo root ('../../output/<exp>/checkpoints' at the root): the checkpoints land
// in a folder beside the clone, and the step that reads them back finds them only where the clone sits in the same
// layout as the author's. A folder outside the repo is named by its climb and first name, counted from the repo
// root ('../../output'), so the same folder written from train.py and read from src/infer.py ('../../../output')
// is one. Pure.
import { posix } from "node:path";
import { climbsOutOfRepo } from "./classify.js";

/** The folder outside the repo a relative path written in `fromFile` names ('../../output'), or null when it stays
 * inside, is no climb past Kaggle's one level, or names no literal folder ('../../{}'). */
export function outsideFolder(value: string, fromFile: string): string | null {
  if (!climbsOutOfRepo(value, fromFile)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), value.replace(/\\/g, "/")));
  const parts = joined.split("/");
  const ups = parts.findIndex((p) => p !== "..");
  const name = ups < 0 ? undefined : parts[ups];
  if (ups <= 0 || !name || !/^[\w.-]+$/.test(name)) return null;
  return [...parts.slice(0, ups), name].join("/");
}

export interface OutsideWrite {
  file: string;
  line: number;
  path: string;
}

/** Each folder outside the repo the code writes into, with the first write there ("train.py:997"). */
export function writtenOutside(writes: readonly OutsideWrite[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of writes) {
    if (w.path === "*") continue;
    const folder = outsideFolder(w.path, w.file);
    if (folder && !out.has(folder)) out.set(folder, `${w.file}:${w.line}`);
  }
  return out;
}

/** Kaggle's input folder above the repo (`../input/...` from the root): a layout where outputs beside it belong too. */
const SIBLING_INPUT = /^((?:\.\.\/)+)input(?:\/|$)/;

/** The first path string that reads the inputs from a folder beside the repo ("common.py:6" for '../input/train.csv'
 * at the root), by how far it climbs ("../"), or an empty map. */
export function siblingInputs(strings: readonly OutsideWrite[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of strings) {
    const joined = posix.normalize(posix.join(posix.dirname(s.file), s.path.replace(/\\/g, "/")));
    const climb = SIBLING_INPUT.exec(joined)?.[1];
    if (climb !== undefined && !out.has(climb)) out.set(climb, `${s.file}:${s.line}`);
  }
  return out;
}

/** The folders beside the repo the code writes into that it also reads its inputs from ('../data' for
 * '../data/train/*' read where '../data/out.csv' is written): outputs next to their own inputs, one layout. Each with
 * its first such read ("prep.py:3"): a path string on no line of its file that writes, that names no file a write
 * there names and no folder holding one (reading back its own outputs is no input). */
export function readFromWritten(
  strings: readonly OutsideWrite[],
  writes: readonly OutsideWrite[],
  written: ReadonlyMap<string, string>,
): Map<string, string> {
  const writing = new Set(writes.map((w) => `${w.file}:${w.line}`));
  const made = writes.filter((w) => w.path !== "*").map((w) => fromRoot(w.path, w.file));
  const out = new Map<string, string>();
  for (const s of strings) {
    const at = `${s.file}:${s.line}`;
    const folder = writing.has(at) ? null : outsideFolder(s.path, s.file);
    if (folder === null || !written.has(folder) || out.has(folder)) continue;
    // A pattern's fixed part: '../data/train/*' lists ../data/train.
    const read = fromRoot(s.path, s.file).replace(/(?:\/[^/]*[*{][^/]*)+$/, "");
    const base = read.slice(read.lastIndexOf("/") + 1);
    const readsBack = made.some((w) => w === read || w.startsWith(`${read}/`) || w.endsWith(`/${base}`));
    if (!readsBack) out.set(folder, at);
  }
  return out;
}

/** A path written in `file`, from the repo root, normalised ('../data/x.csv' from src/a.py is '../../data/x.csv'). */
const fromRoot = (path: string, file: string): string =>
  posix.normalize(posix.join(posix.dirname(file), path.replace(/\\/g, "/"))).replace(/\/+$/, "");

/** The climb of a folder outside the repo ('../models' is "../"). */
export const climbOf = (folder: string): string => /^(?:\.\.\/)*/.exec(folder)![0];
