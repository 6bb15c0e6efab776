// The folders a README line gives as the steps of its procedure ("run the code in `alice/`, `bob/`, then
// `dave/`"), and whether each holds anything but placeholders (.gitkeep, .keep, an empty README).
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { isReadmePath } from "../../view/file-roles.js";

/** Words that make a line a procedure rather than a layout ("put the data in `data/`"). */
const STEP_WORDS = /\b(?:run|execute|procedure|steps?|in (?:this|that|the following) order|stages?)\b/i;
const LAYOUT_WORDS = /\b(?:put|place|download|extract|unzip|save|store|copy|move|mount)\b/i;
/** Folders that are meant to start empty and fill as the pipeline runs. */
const DATA_FOLDER =
  /^(?:data|dataset|datasets|input|inputs|output|outputs|models?|weights|checkpoints?|ckpts?|logs?|results?|submissions?|cache|tmp|features?|pretrained|working)$/i;
const KEEP = /^\.(?:gitkeep|keep|gitignore|placeholder)$|^\.?keep$/i;

/** Whether the folder holds only placeholders: keep files, empty files, a README with nothing but headings. */
function placeholdersOnly(view: RepoView, folder: string): string[] | null {
  const files = view.files().filter((e) => e.path.startsWith(`${folder}/`));
  if (files.length === 0) return null;
  for (const e of files) {
    const name = e.path.slice(e.path.lastIndexOf("/") + 1);
    if (KEEP.test(name) || e.size === 0) continue;
    if (isReadmePath(name) && (view.read(e.path) ?? "x").split("\n").every((l) => !l.trim() || /^\s*#/.test(l)))
      continue;
    return null;
  }
  return files.map((e) => e.path.slice(folder.length + 1));
}

/** One record per folder a procedure line names, when it names at least two and one of them holds code. */
export function stepFolderRecords(view: RepoView, file: string, text: string, dir: string): FactRecord[] {
  const records: FactRecord[] = [];
  let fenced = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !STEP_WORDS.test(line) || LAYOUT_WORDS.test(line)) return;
    const folders = [
      ...new Set(
        line
          .split(/[\s,`'"*()[\]]+/)
          .map((w) => w.replace(/^\.\//, "").replace(/[/.:;]+$/, ""))
          .filter((w) => w && !w.startsWith("..") && !DATA_FOLDER.test(w.split("/").pop()!))
          .map((w) => (dir ? `${dir}/${w}` : w))
          .filter((w) => view.isDir(w)),
      ),
    ];
    if (folders.length < 2) return;
    const empty = new Map(folders.map((f) => [f, placeholdersOnly(view, f)]));
    if (folders.every((f) => empty.get(f) !== null)) return; // a list of layout folders, not of steps with code
    for (const folder of folders) {
      const only = empty.get(folder);
      records.push({
        kind: "step-folder",
        file,
        line: i + 1,
        name: folder,
        exists: true,
        ...(only ? { placeholders: only.join(", ") } : {}),
      });
    }
  });
  return records;
}
