// `from module import Name` where the module is the repo's own and binds no Name at its top level (nor is Name a
// submodule of the package): ImportError "cannot import name" the moment the file loads. The module is found as
// code-local-imports-exist finds it (the file's folder up to the root, then the folders the code puts on
// sys.path; dots climbing from the file's package); the name is missing only where every module of that name
// lacks it, and never from a module whose names cannot be listed (top-names.ts). Pure.
import type { TopNames } from "../../python/top-names.js";
import type { RepoTree } from "./missing-module.js";

export interface NameTree extends RepoTree {
  /** The top-level names of a repo .py file; null where it cannot be read or does not parse. */
  namesOf(path: string): TopNames | null;
}

export interface MissingName {
  /** The names the module lacks, comma-joined. */
  names: string;
  /** The module's file. */
  module: string;
}

const up = (dir: string) => (dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "");
const join = (a: string, b: string) => (a ? `${a}/${b}` : b);

/** The module files an import may name, from every folder it may be found in. */
function moduleFiles(
  imp: { module: string; level: number },
  dir: string,
  sysPath: readonly string[],
  ownFolderOnly: boolean,
  tree: RepoTree,
): string[] {
  const rel = imp.module.replace(/\./g, "/");
  const bases: string[] = [];
  if (imp.level > 0) {
    let base = dir;
    for (let i = 1; i < imp.level; i++) {
      if (base === "") return [];
      base = up(base);
    }
    if (rel === "") return tree.isPy(join(base, "__init__.py")) ? [join(base, "__init__.py")] : [];
    bases.push(base);
  } else {
    for (let d = dir; ; d = up(d)) {
      bases.push(d);
      if (d === "" || ownFolderOnly) break;
    }
    if (!ownFolderOnly) bases.push(...sysPath);
  }
  const out: string[] = [];
  for (const base of new Set(bases))
    for (const path of [`${join(base, rel)}.py`, join(join(base, rel), "__init__.py")])
      if (tree.isPy(path)) out.push(path);
  return out;
}

/**
 * The names a from-import takes that its module lacks, or null. `dir`: the importing file's folder; `sysPath`: the
 * folders the code puts on sys.path; `ownFolderOnly`: look only beside the file (a name a package or the standard
 * library also answers to, which only the script's own folder shadows).
 */
export function missingName(
  imp: { module: string; level: number; names: readonly string[] },
  dir: string,
  sysPath: readonly string[],
  ownFolderOnly: boolean,
  tree: NameTree,
): MissingName | null {
  if (imp.names.length === 0 || imp.names.includes("*")) return null;
  if (imp.level === 0 && imp.module === "") return null;
  const modules = moduleFiles(imp, dir, sysPath, ownFolderOnly, tree);
  if (modules.length === 0) return null;
  const listed: Array<{ names: Set<string>; folder: string | null }> = [];
  for (const path of modules) {
    const top = tree.namesOf(path);
    if (top === null || top.open) return null;
    // A package's submodules are names `from package import sub` finds, imported or not.
    listed.push({
      names: top.names,
      folder: path.endsWith("/__init__.py") || path === "__init__.py" ? up(path) : null,
    });
  }
  const isSubmodule = (folder: string, name: string) =>
    tree.isPy(`${join(folder, name)}.py`) || tree.isPackageDir(join(folder, name)) || tree.hasStem(folder, name);
  const missing = imp.names.filter((name) =>
    listed.every((m) => !m.names.has(name) && !(m.folder !== null && isSubmodule(m.folder, name))),
  );
  return missing.length ? { names: missing.join(", "), module: modules[0]! } : null;
}
