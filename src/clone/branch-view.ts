// The git-backed BranchView: trees and blobs straight from the object store, nothing checked out.
import type { BranchRef, BranchView, HistoryCommit } from "../model/branch-view.js";
import { gitText } from "./git-run.js";
import { listTree, readBlobs } from "./tree-reader.js";

/** Commits read from the history: enough for a repo's publication and its later rewrites. */
const MAX_HISTORY = 1_000;

export function gitBranchView(
  repoDir: string,
  names: readonly string[],
  others: readonly BranchRef[],
  audited: string | null,
  signal?: AbortSignal,
): BranchView {
  return {
    names: () => names,
    others: () => others,
    audited: () => audited,
    // An interrupt stops git: a branch check started beside other work must not outlive the audit.
    tree: (commit) => listTree(repoDir, commit, signal),
    readBlobs: (shas, onBlob) => readBlobs(repoDir, shas, onBlob, signal),
    history: (commit) => readHistory(repoDir, commit, signal),
  };
}

/** The commits behind `commit`, newest first, with their author dates and changed files; null for a shallow clone,
 * whose oldest commit is only where the copy stops, or when git cannot say. */
async function readHistory(repoDir: string, commit: string, signal?: AbortSignal): Promise<HistoryCommit[] | null> {
  try {
    if ((await gitText(repoDir, ["rev-parse", "--is-shallow-repository"], signal)).trim() !== "false") return null;
    const text = await gitText(
      repoDir,
      ["log", `-n${MAX_HISTORY}`, "--no-renames", "--format=%x1e%H%x1f%aI%x1f%an", "--name-only", commit, "--"],
      signal,
    );
    return text
      .split("\x1e")
      .filter((chunk) => chunk.trim() !== "")
      .map((chunk) => {
        const [head = "", ...files] = chunk.split("\n");
        const [hash = "", date = "", author = ""] = head.split("\x1f");
        return { commit: hash, date, author, files: files.map((f) => f.trim()).filter(Boolean) };
      })
      .filter((c) => !Number.isNaN(Date.parse(c.date)));
  } catch {
    return null;
  }
}

/** The same branches seen from a subfolder: each tree holds only the files under it, with paths relative to it
 * (a branch without the folder has an empty tree), so a subfolder audit compares like with like. */
export function subfolderBranchView(view: BranchView, subfolder: string): BranchView {
  const prefix = `${subfolder}/`;
  return {
    ...view,
    tree: async (commit) =>
      (await view.tree(commit))
        .filter((e) => e.path.startsWith(prefix))
        .map((e) => ({ ...e, path: e.path.slice(prefix.length) })),
    ...(view.history
      ? {
          history: async (commit: string) =>
            (await view.history!(commit))?.map((c) => ({
              ...c,
              files: c.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
            })) ?? null,
        }
      : {}),
  };
}
