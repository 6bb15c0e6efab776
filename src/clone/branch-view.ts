// The git-backed BranchView: trees and blobs straight from the object store, nothing checked out.
import type { BranchRef, BranchView } from "../model/branch-view.js";
import { listTree, readBlobs } from "./tree-reader.js";

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
  };
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
  };
}
