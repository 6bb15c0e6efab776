// Names that disagree across stages: a load matched to its producer only through a format string's unknown
// parts (`*_fold*.pth` read, `*_fold*_best.pth` written). With the same unknown parts and other fixed text
// between them, the two names are two files; unless some step writes the name read, nothing makes it. Pure.
import type { Written } from "./produced.js";
import { downloadName } from "./competition-inputs.js";

const clean = (p: string) => p.replace(/^(?:\.\/)+/, "");
/** The fixed text between a path's unknown parts. */
const pieces = (p: string) => clean(p).split("*");

/** The write that `producedBy` names, when it makes a file of another name in the read's shape and no write
 * makes the name read itself: "path (file:line)"; null otherwise. `glob`: the read lists a folder by a glob
 * (`glob("images_train/*.jpg")`), whose `*` takes any text, fixed text of the written name too. */
export function otherName(writes: readonly Written[], producedBy: string, read: string, glob = false): string | null {
  const wanted = pieces(read);
  if (wanted.length < 2) return null; // a fully known name the producer matched is the name written
  if (glob && writes.some((w) => w.what === "file" && globFits(clean(read), clean(w.path)))) return null;
  // Some write whose pattern fits a name the read's pattern fits too (`ira_*.pkl` written, `*ira_cfg.x.pkl` read).
  if (writes.some((w) => w.what === "file" && patternsMeet(clean(w.path), clean(read)))) return null;
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

/** Is there a file name both patterns fit? A `*` is an unknown part of a name, never empty: it stands for some
 * fixed text of the other pattern, or for one unknown part of it, never for an unknown part and fixed text
 * together (else `*_fold*_best.pth` and `*_fold*.pth` would be one name, which they are not: their fixed text
 * differs). A leading unknown root joined without a slash (`DIR + "out.pkl"`) may end in one (`DIR = "/x/"`). */
export function patternsMeet(a: string, b: string): boolean {
  // Cheap first: the fixed ends of the two names must agree (one's extension ends the other's).
  const [ea, eb] = [a.slice(a.lastIndexOf("*") + 1), b.slice(b.lastIndexOf("*") + 1)];
  if (!ea.endsWith(eb) && !eb.endsWith(ea)) return false;
  for (const x of rootForms(a)) for (const y of rootForms(b)) if (meet(x, y)) return true;
  return false;
}

/** Does the glob list the names a written pattern makes (`images_train/*.jpg` and `images_train/image_*.jpg`)?
 * A glob's `*` is any text within one folder; the written pattern's unknown parts stand as one letter. */
function globFits(glob: string, written: string): boolean {
  if (glob.length > 300 || written.length > 300) return false; // a long pattern would cost the match its backtracking
  const re = new RegExp(`^${glob.split("*").map(escapeRe).join("[^/]*")}$`);
  return re.test(written.replace(/\*/g, "x"));
}

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

const rootForms = (p: string) => (/^\*[^/*]/.test(p) ? [p, `*/${p.slice(1)}`] : [p]);

/** Reachability over positions (i in x, j in y): literal against the same literal, unknown against unknown,
 * or an unknown against some of the other's literals up to its next unknown. */
function meet(x: string, y: string): boolean {
  const seen = new Set<number>();
  const todo: Array<[number, number]> = [[0, 0]];
  const run = (s: string, from: number) => {
    let to = from;
    while (to < s.length && s[to] !== "*") to++;
    return to;
  };
  while (todo.length) {
    const [i, j] = todo.pop()!;
    const key = i * (y.length + 1) + j;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === x.length && j === y.length) return true;
    const [cx, cy] = [x[i], y[j]];
    if (cx === "*" && cy === "*") todo.push([i + 1, j + 1]);
    else if (cx !== undefined && cx === cy) todo.push([i + 1, j + 1]);
    if (cx === "*") for (let k = j + 1; k <= run(y, j); k++) todo.push([i + 1, k]);
    if (cy === "*") for (let k = i + 1; k <= run(x, i); k++) todo.push([k, j + 1]);
  }
  return false;
}

/** For a fully known read no step writes, found in a data folder the README fills: a write of the same file name
 * into another folder, or of the same name with a suffix in the same folder (`meta.feather` read,
 * `meta_v2.feather` written): "path (file:line)"; null otherwise. A download gives the data's own files, not these,
 * and its own tables (`train.csv`) are inputs, never a derived `train_pl_df.csv` misnamed. */
export function writtenElsewhere(writes: readonly Written[], read: string): string | null {
  if (downloadName(read)) return null;
  const suffixedFolder = folderSuffixed(writes, read);
  if (suffixedFolder !== null) return suffixedFolder;
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

/** For a read whose file name is known (`{dir}/oof_df.csv`), that no step writes and no README sources: a write
 * into the same folder of that name behind a prefix (`{out}/flayer_oof_df.csv`), the stage before saving its
 * output under another name than the next stage reads: "path (file:line)"; null otherwise. */
export function writtenPrefixed(writes: readonly Written[], read: string): string | null {
  if (downloadName(read)) return null;
  const at = clean(read).lastIndexOf("/");
  const [folder, base] = [clean(read).slice(0, Math.max(0, at)), clean(read).slice(at + 1)];
  if (base.includes("*") || !/^[A-Za-z0-9]/.test(base) || !/\.[A-Za-z0-9]+$/.test(base)) return null;
  for (const w of writes) {
    if (w.what !== "file") continue;
    const p = clean(w.path);
    const cut = p.lastIndexOf("/");
    const got = p.slice(cut + 1);
    if (p.slice(0, Math.max(0, cut)) !== folder || !got.endsWith(base)) continue;
    if (/^[A-Za-z0-9]\w*[_-]$/.test(got.slice(0, -base.length))) return `${p} (${w.by})`;
  }
  return null;
}

/** A write of the same path but for one folder that carries a suffix the read's lacks (`frames_half/*.jpg`
 * written, `frames/*.jpg` read: an f-string's constant in the writer's folder name): "path (file:line)"; else null. */
function folderSuffixed(writes: readonly Written[], read: string): string | null {
  const want = clean(read).split("/");
  if (want.length < 2) return null;
  for (const w of writes) {
    if (w.what !== "file") continue;
    const got = clean(w.path).split("/");
    if (got.length !== want.length) continue;
    const differ = got.flatMap((g, i) => (g === want[i] ? [] : [i]));
    if (differ.length !== 1 || differ[0] === got.length - 1) continue;
    const [g, r] = [got[differ[0]!]!, want[differ[0]!]!];
    if (!r.includes("*") && /^[_-][A-Za-z0-9][\w-]*$/.test(g.slice(r.length)) && g.startsWith(r))
      return `${clean(w.path)} (${w.by})`;
  }
  return null;
}
