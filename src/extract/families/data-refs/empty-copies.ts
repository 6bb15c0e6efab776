// Copies out of nothing: a cp/mv step whose every source is a folder of the repo that holds no file matching
// it and that no other step writes into (`cp ../bob/output/* ./output/bob` with bob/ holding a .gitkeep). What
// it "produces" has no source. Pure.
import { posix } from "node:path";
import { contextHolds } from "../../parse/docker-copies.js";
import type { Written } from "./produced.js";

const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");

/** A source as a repo path, or null when it lies outside the repo or is not known (absolute, a variable, ~). */
function repoPath(source: string, fromFile: string): string | null {
  if (/^[/$~]|^[A-Za-z]:/.test(source)) return null;
  const p = posix.normalize(posix.join(dirOf(fromFile), source)).replace(/\/+$/, "");
  return p === "." || p.startsWith("..") ? null : p;
}

/** The literal folder a source names before any glob (`bob/output/*.parquet` -> bob/output). */
function literalPrefix(path: string): string {
  const parts = path.split("/");
  const glob = parts.findIndex((s) => /[*?[]/.test(s));
  return (glob < 0 ? parts : parts.slice(0, glob)).join("/");
}

/** Whether a write may fill the folder: its path names the folder's last two names (wherever its writer runs
 * from), or its writer lies in a folder above it and names the rest (bob/train.py writing `output/x`). */
function writesInto(o: Written, folder: string): boolean {
  if (folder === "") return true;
  const written = `${o.path.replace(/^\.\//, "")}/`;
  const parts = folder.split("/");
  if (written.includes(`${parts.slice(-2).join("/")}/`)) return true;
  for (let n = 1; n < parts.length; n++) {
    if (o.fromFile.startsWith(`${parts.slice(0, n).join("/")}/`) && written.includes(`${parts.slice(n).join("/")}/`))
      return true;
  }
  return false;
}

/** Whether a write makes the very file a source names (`cp out/train_features_vit_b.pt .` and a save of
 * `f"train_features_{args.arch}.pt"`): its name's pattern, with fixed text of its own, fits the source's file
 * name, and it names no folder (it writes where its step runs) or the source's. */
function writesFile(o: Written, source: string): boolean {
  const base = source.slice(source.lastIndexOf("/") + 1);
  const written = o.path.replace(/^\.\//, "");
  const name = written.slice(written.lastIndexOf("/") + 1);
  if (o.what !== "file" || /[*?[]/.test(base) || !name.includes("*") || name.length > 200) return false;
  if (!/[A-Za-z0-9]{3}/.test(name.replace(/\.[A-Za-z0-9]+$/, "").replace(/\*/g, ""))) return false;
  const re = new RegExp(
    `^${name
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+")}$`,
  );
  return re.test(base) && (!written.includes("/") || writesInto(o, dirOf(source)));
}

/** The copy steps whose sources are all empty, each with the words that say so. `documented`: a source the
 * README has the reader fill (a download's folder) is not empty. A script run from several folders copies
 * out of nothing only where it does from every one of them. */
export function emptyCopies(
  writes: readonly Written[],
  repoFiles: readonly string[],
  documented: (source: string) => boolean = () => false,
): Array<{ write: Written; why: string }> {
  const out: Array<{ write: Written; why: string }> = [];
  const filled = new Set<string>();
  for (const w of writes) {
    if (!w.from?.length) continue;
    const sources = w.from.map((s) => repoPath(s, w.fromFile));
    const empty =
      sources.every((s) => s !== null) &&
      (sources as string[]).every((src) => {
        if (contextHolds(repoFiles, src, null) || documented(src)) return false;
        return !writes.some((o) => o !== w && (writesInto(o, literalPrefix(src)) || writesFile(o, src)));
      });
    if (!empty) filled.add(w.by);
    else
      out.push({
        write: w,
        why: `${w.by} copies it from ${(sources as string[]).join(", ")}, which holds no such file and no step writes`,
      });
  }
  return out.filter((h) => !filled.has(h.write.by));
}
