// The per-repo Python index, built once per RepoView and shared by every Python extractor.
//
// Design: each PythonSource is tokenized exactly once (file-index.ts) and only the compact per-file index
// is kept (imports, path strings, interesting calls, assignments, placeholders, unbound candidates,
// lexical syntax error) and compacted (compact-index.ts); the texts and tokens are dropped. The result is
// cached in a module-level WeakMap keyed by the view, so the extractors of one audit share it and it is
// collected with the view.
//
// `preparePythonIndex(view)` (awaited by every Python extractor) builds it with tree-sitter's verdicts
// for the files that need a parse (tree-facts.ts), helped by worker threads for a large repo
// (index-pool.ts). `pythonIndex(view)` is the synchronous form without those verdicts; the
// extractors that need a parse fall back to parsing through `sourceOf` when a verdict is missing.
import type { PythonSource, RepoView } from "../../model/repo-view.js";
import type { Parser } from "web-tree-sitter";
import { indexPythonFile, type PyFileIndex, type PyImport } from "./file-index.js";
import { applyFolderMoves, notebookMoves } from "./folder-moves.js";
import { helperThreads, indexSources, type PoolOptions } from "./index-pool.js";
import { compactFileIndex, StringTable } from "./compact-index.js";
import { needsTree, treeFacts } from "./tree-facts.js";
import { pythonParser } from "./tree-sitter.js";
import { wholeView } from "../view/vendored.js";

export interface RepoPythonIndex {
  files: PyFileIndex[];
  byPath: Map<string, PyFileIndex>;
  /** Every .py path of the repo. */
  pyPaths: Set<string>;
  /** Top-level names a local module or package answers to (a .py stem or a folder holding .py files). */
  localTops: Set<string>;
}

const cache = new WeakMap<RepoView, RepoPythonIndex>();
const prepared = new WeakMap<RepoView, Promise<RepoPythonIndex>>();

/** The index without tree verdicts, built in this thread unless already prepared. */
export function pythonIndex(view: RepoView): RepoPythonIndex {
  let index = cache.get(view);
  if (!index) {
    index = buildIndex(view.python(), copiedPythonPaths(view));
    cache.set(view, index);
  }
  return index;
}

/**
 * The index with tree verdicts, built once per view (helped by worker threads for a large repo).
 * `pool` overrides the choice of helper threads on the first call (tests, measurements).
 */
export function preparePythonIndex(view: RepoView, pool?: Partial<PoolOptions>): Promise<RepoPythonIndex> {
  let index = prepared.get(view);
  if (!index) {
    index = prepare(view, pool);
    prepared.set(view, index);
  }
  return index;
}

async function prepare(view: RepoView, pool: Partial<PoolOptions> | undefined): Promise<RepoPythonIndex> {
  let index = cache.get(view);
  if (index) {
    await addTreeFacts(index, view);
    return index;
  }
  let files = 0;
  let bytes = 0;
  for (const entry of view.files()) {
    if (entry.skipped || (entry.kind !== "python" && entry.kind !== "notebook")) continue;
    files++;
    bytes += entry.size;
  }
  // Each file's index is compacted as it lands, so only a batch at a time is held in its roomier first form.
  const strings = new StringTable();
  index = assembleIndex(
    await indexSources(view.python(), {
      helpers: pool?.helpers ?? helperThreads(files, bytes),
      ...pool,
      onFile: (file) => compactFileIndex(file, strings),
    }),
    copiedPythonPaths(view),
    true,
  );
  cache.set(view, index);
  return index;
}

/** Add the tree verdicts to an index built without them (a view indexed before it was prepared). */
async function addTreeFacts(index: RepoPythonIndex, view: RepoView): Promise<void> {
  let parser: Parser | null = null;
  for (const source of view.python()) {
    const file = index.byPath.get(source.path);
    if (!file || file.tree || !needsTree(file)) continue;
    file.tree = treeFacts((parser ??= await pythonParser()), source.text, file);
  }
}

function buildIndex(sources: Iterable<PythonSource>, copied: readonly string[] = []): RepoPythonIndex {
  const files: PyFileIndex[] = [];
  for (const source of sources) files.push(indexPythonFile(source));
  return assembleIndex(files, copied);
}

/** .py files of the third-party copies the view leaves out: not indexed, but what they define is local. */
function copiedPythonPaths(view: RepoView): string[] {
  const whole = wholeView(view);
  if (whole === view) return [];
  const own = new Set(view.files().map((f) => f.path));
  return whole
    .files()
    .filter((f) => f.kind === "python" && !own.has(f.path))
    .map((f) => f.path);
}

