// Limits that keep a walk of an untrusted repo bounded in time and memory, whatever the repo holds.

export interface WalkCaps {
  /** Files larger than this are not read (skipped with a reason). */
  maxFileBytes: number;
  /** The same for notebooks, whose size is mostly cell outputs (plots, logs) around a little code. */
  maxNotebookBytes: number;
  /** Files walked at most; the rest of the tree is not listed. */
  maxFiles: number;
  /** Folder depth below the root at most (a deeper folder is not entered). */
  maxDepth: number;
  /** Texts kept in memory at most, summed; past it texts are read again from disk when asked for. */
  maxKeptBytes: number;
}

export const DEFAULT_WALK_CAPS: WalkCaps = {
  maxFileBytes: 2 * 1024 * 1024,
  maxNotebookBytes: 16 * 1024 * 1024,
  maxFiles: 100_000,
  maxDepth: 64,
  maxKeptBytes: 256 * 1024 * 1024,
};

/** The size cap of one file by its kind: notebooks have their own, larger one. */
export function fileCapOf(kind: string, caps: WalkCaps): number {
  return kind === "notebook" ? Math.max(caps.maxNotebookBytes, caps.maxFileBytes) : caps.maxFileBytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
