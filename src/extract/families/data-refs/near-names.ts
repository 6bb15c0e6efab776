// A read no step writes, in a folder a step does write into under a near name: `hashes_train_part_0.pklz` read
// where `hashes_train_uncompressed_part_{}.pklz` is written, `zf_x_test.csv` where `get_zf_x_test.csv` is. One
// stage renamed its output and the next was not told. Only a folder whose every write names its file counts:
// a write of an unknown name (`{out}/{name}.pkl`) may be the file read. Pure.
import type { Written } from "./produced.js";
import { locate } from "./located.js";

const clean = (p: string) => p.replace(/^(?:\.\/)+/, "");

/** A name's words (letters only, two or more): `hashes_train_part_0.pklz` -> hashes, train, part. */
const words = (stem: string) =>
  new Set(
    stem
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 2),
  );

const split = (base: string) => {
  const dot = base.lastIndexOf(".");
  return dot > 0 ? { stem: base.slice(0, dot), ext: base.slice(dot) } : { stem: base, ext: "" };
};

/** Does a file name say more than its extension (`oof_*.csv`), not only that (`*.csv`)? */
const named = (base: string) => /[A-Za-z0-9]/.test(split(base).stem.replace(/\*/g, ""));

/** The written file nearest in name to `read` (a fully known name, read from `fromFile`), in the same folder of the
 * repo, with the same extension and most of the read's words: "path (file:line)"; null when there is none, or when
 * some write into that folder has no known name. */
export function nearestWritten(writes: readonly Written[], read: string, fromFile: string): string | null {
  const at = locate(read, fromFile).find((l) => l.anchored);
  if (!at) return null;
  const base = at.segs[at.segs.length - 1] ?? "";
  const { stem, ext } = split(base);
  if (base.includes("*") || ext === "" || at.segs.slice(0, -1).some((s) => s.includes("*"))) return null;
  const folder = at.segs.slice(0, -1).join("/");
  const want = words(stem);
  let best: { score: number; hint: string } | null = null;
  for (const w of writes) {
    if (w.what !== "file") continue;
    const got = locate(w.path, w.fromFile).find((l) => l.anchored);
    if (!got || got.segs.slice(0, -1).join("/") !== folder) continue;
    const name = got.segs[got.segs.length - 1] ?? "";
    if (!named(name)) return null;
    if (!name.endsWith(ext)) continue;
    const have = words(split(name).stem);
    const shared = [...want].filter((x) => have.has(x)).length;
    if (shared < 2 || shared < 0.6 * want.size) continue;
    const score = shared / new Set([...want, ...have]).size;
    if (!best || score > best.score) best = { score, hint: `${clean(w.path)} (${w.by})` };
  }
  return best?.hint ?? null;
}

const INT_FIELD = /%0?\d*d|\{[^{}:]*:0?\d*d\}/g;
const ANY_FIELD = /%[-+ #0]*\d*(?:\.\d+)?[sfrxgeiu]|\{[^{}]*\}/g;
const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** Can the known file name `base` be what the written pattern (`submission_fold*.csv`) makes, given the writer's
 * line (`'submission_fold%d.csv' % fold`)? A field the format types as an integer (`%d`, `{:02d}`) takes digits
 * only, so `submission_fold1_best.csv` is no name it makes. True when the line shows no literal of that pattern. */
export function fitsTypedFields(base: string, written: string, lineText: string): boolean {
  const want = written.slice(written.lastIndexOf("/") + 1);
  if (!want.includes("*")) return true;
  // Only a match through the name's fields is in question (not a folder listed, nor another name).
  const loose = new RegExp(`^${want.split("*").map(escapeRe).join(".+")}$`);
  if (!loose.test(base)) return true;
  for (const m of lineText.slice(0, 2000).matchAll(/(["'])((?:(?!\1).){1,300})\1/g)) {
    const literal = m[2]!.slice(m[2]!.lastIndexOf("/") + 1);
    const typed = literal.replace(INT_FIELD, "\u0001").replace(ANY_FIELD, "\u0002");
    if (typed.replace(/[\u0001\u0002]/g, "*") !== want) continue;
    const re = typed
      .split(/([\u0001\u0002])/)
      .map((p) => (p === "\u0001" ? "\\d+" : p === "\u0002" ? ".+" : escapeRe(p)))
      .join("");
    return new RegExp(`^${re}$`).test(base);
  }
  return true;
}
