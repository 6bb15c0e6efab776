// The read-only view of a checked-out tree that every extractor reads through (never node:fs directly).

export type FileKind = "python" | "notebook" | "config" | "text" | "binary";
export type ConfigFormat = "yaml" | "json" | "toml" | "ini";
/** What a file is for, decided once during the walk (extract/view/file-roles.ts): a spec, a README, a
 * script, else its kind. */
export type FileRole =
  | "readme"
  | "docs"
  | "requirements"
  | "dockerfile"
  | "conda"
  | "pipfile"
  | "pyproject"
  | "setup"
  | "python-version"
  | "kernel-metadata"
  | "shell"
  | "makefile"
  | FileKind;

export interface InventoryEntry {
  /** POSIX path relative to the repo root. */
  path: string;
  size: number;
  kind: FileKind;
  configFormat?: ConfigFormat;
  /** Why the file's content is not read (over the size cap, a symlink out of the repo, not UTF-8...). */
  skipped?: string;
}

/** Python source as extractors see it: a .py file, or a notebook's code cells flattened. */
export interface PythonSource {
  path: string;
  text: string;
  /** For notebooks: flattened line (1-based) -> cell index and line in the cell; absent for .py. */
  lineMap?: Array<{ cell: number; cellLine: number }>;
  /** For notebooks: the shell commands of the code cells (`!pip install x`), at their flattened line. */
  shell?: Array<{ line: number; text: string }>;
}

export interface RepoView {
  /** Every file walked, in a stable order, with what was skipped and why. */
  files(): readonly InventoryEntry[];
  has(path: string): boolean;
  /** Text of a file that was not skipped; null otherwise. */
  read(path: string): string | null;
  /** Python sources: .py files and notebooks' flattened code cells. */
  python(): Iterable<PythonSource>;
  /** Directory listing check used for paths the README names ("data/", "src/train.py"). */
  isDir(path: string): boolean;
}
