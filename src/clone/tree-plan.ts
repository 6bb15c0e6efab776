// Decide, from a commit's tree listing alone, what gets written to disk: the walk's caps applied before any
// byte is written (file count, folder depth, blob size), and names that cannot be written named. Pure.
import { DEFAULT_WALK_CAPS, fileCapOf, type WalkCaps } from "../model/walk-caps.js";
import { classifyPath } from "../model/file-kinds.js";
import type { TreeEntry } from "./tree-reader.js";

/** A tree entry not written, in the walk's own `skipped` record shape, so the report names it as the walk would. */
export type SkippedPath = {
  kind: "skipped";
  file: string;
  reason: string;
  size: number | null;
};

export interface TreePlan {
  /** Files and symlinks whose blobs are read and written. */
  blobs: TreeEntry[];
  /** Files over the size cap: written as sparse files of their size (the walk names them, nothing is read). */
  sparse: TreeEntry[];
  /** Submodules: an empty folder each. */
  folders: TreeEntry[];
  skipped: SkippedPath[];
}

const isFile = (e: TreeEntry) => e.mode === "100644" || e.mode === "100755";

/** A path from a tree is refused if any part could leave the folder or touch git's own files. */
function isSafeTreePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== ".." && part.toLowerCase() !== ".git");
}

export function planTree(entries: readonly TreeEntry[], caps: WalkCaps = DEFAULT_WALK_CAPS): TreePlan {
  const plan: TreePlan = { blobs: [], sparse: [], folders: [], skipped: [] };
  const skip = (file: string, reason: string, size: number | null = null) =>
    plan.skipped.push({ kind: "skipped", file, reason, size });
  const files = new Set<string>();
  const folders = new Set<string>();
  const deepReported = new Set<string>();
  let kept = 0;
  for (const entry of entries) {
    const parts = entry.path.split("/");
    if (!entry.nameIsUtf8) {
      skip(entry.path, "name is not valid UTF-8: not written", entry.size);
      continue;
    }
    if (!isSafeTreePath(entry.path)) {
      // `.git` folders inside a tree are git's own business; anything else here is a hostile name.
      if (!parts.some((p) => p.toLowerCase() === ".git"))
        skip(entry.path, "a name that could leave the folder: not written", entry.size);
      continue;
    }
    if (parts.length - 1 > caps.maxDepth) {
      const folder = parts.slice(0, caps.maxDepth + 1).join("/");
      if (!deepReported.has(folder)) skip(folder, `folder nested deeper than ${caps.maxDepth} levels: not walked`);
      deepReported.add(folder);
      continue;
    }
    // A tree may list a name twice, or as a file and a folder: the first one listed is kept.
    const prefixes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
    if (files.has(entry.path) || folders.has(entry.path) || prefixes.some((p) => files.has(p))) {
      skip(entry.path, "listed more than once in the tree: the first one kept", entry.size);
      continue;
    }
    if (++kept > caps.maxFiles) {
      skip(entry.path, `more than ${caps.maxFiles} files: this one and the rest of the tree were not walked`);
      break;
    }
    files.add(entry.path);
    for (const p of prefixes) folders.add(p);
    if (entry.mode === "160000") plan.folders.push(entry);
    else if (isFile(entry) && (entry.size ?? 0) > fileCapOf(classifyPath(entry.path).kind, caps))
      plan.sparse.push(entry);
    else if (isFile(entry) || entry.mode === "120000") plan.blobs.push(entry);
  }
  return plan;
}
