// Write one commit's files into an empty folder, read from git's objects: how `--ref` on a local repo is
// audited without touching the user's working tree, index or .git (no worktree metadata, no HEAD move).
import { lstat, mkdir, open, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { interrupted } from "../model/errors.js";
import { SOURCE_INTERRUPTED } from "./interrupt.js";
import { listTree, readBlobs, type TreeEntry } from "./tree-reader.js";
import { planTree, type SkippedPath } from "./tree-plan.js";

/**
 * Write `commit`'s files under `dest`. What the walk's caps leave out is decided from the tree listing
 * before anything is written (see planTree); an entry that still cannot be written (a name too long for
 * this system, say) is skipped. Returns what was not written, for the report. Stops at `signal`.
 */
export async function materializeCommit(
  repoDir: string,
  commit: string,
  dest: string,
  signal?: AbortSignal,
): Promise<SkippedPath[]> {
  const plan = planTree(await listTree(repoDir, commit, signal));
  const skipped = [...plan.skipped];
  const stopIfAborted = () => {
    if (signal?.aborted) throw interrupted(...SOURCE_INTERRUPTED);
  };
  /** One entry's write; what fails for that entry alone is reported, never fatal to the audit. */
  const attempt = async (entry: TreeEntry, write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code) throw error;
      skipped.push({ kind: "skipped", file: entry.path, reason: `cannot be written here (${code})`, size: entry.size });
    }
  };
  for (const e of plan.folders)
    await attempt(e, async () => void (await mkdir(await safeTarget(dest, e.path), { recursive: true })));
  for (const e of plan.sparse) {
    stopIfAborted();
    await attempt(e, async () => {
      const handle = await open(await safeTarget(dest, e.path), "wx", modeOf(e));
      try {
        await handle.truncate(e.size ?? 0);
      } finally {
        await handle.close();
      }
    });
  }
  const bySha = groupBySha(plan.blobs);
  const linkTargets: Array<{ entry: TreeEntry; target: string }> = [];
  await readBlobs(
    repoDir,
    [...bySha.keys()],
    async (sha, data) => {
      stopIfAborted();
      if (data === null) throw new Error(`object ${sha} is missing`);
      for (const entry of bySha.get(sha) ?? []) {
        if (entry.mode === "120000") linkTargets.push({ entry, target: data.toString("utf8") });
        // One write at a time: thousands of names sharing one blob must not open thousands of files at once.
        else
          await attempt(entry, async () =>
            writeFile(await safeTarget(dest, entry.path), data, { flag: "wx", mode: modeOf(entry) }),
          );
      }
    },
    signal,
  );
  stopIfAborted();
  // Symlinks last, so no file above was ever written through one; they are recreated as links, never followed.
  for (const { entry, target } of linkTargets)
    await attempt(entry, async () => symlink(target, await safeTarget(dest, entry.path)));
  return skipped;
}

function groupBySha(entries: TreeEntry[]): Map<string, TreeEntry[]> {
  const map = new Map<string, TreeEntry[]>();
  for (const e of entries) {
    const list = map.get(e.sha);
    if (list) list.push(e);
    else map.set(e.sha, [e]);
  }
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
    if (stat?.isSymbolicLink())
      throw Object.assign(new Error(`refusing to write ${path}: ${part} is a symlink`), { code: "ELOOP" });
    if (!stat)
      await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
  }
  return join(dirname(join(dest, path)), parts[parts.length - 1]!);
}
