// Read a commit's files straight from git's object store: nothing is checked out, so nothing is written
// into the user's repo, no hook or filter runs, and a symlink is only ever a blob holding its target.
import { spawn } from "node:child_process";
import { gitEnv, safeArgs } from "./git-settings.js";
import { runGit } from "./git-run.js";
import { shownName, utf8Name } from "../io/byte-name.js";

export interface TreeEntry {
  /** The path as UTF-8; in a name that is not valid UTF-8 each bad byte shows as \xNN (see nameIsUtf8). */
  path: string;
  /** False when the name's bytes are not valid UTF-8: two such names can read alike, and neither can be written as shown. */
  nameIsUtf8: boolean;
  /** "100644", "100755" (file), "120000" (symlink), "160000" (submodule). */
  mode: string;
  sha: string;
  /** Bytes; null for submodules. */
  size: number | null;
}

/** A tree listing larger than this is refused rather than held in memory (about 2 million entries). */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

/**
 * Every file of `commit`'s tree. `-l` makes git read each blob's header, so a tree or blob missing from
 * the object store (a broken or partial clone) fails here (git exits non-zero for a tree, prints "BAD"
 * as a blob's size), which is what "fails to check out" means. Names are read as bytes, so a name that is
 * not UTF-8 is known as such instead of silently becoming another name.
 */
export async function listTree(repoDir: string, commit: string, signal?: AbortSignal): Promise<TreeEntry[]> {
  const listed = await runGit(repoDir, safeArgs(["ls-tree", "-r", "-l", "-z", "--full-tree", commit]), {
    maxBuffer: MAX_LISTING_BYTES,
    ...(signal ? { signal } : {}),
  });
  if (listed.exitCode !== 0)
    throw new Error(listed.stderr.trim() || `git ls-tree exited ${listed.exitCode ?? "on a signal"}`);
  const out = listed.stdout;
  const entries: TreeEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const record = out.subarray(start, end);
    start = end + 1;
    const tab = record.indexOf(9);
    if (tab < 0) continue;
    const [mode, type, sha, size] = record.subarray(0, tab).toString("latin1").split(/\s+/);
    if (!mode || !sha || type === "tree") continue;
    const nameBytes = record.subarray(tab + 1);
    const utf8 = utf8Name(nameBytes);
    const path = utf8 ?? shownName(nameBytes);
    const nameIsUtf8 = utf8 !== null;
    // git prints "BAD" as the size of a blob it cannot read: the tree cannot be produced.
    if (size === "BAD") throw new Error(`fatal: object ${sha} of ${path} is missing`);
    entries.push({ path, nameIsUtf8, mode, sha, size: size === "-" || size === undefined ? null : Number(size) });
  }
  return entries;
}

/** A blob's bytes, or null when git says it is missing. */
export type BlobHandler = (sha: string, data: Buffer | null) => void | Promise<void>;

/**
 * Stream the blobs named by `shas` through one `git cat-file --batch` process (one process, not one per
 * file). Output is "<sha> <type> <size>\n<bytes>\n" per object, or "<sha> missing\n". Each handler is
 * awaited before more is read, so a slow consumer holds git back instead of piling blobs up in memory, and
 * a blob's chunks are joined once, when it is whole.
 */
export async function readBlobs(
  repoDir: string,
  shas: readonly string[],
  onBlob: BlobHandler,
  signal?: AbortSignal,
): Promise<void> {
  if (shas.length === 0) return;
  const child = spawn("git", safeArgs(["cat-file", "--batch"]), {
    cwd: repoDir,
    env: gitEnv(),
    stdio: ["pipe", "pipe", "pipe"],
    ...(signal ? { signal } : {}),
  });
  // An interrupt can end git while a blob is being handed on and nobody awaits the child yet: its end is
  // watched from the start (`ended` settles whatever happens), or Node ends the process with a stack trace.
  const ended = childEnd(child);
  ended.catch(() => undefined);
  // git may stop reading its input (an interrupt): the broken pipe is the child's failure, not one of its own.
  child.stdin.on("error", () => undefined);
  child.stdin.end(shas.join("\n") + "\n");
  let chunks: Buffer[] = [];
  let have = 0;
  let want: { sha: string; size: number } | null = null;
  const joined = (): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, have);
    chunks = [all];
    return all;
  };
  const keep = (rest: Buffer) => {
    chunks = rest.length > 0 ? [rest] : [];
    have = rest.length;
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      have += chunk.length;
      for (;;) {
        if (want === null) {
          if (have === 0) break;
          const pending = joined();
          const newline = pending.indexOf(10);
          if (newline < 0) break;
          const header = pending.subarray(0, newline).toString("utf8").split(" ");
          keep(pending.subarray(newline + 1));
          if (header[1] === "missing") {
            await onBlob(header[0]!, null);
            continue;
          }
          want = { sha: header[0]!, size: Number(header[2]) };
        }
        if (have < want.size + 1) break;
        const pending = joined();
        const data = Buffer.from(pending.subarray(0, want.size));
        keep(pending.subarray(want.size + 1));
        const sha = want.sha;
        want = null;
        await onBlob(sha, data);
      }
    }
  } catch (error) {
    child.kill();
    await ended.catch(() => undefined);
    throw error;
  }
  await ended;
}

/** Settles when the child has ended: rejects when it could not start, was stopped, or exited non-zero (with its stderr). */
function childEnd(child: ReturnType<typeof spawn>): Promise<void> {
  const err: Buffer[] = [];
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    child.on("error", (error) => {
      failure ??= error;
      if (child.pid === undefined) reject(error);
    });
    child.on("close", (code, signal) => {
      const said = Buffer.concat(err).toString("utf8").trim();
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(said || `git cat-file exited ${code ?? signal}`));
      else resolve();
    });
  });
}
