// An import of the repo's own package that names a module the package does not hold (`from .dataset import X`
// beside datasets.py; `from pkg.cfg.base import Config` where pkg/cfg/ holds only base_v1.py): ImportError the
// moment the file loads. Only a package folder the repo commits is judged, never a name it may install. Pure.

export interface RepoTree {
  /** A Python file of the repo. */
  isPy(path: string): boolean;
  /** A folder of the repo holding Python files at some depth. */
  isPackageDir(path: string): boolean;
  /** Some file of the folder has this stem (a compiled `name.so`, `name.pyx`, `name.pyi`). */
  hasStem(folder: string, stem: string): boolean;
}

/** Modules a build or a tool writes (`_version.py` from setuptools-scm, `x_pb2.py` from protoc), and private
 * ones a compiled extension provides. */
const MADE_LATER = /^_|^version$|_pb2(?:_grpc)?$/;

const up = (dir: string) => (dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "");
const join = (a: string, b: string) => (a ? `${a}/${b}` : b);

/** The first module part missing below `folder`, as a repo path without suffix; null when each is there (or a
 * module file is reached, whose attributes no folder shows). */
function firstMissing(folder: string, parts: readonly string[], tree: RepoTree): string | null {
  let at = folder;
  for (const part of parts) {
    if (tree.isPy(`${join(at, part)}.py`)) return null;
    if (tree.isPackageDir(join(at, part))) {
      at = join(at, part);
      continue;
    }
    if (MADE_LATER.test(part) || tree.hasStem(at, part)) return null;
    return join(at, part);
  }
  return null;
}

/**
 * The missing module an import names, as a repo path ("src/pkg/cfg/base"), or null. `dir`: the importing file's
 * folder; `sysPath`: folders the code puts on sys.path, tried after the folders from `dir` up to the root.
 */
export function missingModule(
  imp: { module: string; level: number },
  dir: string,
  sysPath: readonly string[],
  tree: RepoTree,
): string | null {
  if (imp.module === "") return null;
  const parts = imp.module.split(".");
  if (imp.level > 0) {
    let base = dir;
    for (let i = 1; i < imp.level; i++) {
      if (base === "") return null;
      base = up(base);
    }
    return firstMissing(base, parts, tree);
  }
  if (parts.length < 2) return null;
  const bases: string[] = [];
  for (let d = dir; ; d = up(d)) {
    bases.push(d);
    if (d === "") break;
  }
  bases.push(...sysPath);
  // Missing only where every folder of that name lacks it: the audit does not know which one Python takes.
  let missing: string | null = null;
  for (const base of bases) {
    const top = join(base, parts[0]!);
    if (tree.isPy(`${top}.py`)) return null;
    if (!tree.isPackageDir(top)) continue;
    const gap = firstMissing(top, parts.slice(1), tree);
    if (gap === null) return null;
    missing ??= gap;
  }
  return missing;
}
