// Files a notebook places itself (`!cp /kaggle/input/ds/model.ckpt ../model.ckpt`, `!cp /kaggle/input/ds/model.ckpt .`,
// `shutil.copy(src, "../model.ckpt")`): a relative path outside the repo that names one of them, read after that
// line, is where the notebook put the file, not a folder of the author's machine. Pure.

/** `cp`/`mv`/`ln` with their last word the destination; `wget -O x`, `curl -o x`. */
const COPY = /^(?:sudo\s+)?(?:cp|mv|ln)\s+(.+)$/;
const DOWNLOAD = /^(?:wget|curl)\s.*?(?:-O|-o|--output(?:-document)?=?)\s*(\S+)/;
/** `shutil.copy(src, dst)` and its kin, both arguments string literals. */
const SHUTIL = /shutil\.(?:copy|copy2|copyfile|move)\(\s*[rRfF]?(['"])([^'"\n]+)\1\s*,\s*[rRfF]?(['"])([^'"\n]+)\3/g;

const baseOf = (path: string): string => path.replace(/\/+$/, "").split("/").pop() ?? "";
const unquote = (word: string): string => word.replace(/^['"]|['"]$/g, "");

/** What a copy to `dst` of `src` is called there: `dst`'s own name, or `src`'s where `dst` is a folder. */
function landedName(src: string, dst: string): string {
  return dst === "." || dst === ".." || dst.endsWith("/") || !/\.\w+$/.test(baseOf(dst)) ? baseOf(src) : baseOf(dst);
}

/** The names of the files placed, each with the first line that places it. */
export function placedFiles(shell: ReadonlyArray<{ line: number; text: string }>, python: string): Map<string, number> {
  const out = new Map<string, number>();
  const note = (name: string, line: number) => {
    if (name !== "" && !name.includes("*") && !out.has(name)) out.set(name, line);
  };
  for (const { line, text } of shell)
    for (const part of text.split(/\s*(?:&&|;)\s*/)) {
      const copy = COPY.exec(part.trim());
      if (copy) {
        const words = copy[1]!
          .split(/\s+/)
          .filter((w) => !w.startsWith("-"))
          .map(unquote);
        if (words.length >= 2) for (const src of words.slice(0, -1)) note(landedName(src, words.at(-1)!), line);
        continue;
      }
      const download = DOWNLOAD.exec(part.trim());
      if (download) note(baseOf(unquote(download[1]!)), line);
    }
  if (python.includes("shutil."))
    for (const m of python.matchAll(SHUTIL))
      note(landedName(m[2]!, m[4]!), python.slice(0, m.index).split("\n").length);
  return out;
}

/** Whether a relative path read at `line` names a file placed on an earlier line. */
export function readsPlaced(value: string, line: number, placed: ReadonlyMap<string, number>): boolean {
  const at = placed.get(baseOf(value));
  return at !== undefined && at < line;
}
