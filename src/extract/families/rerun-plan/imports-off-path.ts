// Imports a step's script makes that Python will not find where the step runs it. `python scripts/x/train.py`
// puts scripts/x/ (the script's own folder), not the working folder or the repo root, first on sys.path; a
// package at the root (`import mylib`, `from src.models import Net` in src/train.py) imports only when it is
// installed (`pip install -e .`), on PYTHONPATH, or added to sys.path by the code. The audit's own resolver is
// lenient (it tries every folder above the importing file); this is the strict reading, for a step's own
// program only. Pure.
import type { RepoView } from "../../../model/repo-view.js";
import { resolveImport, type RepoPythonIndex } from "../../python/repo-index.js";
import type { PyImport } from "../../python/file-index.js";
import { filesWithRole } from "../../view/file-roles.js";
import type { ProjectSpec } from "../../python/spec-roots.js";
import type { Step } from "./steps.js";

export interface OffPathImports {
  /** The folder Python searches first: the script's own. */
  searched: string;
  /** Each import Python will not find there, with the repo file the lenient reading finds: "mylib (mylib/__init__.py)". */
  imports: string[];
  /** The spec of a project no step installs whose packages hold them ("lib/pyproject.toml"): its install is what
   * the plan lacks. */
  uninstalled?: string;
}

/** Files that change the search path themselves: `sys.path.append/insert`, `site.addsitedir`. */
const EDITS_PATH = /\bsys\.path\b|\baddsitedir\b/;
/** A repo that mentions PYTHONPATH anywhere a reader or a script would set it is taken to set it. */
const SETS_PYTHONPATH = /\bPYTHONPATH\b/;

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");

/** True when some README, doc, script, Makefile, Dockerfile or env file of the repo mentions PYTHONPATH. */
export function repoSetsPythonPath(view: RepoView): boolean {
  return filesWithRole(view, "readme", "docs", "shell", "makefile", "dockerfile", "text", "config").some(
    (e) => !e.skipped && SETS_PYTHONPATH.test(view.read(e.path) ?? ""),
  );
}

/**
 * For a step that runs a repo script by path with Python (`python a/b/train.py`), the script's absolute imports
 * of the repo's own modules that resolve only from a folder above its own. `extraPath`: folders the step's
 * PYTHONPATH names; `installed`: folders a step installs as packages; `uninstalled`: the repo's projects no step
 * installs, whose spec would make such an import findable (read only once an import is off the path).
 */
export function importsOffPath(
  step: Step,
  index: RepoPythonIndex,
  view: RepoView,
  extraPath: readonly string[],
  installed: readonly string[],
  uninstalled: () => readonly ProjectSpec[] = () => [],
): OffPathImports | null {
  const program = step.program;
  if (program === null || !/\.pyw?$/.test(program) || step.locatedByName || step.runAs !== undefined) return null;
  if (step.source === "kernel" || !/(?:^|[\s/;&|])python[\d.]*\s/.test(step.command) || /\s-m\s/.test(step.command))
    return null;
  const py = index.byPath.get(program);
  const text = view.read(program);
  if (!py || text === null || EDITS_PATH.test(text)) return null;
  const searched = folderOf(program);
  if (searched === "") return null;
  const imports: string[] = [];
  let uninstalledSpec: string | undefined;
  for (const imp of py.imports) {
    if (imp.level > 0 || imp.optional || imp.module === "") continue;
    const strict = strictlyResolved(index, program, imp, extraPath, installed);
    if (strict.length > 0) {
      // A sibling that edits sys.path (`import _init_paths`) makes the imports after it findable: stop reading.
      if (strict.some((f) => EDITS_PATH.test(view.read(f) ?? ""))) return null;
      continue;
    }
    const lenient = resolveImport(index, program, imp, [], installed);
    if (lenient.length === 0) continue;
    imports.push(`${imp.module} (${lenient[0]})`);
    uninstalledSpec ??= uninstalled().find((p) => strictlyResolved(index, program, imp, [], p.roots).length > 0)?.file;
  }
  if (imports.length === 0) return null;
  return { searched, imports: [...new Set(imports)], ...(uninstalledSpec ? { uninstalled: uninstalledSpec } : {}) };
}

/** The import resolved as Python's sys.path would: the script's folder, the step's PYTHONPATH and the installed
 * packages, or a namespace package (a folder of the module's name holding Python files) under one of them. */
function strictlyResolved(
  index: RepoPythonIndex,
  program: string,
  imp: PyImport,
  extraPath: readonly string[],
  installed: readonly string[],
): string[] {
  const found = resolveImport(index, program, imp, extraPath, installed, true);
  if (found.length > 0) return found;
  const folders = pythonFolders(index);
  const roots = [folderOf(program), ...extraPath, ...installed.flatMap((r) => [r, r ? `${r}/src` : "src"])];
  for (const base of roots) {
    const folder = (base ? `${base}/` : "") + imp.module.split(".")[0];
    if (folders.has(folder)) return [`${folder}/`];
  }
  return [];
}

const foldersByIndex = new WeakMap<RepoPythonIndex, Set<string>>();

/** Every folder that holds a Python file at any depth below it, built once per index. */
function pythonFolders(index: RepoPythonIndex): Set<string> {
  let folders = foldersByIndex.get(index);
  if (!folders) {
    folders = new Set();
    for (const path of index.pyPaths)
      for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) folders.add(path.slice(0, i));
    foldersByIndex.set(index, folders);
  }
  return folders;
}
