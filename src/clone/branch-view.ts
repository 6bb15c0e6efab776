// The git-backed BranchView: trees and blobs straight from the object store, nothing checked out.
import type { BranchRef, BranchView } from "../model/branch-view.js";
import { listTree, readBlobs } from "./tree-reader.js";

export function gitBranchView(repoDir: string, names: readonly string[], others: readonly BranchRef[]): BranchView {
  return {
    names: () => names,
    others: () => others,
    tree: (commit) => listTree(repoDir, commit),
    readBlobs: (shas, onBlob) => readBlobs(repoDir, shas, onBlob),
  };
}
