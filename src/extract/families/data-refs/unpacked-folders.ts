// Folders a documented download unpacks into: `kaggle datasets download -d o/name` then `unzip name.zip -d
// datasets/name` (or `tar xf name.tar.gz -C dir`, or no folder: the current one). A read under such a folder
// (`../datasets/name/sub/x.csv`) is a file of that archive, which no line names one by one.
import type { Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { FETCHER, fetchScripts } from "./fetch-commands.js";

export interface Unpack {
  /** The folder it unpacks into, relative, without `./`; null for the current folder. */
  folder: string | null;
  /** The archive's name without its extension (`name` of `name.zip`). */
  archive: string;
  /** file:line of the unpack command. */
  by: string;
}

const ARCHIVE = "[\"']?([^\\s\"';&|]*?([\\w.${}-]+)\\.(?:zip|tar|tar\\.gz|tgz|tar\\.bz2|tar\\.xz))[\"']?";
const UNZIP = new RegExp(`\\bunzip\\b(?:\\s+-[a-zA-Z]+)*\\s+${ARCHIVE}([^;&|\\n]*)`, "g");
const UNTAR = new RegExp(`\\btar\\s+-?[a-zA-Z]*x[a-zA-Z]*\\s+(?:-[a-zA-Z]+\\s+)*${ARCHIVE}([^;&|\\n]*)`, "g");
const INTO = /(?:^|\s)(?:-d|-C|--directory)[\s=]+["']?([^\s"';&|]+)/;

/** The unpack commands of one text, which must also download something (an archive shipped in the repo
 * unpacks data of the repo's own, and a script that only unzips says nothing of where the archive comes from). */
export function unpacksIn(file: string, text: string): Unpack[] {
  if (!FETCHER.test(text)) return [];
  const out: Unpack[] = [];
  const lines = text.split("\n");
  lines.forEach((lineText, i) => {
    for (const re of [UNZIP, UNTAR]) {
      re.lastIndex = 0;
      for (const m of lineText.matchAll(re)) {
        const into = INTO.exec(m[3] ?? "")?.[1];
        const folder = into === undefined ? null : into.replace(/^\.\//, "").replace(/\/+$/, "");
        // A folder held in a variable is unknown: no read is placed under it.
        if (folder !== null && (folder.includes("$") || folder.startsWith("/"))) continue;
        out.push({ folder: folder === "" || folder === "." ? null : folder, archive: m[2]!, by: `${file}:${i + 1}` });
      }
    }
  });
  return out;
}

/** Every unpack of the README's commands (one reader's shell) and of the scripts that download. */
export function unpackedFolders(view: RepoView, facts: Facts): Unpack[] {
  const out: Unpack[] = [];
  const byReadme = new Map<string, string[]>();
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind !== "command" || typeof r.command !== "string") continue;
    const file = r.file ?? "README";
    const list = byReadme.get(file) ?? [];
    // Each command at its own line: the text is joined with blank lines to keep the numbers.
    const line = typeof r.line === "number" ? r.line : 0;
    while (list.length < line - 1) list.push("");
    list.push(r.command.split("\n")[0]!);
    byReadme.set(file, list);
  }
  for (const [file, list] of byReadme) out.push(...unpacksIn(file, list.join("\n")));
  for (const { file, text } of fetchScripts(view)) out.push(...unpacksIn(file, text));
  return out;
}

/** The unpack a read's path lies under: its folder's segments run inside the read's folders (a script run
 * from `sub/` unpacks into `sub/datasets/x`, read as `../datasets/x/f.csv` from `sub/code`), or, for an
 * unpack into the current folder, the archive's name is one of them. Conclusive when the archive is named
 * like the folder it fills (`x.zip` into `datasets/x`); else only where the file probably comes from. */
export function unpackedFrom(path: string, unpacks: readonly Unpack[]): { by: string; conclusive: boolean } | null {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) return null;
  const folders = path
    .replace(/^(?:\.\.?\/)+/, "")
    .split("/")
    .slice(0, -1)
    .filter((s) => s !== "" && s !== ".");
  let probable: string | null = null;
  for (const u of unpacks) {
    const segs = u.folder === null ? [u.archive] : u.folder.split("/").filter((s) => s !== "." && s !== "");
    if (segs.length === 0 || !runsInside(segs, folders)) continue;
    if (u.folder !== null && segs[segs.length - 1] === u.archive) return { by: u.by, conclusive: true };
    probable ??= u.by;
  }
  return probable === null ? null : { by: probable, conclusive: false };
}

function runsInside(segs: readonly string[], folders: readonly string[]): boolean {
  for (let i = 0; i + segs.length <= folders.length; i++) if (segs.every((s, j) => folders[i + j] === s)) return true;
  return false;
}
