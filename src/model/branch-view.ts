// The read-only view of a repo's other branches that the `branches` extractor reads through (never git).

export interface BranchRef {
  name: string;
  commit: string;
}

export interface BranchTreeEntry {
  path: string;
  /** "100644", "100755" (file), "120000" (symlink), "160000" (submodule). */
  mode: string;
  sha: string;
  /** Bytes; null for submodules. */
  size: number | null;
}

/** One commit of the audited history: when it was written, by whom, and the files it changed. */
export interface HistoryCommit {
  commit: string;
  /** Author date, ISO 8601: when the change was written, kept through rebases and cherry-picks. */
  date: string;
  author: string;
  files: string[];
}

export interface BranchView {
  /** Names a README may use for branches: local, remote-tracking, and remote names without "origin/". */
  names(): readonly string[];
  /** Every branch except the audited one. */
  others(): readonly BranchRef[];
  /** The audited commit, whose files the other branches are compared with; null when unknown. */
  audited(): string | null;
  /** Every file of a commit's tree, without checking it out; throws with git's words when the tree
   * cannot be produced (a missing object, a broken ref). */
  tree(commit: string): Promise<BranchTreeEntry[]>;
  /** The commits behind `commit`, newest first (capped), or null where git cannot tell them all: a shallow clone,
   * or no git. */
  history?(commit: string): Promise<HistoryCommit[] | null>;
  /** Blobs' bytes, streamed; null for a blob the object store lacks. */
  readBlobs(shas: readonly string[], onBlob: (sha: string, data: Buffer | null) => void | Promise<void>): Promise<void>;
}
