// What each file is for, decided once by its path while the tree is walked: extractors ask for files by
// role instead of testing names again. The docs pattern lives here; the names of READMEs, specs and scripts in
// model/file-kinds, which the grading by the rerun plan reads too. Pure.
import type { FileKind, FileRole, RepoView, InventoryEntry } from "../../model/repo-view.js";
import {
  isCondaPath,
  isDockerfilePath,
  isMakefilePath,
  isReadmePath,
  isRequirementsPath,
  isShellPath,
  ROLE_BY_NAME,
} from "../../model/file-kinds.js";

/** Prose documentation under a root `doc/` or `docs/` folder. */
const DOCS = /^docs?\/.*\.(?:md|markdown|rst)$/i;

/** The one role of a file, from its path and the kind its extension gives. */
export function fileRole(path: string, kind: FileKind): FileRole {
  const name = path.slice(path.lastIndexOf("/") + 1);
  // A requirements/ folder's .txt files are requirements whatever their names (requirements/runtime.txt).
  if (isRequirementsPath(path)) return "requirements";
  if (isReadmePath(name)) return "readme";
  if (DOCS.test(path)) return "docs";
  const named = Object.hasOwn(ROLE_BY_NAME, name) ? ROLE_BY_NAME[name] : undefined;
  if (named) return named;
  if (isDockerfilePath(path)) return "dockerfile";
  if (isCondaPath(name)) return "conda";
  if (isShellPath(name)) return "shell";
  if (isMakefilePath(name)) return "makefile";
  return kind;
}

/** Is this path a README (by name, at any depth)? For callers holding paths rather than a view. */
export { isReadmePath };

// Kept beside the entries rather than in them: an entry stays the plain record the inventory shows.
const roles = new WeakMap<InventoryEntry, FileRole>();

/** Give an entry its role, once, as the walk (or an in-memory view) makes it. */
export function giveRole<T extends InventoryEntry>(entry: T): T {
  roles.set(entry, fileRole(entry.path, entry.kind));
  return entry;
}

/** An entry's role: the one the walk gave it (an entry made elsewhere gets it from its path, the same way). */
export function roleOf(entry: InventoryEntry): FileRole {
  return roles.get(entry) ?? fileRole(entry.path, entry.kind);
}

/** The files of the view with one of the roles, in the view's order; skipped files included (check `skipped`). */
export function filesWithRole(view: RepoView, ...roles: FileRole[]): InventoryEntry[] {
  const wanted = new Set(roles);
  return view.files().filter((entry) => wanted.has(roleOf(entry)));
}
