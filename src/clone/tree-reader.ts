// Read a commit's files straight from git's object store: nothing is checked out, so nothing is written
// into the user's repo, no hook or filter runs, and a symlink is only ever a blob holding its target.
import { gitEnv, safeArgs, safeGit } from "./git.js";

export interface TreeEntry {
  path: string;
  /** "100644", "100755" (file), "120000" (symlink), "160000" (submodule). */
  mode: string;
  sha: string;
  /** Bytes; null for submodules. */
  size: number | null;
}

/**
 * Every file of `commit`'s tree. `-l` makes git read each blob's header, so a tree or blob missing from
 * the object store (a broken or partial clone) fails here (git exits non-zero for a tree, prints "BAD"
 * as a blob's size), which is what "fails to check out" means.
 */
export async function listTree(repoDir: string, commit: string): Promise<TreeEntry[]> {
  const out = await safeGit(repoDir).raw(["ls-tree", "-r", "-l", "-z", "--full-tree", commit]);
  const entries: TreeEntry[] = [];
  for (const record of out.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
    if (!mode || !sha || type === "tree") continue;
    // git prints "BAD" as the size of a blob it cannot read: the tree cannot be produced.
    if (size === "BAD") throw new Error(`fatal: object ${sha} of ${record.slice(tab + 1)} is missing`);
    entries.push({ path: record.slice(tab + 1), mode, sha, size: size === "-" || size === undefined ? null : Number(size) });
  }
  return entries;
}

/** A blob's bytes, or null when git says it is missing. */
export type BlobHandler = (sha: string, data: Buffer | null) => void | Promise<void>;

/**
 * Stream the blobs named by `shas` through one `git cat-file --batch` process (one process, not one per
 * file). Output is "<sha> <type> <size>\n<bytes>\n" per object, or "<sha> missing\n".
 */
export async function readBlobs(repoDir: string, shas: readonly string[], onBlob: BlobHandler): Promise<void> {
  if (shas.length === 0) return;
  // Loaded here, not at start-up: only audits that read other branches stream blobs.
  const { execa } = await import("execa");
  const child = execa("git", safeArgs(["cat-file", "--batch"]), {
    cwd: repoDir,
    env: gitEnv(),
    extendEnv: false,
    input: shas.join("\n") + "\n",
    buffer: false,
    stderr: "pipe",
  });
  let pending: Buffer = Buffer.alloc(0);
  let want: { sha: string; size: number } | null = null;
  const handled: Promise<void>[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (want === null) {
        const newline = pending.indexOf(10);
        if (newline < 0) break;
        const header = pending.subarray(0, newline).toString("utf8").split(" ");
        pending = pending.subarray(newline + 1);
        if (header[1] === "missing") {
          handled.push(Promise.resolve(onBlob(header[0]!, null)));
          continue;
        }
        want = { sha: header[0]!, size: Number(header[2]) };
      }
      if (pending.length < want.size + 1) break;
      handled.push(Promise.resolve(onBlob(want.sha, Buffer.from(pending.subarray(0, want.size)))));
      pending = pending.subarray(want.size + 1);
      want = null;
    }
  }
  await child;
  await Promise.all(handled);
}
