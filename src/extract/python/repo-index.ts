// The per-repo Python index, built once per RepoView and shared by every Python extractor.
//
// Design: `pythonIndex(view)` tokenizes each PythonSource exactly once (file-index.ts) and keeps only the
// compact per-file index (imports, path strings, interesting calls, assignments, placeholders, unbound
// candidates, lexical syntax error); the texts and tokens are dropped. The result is cached in a
// module-level WeakMap keyed by the view, so the eight extractors of one audit share it and it is
// collected with the view. Tree-sitter runs later and only on the few files that need it
// (syntax confirmation of entry points, unbound-name candidates), through `sourceOf`.
import type { PythonSource, RepoView } from "../../model/repo-view.js";
import { indexPythonFile, type PyFileIndex, type PyImport } from "./file-index.js";

export interface RepoPythonIndex {
  files: PyFileIndex[];
  byPath: Map<string, PyFileIndex>;
  /** Every .py path of the repo. */
  pyPaths: Set<string>;
  /** Top-level names a local module or package answers to (a .py stem or a folder holding .py files). */
  localTops: Set<string>;
}

const cache = new WeakMap<RepoView, RepoPythonIndex>();

export function pythonIndex(view: RepoView): RepoPythonIndex {
  let index = cache.get(view);
  if (!index) {
    index = buildIndex(view.python());
    cache.set(view, index);
  }
  return index;
}

export function buildIndex(sources: Iterable<PythonSource>): RepoPythonIndex {
  const files: PyFileIndex[] = [];
  const pyPaths = new Set<string>();
  const localTops = new Set<string>();
  for (const source of sources) {
    files.push(indexPythonFile(source));
    if (source.lineMap) continue;
    pyPaths.add(source.path);
    const parts = source.path.split("/");
    const stem = parts[parts.length - 1]!.replace(/\.pyw?$/, "");
    if (stem !== "__init__") localTops.add(stem);
    for (const dir of parts.slice(0, -1)) localTops.add(dir);
  }
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

/** Repo files an import may name, tried from the importing file's folder up to the root. */
export function resolveImport(index: RepoPythonIndex, from: string, imp: PyImport): string[] {
  const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "";
  const bases: string[] = [];
  if (imp.level > 0) {
    const parts = dir ? dir.split("/") : [];
    bases.push(parts.slice(0, Math.max(0, parts.length - (imp.level - 1))).join("/"));
  } else {
    const parts = dir ? dir.split("/") : [];
    for (let i = parts.length; i >= 0; i--) bases.push(parts.slice(0, i).join("/"));
  }
  const modules = imp.module ? [imp.module, ...imp.names.map((n) => `${imp.module}.${n}`)] : imp.names;
  const out: string[] = [];
  for (const base of bases) {
    for (const module of modules) {
      const rel = (base ? `${base}/` : "") + module.replace(/\./g, "/");
      for (const candidate of [`${rel}.py`, `${rel}/__init__.py`]) if (index.pyPaths.has(candidate)) out.push(candidate);
    }
    if (out.length) break;
  }
  return out;
}

/** Files reached from the entry points by imports (entry points included). */
export function reachableFrom(index: RepoPythonIndex, entries: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries].filter((p) => index.byPath.has(p));
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imp of index.byPath.get(path)!.imports) for (const target of resolveImport(index, path, imp)) if (!seen.has(target)) queue.push(target);
  }
  return seen;
}
