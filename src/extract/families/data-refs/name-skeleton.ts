// Names that disagree across stages: a load matched to its producer only through a format string's unknown
// parts (`*_fold*.pth` read, `*_fold*_best.pth` written). With the same unknown parts and other fixed text
// between them, the two names are two files; unless some step writes the name read, nothing makes it. Pure.
import type { Written } from "./produced.js";

const clean = (p: string) => p.replace(/^(?:\.\/)+/, "");
/** The fixed text between a path's unknown parts. */
const pieces = (p: string) => clean(p).split("*");

/** The write that `producedBy` names, when it makes a file of another name in the read's shape and no write
 * makes the name read itself: "path (file:line)"; null otherwise. */
export function otherName(writes: readonly Written[], producedBy: string, read: string): string | null {
  const wanted = pieces(read);
  if (wanted.length < 2) return null; // a fully known name the producer matched is the name written
  const same = (w: Written) => w.what === "file" && pieces(w.path).join("*") === wanted.join("*");
  if (writes.some(same)) return null;
  for (const w of writes) {
    if (w.by !== producedBy || w.what !== "file") continue;
    const got = pieces(w.path);
    // Same folder and the same number of unknown parts: only the fixed text of the name differs.
    const folder = (p: string) => clean(p).slice(0, Math.max(0, clean(p).lastIndexOf("/")));
    if (got.length !== wanted.length || folder(w.path) !== folder(read)) continue;
    return `${clean(w.path)} (${w.by})`;
  }
  return null;
}

/** For a fully known read no step writes, found in a data folder the README fills: a write of the same file name
 * into another folder, or of the same name with a suffix in the same folder (`meta.feather` read,
 * `meta_v2.feather` written): "path (file:line)"; null otherwise. A download gives the data's own files, not these. */
export function writtenElsewhere(writes: readonly Written[], read: string): string | null {
  if (read.includes("*")) return null;
  const split = (p: string) => {
    const at = clean(p).lastIndexOf("/");
    return { folder: clean(p).slice(0, Math.max(0, at)), base: clean(p).slice(at + 1) };
  };
  const want = split(read);
  const dot = want.base.lastIndexOf(".");
  if (dot <= 0) return null;
  const [stem, ext] = [want.base.slice(0, dot), want.base.slice(dot)];
  for (const w of writes) {
    if (w.what !== "file" || w.path.includes("*")) continue;
    const got = split(w.path);
    const moved = got.base === want.base && got.folder !== want.folder;
    const suffixed =
      got.folder === want.folder &&
      got.base.endsWith(ext) &&
      /^[_-]\w+$/.test(got.base.slice(stem.length, -ext.length)) &&
      got.base.startsWith(stem);
    if (moved || suffixed) return `${clean(w.path)} (${w.by})`;
  }
  return null;
}
