// Write one commit's files into an empty folder, read from git's objects: how `--ref` on a local repo is
// audited without touching the user's working tree, index or .git (no worktree metadata, no HEAD move).
import { lstat, mkdir, open, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { listTree, readBlobs, type TreeEntry } from "./tree-reader.js";

/** Blobs above this are written as sparse files of the right size: the walk never reads them (they are
 * over its cap) but sees their size, and the blob never sits in memory. */
const MAX_BLOB_IN_MEMORY = 64 * 1024 * 1024;

/** A path from a tree is refused if any part could leave the folder or touch git's own files. */
export function isSafeTreePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== ".." && part.toLowerCase() !== ".git");
}

export async function materializeCommit(repoDir: string, commit: string, dest: string): Promise<void> {
  const entries = (await listTree(repoDir, commit)).filter((e) => isSafeTreePath(e.path));
  const files = entries.filter((e) => e.mode === "100644" || e.mode === "100755");
  const links = entries.filter((e) => e.mode === "120000");
  for (const e of entries.filter((e) => e.mode === "160000")) await mkdir(await safeTarget(dest, e.path), { recursive: true });

  const big = files.filter((e) => (e.size ?? 0) > MAX_BLOB_IN_MEMORY);
  for (const e of big) {
    const handle = await open(await safeTarget(dest, e.path), "wx", modeOf(e));
    await handle.truncate(e.size ?? 0);
    await handle.close();
  }
  const bySha = groupBySha([...files.filter((e) => (e.size ?? 0) <= MAX_BLOB_IN_MEMORY), ...links]);
  const writes: Promise<void>[] = [];
  const linkTargets: Array<{ entry: TreeEntry; target: string }> = [];
  await readBlobs(repoDir, [...bySha.keys()], (sha, data) => {
    if (data === null) throw new Error(`object ${sha} is missing`);
    for (const entry of bySha.get(sha) ?? []) {
      if (entry.mode === "120000") linkTargets.push({ entry, target: data.toString("utf8") });
      else writes.push(safeTarget(dest, entry.path).then((file) => writeFile(file, data, { flag: "wx", mode: modeOf(entry) })));
    }
  });
  await Promise.all(writes);
  // Symlinks last, so no file above was ever written through one; they are recreated as links, never followed.
  for (const { entry, target } of linkTargets) await symlink(target, await safeTarget(dest, entry.path));
}

function groupBySha(entries: TreeEntry[]): Map<string, TreeEntry[]> {
  const map = new Map<string, TreeEntry[]>();
  for (const e of entries) map.set(e.sha, [...(map.get(e.sha) ?? []), e]);
  return map;
}

const modeOf = (e: TreeEntry) => (e.mode === "100755" ? 0o755 : 0o644);

/** The file's absolute path, after making its parent folders and checking none of them is a symlink. */
async function safeTarget(dest: string, path: string): Promise<string> {
  const parts = path.split("/");
  let dir = dest;
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    const stat = await lstat(dir).catch(() => null);
    if (stat?.isSymbolicLink()) throw new Error(`refusing to write ${path}: ${part} is a symlink`);
    if (!stat) await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
  return join(dirname(join(dest, path)), parts[parts.length - 1]!);
}