function assembleIndex(files: PyFileIndex[], copied: readonly string[], compacted = false): RepoPythonIndex {
  // Kept for the whole audit: compacted first (shared empties, one copy per string, no slices of a text).
  // A notebook's `%cd` lines are known once its shell lines are joined to its index (a move rewrites path
  // strings only, so it is safe on an index compacted as it landed).
  for (const file of files) if (file.notebook) applyFolderMoves(file, notebookMoves(file.shell));
  if (!compacted) {
    const strings = new StringTable();
    for (const file of files) compactFileIndex(file, strings);
  }
  const pyPaths = new Set<string>();
  const localTops = new Set<string>();
  // Folders holding an __init__.py are packages: their modules import as `pkg.mod`, never as a top-level
  // name (somen/extensions/mlflow.py does not shadow the mlflow library), so only a name outside any
  // package (a script's sibling, a folder a script sits beside) is a local top...
  const folderOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
  // ...unless scripts run from it (a file with a __main__ guard): `python bowl_train.py` in albu/src/ imports
  // its siblings as top-level names, __init__.py or not.
  const scriptFolders = new Set(files.filter((f) => f.hasMain && !f.notebook).map((f) => folderOf(f.path)));
  const packages = new Set(
    [...files.filter((f) => !f.notebook).map((f) => f.path), ...copied]
      .filter((p) => /(?:^|\/)__init__\.pyw?$/.test(p))
      .map(folderOf)
      .filter((d) => !scriptFolders.has(d)),
  );
  // A sub-package (a package inside a package): a top-level package folder such as scripts/ with an
  // __init__.py still holds scripts run from it, a nested one does not.
  const inPackage = (parts: readonly string[], depth: number) =>
    depth > 1 && packages.has(parts.slice(0, depth).join("/")) && packages.has(parts.slice(0, depth - 1).join("/"));
  const addTops = (path: string) => {
    const parts = path.split("/");
    const stem = parts[parts.length - 1]!.replace(/\.pyw?$/, "");
    if (stem !== "__init__" && !inPackage(parts, parts.length - 1)) localTops.add(stem);
    parts.slice(0, -1).forEach((dir, i) => {
      if (!inPackage(parts, i)) localTops.add(dir);
    });
  };
  for (const file of files) {
    if (file.notebook) continue;
    pyPaths.add(file.path);
    addTops(file.path);
  }
  for (const path of copied) addTops(path);
  return { files, byPath: new Map(files.map((f) => [f.path, f])), pyPaths, localTops };
}

/** The Python text of one source again (for the few files tree-sitter parses). */
export function sourceOf(view: RepoView, path: string): PythonSource | null {
  if (path.endsWith(".ipynb")) {
    for (const source of view.python()) if (source.path === path) return source;
    return null;
  }
  const text = view.read(path);
  return text === null ? null : { path, text };
}

/** Repo files an import may name, tried from the importing file's folder up to the root, then in `searchPath`
 * (folders the run adds to the import path: a `PYTHONPATH=lib` before the command), then in the folders the rerun
 * installs as packages (`installed`: `pip install -e somen` makes `import somen` find somen/somen/). */
export function resolveImport(
  index: RepoPythonIndex,
  from: string,
  imp: PyImport,
  searchPath: readonly string[] = [],
  installed: readonly string[] = [],
  /** Python's own reading for a script run by path: its folder only, not every folder above it. */
  ownFolderOnly = false,
): string[] {
  const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "";
  const bases: string[] = [];
  if (imp.level > 0) {
    const parts = dir ? dir.split("/") : [];
    bases.push(parts.slice(0, Math.max(0, parts.length - (imp.level - 1))).join("/"));
  } else {
    const parts = dir ? dir.split("/") : [];
    for (let i = parts.length; i >= (ownFolderOnly ? parts.length : 0); i--) bases.push(parts.slice(0, i).join("/"));
    bases.push(...searchPath);
    for (const root of installed) bases.push(root, root ? `${root}/src` : "src");
  }
  const modules = imp.module ? [imp.module, ...imp.names.map((n) => `${imp.module}.${n}`)] : imp.names;
  const out: string[] = [];
  for (const base of bases) {
    for (const module of modules) {
      const rel = (base ? `${base}/` : "") + module.replace(/\./g, "/");
      for (const candidate of [`${rel}.py`, `${rel}/__init__.py`])
        if (index.pyPaths.has(candidate)) out.push(candidate);
    }
    if (out.length) break;
  }
  return out;
}

/** Files reached from the entry points by imports (entry points included), with the packages of the
 * `installed` folders importable (by default every folder below the root holding a setup.py; the imports
 * family passes only the folders the rerun installs). */
export function reachableFrom(
  index: RepoPythonIndex,
  entries: Iterable<string>,
  installed: readonly string[] = setupPyFolders(index),
): Set<string> {
  const roots = installed;
  const seen = new Set<string>();
  const queue = [...entries].filter((p) => index.byPath.has(p));
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imp of index.byPath.get(path)!.imports)
      for (const target of resolveImport(index, path, imp, [], roots)) if (!seen.has(target)) queue.push(target);
  }
  return seen;
}

/** Folders below the root holding a setup.py. */
function setupPyFolders(index: RepoPythonIndex): string[] {
  return [...index.pyPaths].filter((p) => p.endsWith("/setup.py")).map((p) => p.slice(0, -"/setup.py".length));
}
