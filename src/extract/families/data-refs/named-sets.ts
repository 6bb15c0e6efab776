// Data sets a README lists by name with a link ("[Products-10K](https://...)") beside the folder it tells a reader to
// put them in ("place them into ROOT/data"): a folder under that data folder named like a listed set
// (`data/products10k/`, `data/hm/` for "H&M Personalized Fashion") is that set, sourced by its line. Pure.
import type { Located } from "./located.js";
import { GENERIC_FOLDERS } from "../../python/path-kinds.js";

export interface NamedSet {
  /** The name's keys: lower-case letters and digits of the whole name, of its first words, and its initials. */
  keys: Set<string>;
  /** The words of the name, lower case, three letters or more: its own words, for a link that names another set. */
  words: Set<string>;
  /** The link's words (host and path), lower case. */
  linkWords: Set<string>;
  /** "file:line" of the README line. */
  by: string;
}

/** `[name](http...)`, not an image's `![...]`. */
const NAMED_LINK = /(?<!!)\[([^\]\n]{2,80})\]\((https?:\/\/[^\s)]+)\)/g;
/** Link words that name no data set. */
const NOT_A_NAME = /^(?:here|link|this|download|paper|code|website|github|page|arxiv|kaggle|pdf|site|source)$/i;
/** Words every data set's name or link may hold: never what tells two sets apart. */
const COMMON = new Set(["the", "and", "for", "data", "dataset", "datasets", "set", "full", "part", "benchmark", "www"]);

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");

/** The data sets one README line names with links. */
export function namedSetsOf(line: string, by: string): NamedSet[] {
  if (line.length > 2000) return [];
  const out: NamedSet[] = [];
  for (const m of line.matchAll(NAMED_LINK)) {
    const name = m[1]!.trim();
    const words = wordsOf(name);
    if (words.length === 0 || NOT_A_NAME.test(name) || !/[a-z]/i.test(name)) continue;
    const keys = new Set<string>();
    for (let j = 1; j <= words.length; j++) keys.add(words.slice(0, j).join(""));
    if (words.length > 1) keys.add(words.map((w) => w[0]).join(""));
    for (const k of [...keys]) if (k.length < 2 || GENERIC_FOLDERS.has(k) || COMMON.has(k)) keys.delete(k);
    const own = new Set(words.filter((w) => w.length >= 3 && !COMMON.has(w)));
    out.push({ keys, words: own, linkWords: new Set(wordsOf(m[2]!.replace(/^https?:\/\//i, ""))), by });
  }
  return out;
}

/** Whether a set's link names another listed set and none of its own words: a link to the wrong page. */
function misdirected(set: NamedSet, sets: readonly NamedSet[]): boolean {
  if ([...set.words].some((w) => set.linkWords.has(w))) return false;
  return sets.some((other) => other !== set && [...other.words].slice(0, 1).some((w) => set.linkWords.has(w)));
}

/** The README line of the listed set a read's folder under a README data folder is named like; null when none. */
export function namedSetOf(
  sets: readonly NamedSet[],
  folders: ReadonlyArray<{ at: Located }>,
  reads: readonly Located[],
): string | null {
  if (sets.length === 0 || folders.length === 0) return null;
  const dataFolders = new Set(folders.map((f) => f.at.segs[f.at.segs.length - 1]?.toLowerCase() ?? ""));
  for (const r of reads)
    for (let k = 0; k + 1 < r.segs.length; k++) {
      if (!dataFolders.has(r.segs[k]!.toLowerCase())) continue;
      const folder = key(r.segs[k + 1]!);
      if (folder.length < 2 || GENERIC_FOLDERS.has(folder)) continue;
      const set = sets.find((s) => s.keys.has(folder));
      if (set && !misdirected(set, sets)) return set.by;
    }
  return null;
}
