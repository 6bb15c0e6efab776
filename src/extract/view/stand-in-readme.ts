// The README a repo with none at its root is read by: its shallowest one (`Submission/readme.MD`), which a
// stranger opens first. Pure over the file list.
import type { InventoryEntry } from "../../model/repo-view.js";
import { roleOf } from "./file-roles.js";

const depth = (path: string) => path.split("/").length;
const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** The README read as the repo's where the root has none: the shallowest; of several at one depth, the one whose
 * folder holds the most code (Python and notebooks, at any depth), then the first by path. Null when the root has
 * a README, or there is none. */
export function standInReadme(files: readonly InventoryEntry[]): string | null {
  const readmes = files.filter((f) => !f.skipped && f.kind === "text" && roleOf(f) === "readme").map((f) => f.path);
  if (readmes.length === 0 || readmes.some((p) => !p.includes("/"))) return null;
  const code = files.filter((f) => f.kind === "python" || f.kind === "notebook").map((f) => f.path);
  const codeIn = (folder: string) => code.filter((p) => p.startsWith(`${folder}/`)).length;
  const ranked = [...readmes].sort(
    (a, b) => depth(a) - depth(b) || codeIn(folderOf(b)) - codeIn(folderOf(a)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return ranked[0]!;
}

/** The folder the stand-in README's commands run from: its own where it holds code (its names resolve there), else
 * the root (a README filed away in `docs/` beside no code still speaks of the root's files). */
export function standInFolder(path: string, files: readonly InventoryEntry[]): string {
  const folder = folderOf(path);
  const holdsCode = files.some(
    (f) =>
      (f.kind === "python" || f.kind === "notebook" || /\.(?:sh|bash)$/.test(f.path)) &&
      f.path.startsWith(`${folder}/`),
  );
  return holdsCode ? folder : "";
}
