// An import that spells a file with its .py suffix (`import utils.py`, `from .model.py import *`) asks Python 3
// for a submodule named `py` and fails (ModuleNotFoundError: 'utils.py' is not a package). Pure.
import { posix } from "node:path";

/** The repo file such an import means (from the importer's folder, or the root for an absolute import), or
 * null when the module does not end in `.py`, a real `py` module or package answers to it, or no file does. */
export function suffixedFile(
  imp: { module: string; level: number },
  dir: string,
  has: (path: string) => boolean,
): string | null {
  const parts = imp.module.split(".");
  if (parts.length < 2 || parts[parts.length - 1] !== "py") return null;
  const stem = parts.slice(0, -1).join("/");
  let bases: string[];
  if (imp.level > 0) {
    let base = dir;
    for (let i = 1; i < imp.level; i++) base = base.includes("/") ? base.slice(0, base.lastIndexOf("/")) : "";
    bases = [base];
  } else bases = [...new Set([dir, ""])];
  for (const base of bases) {
    const module = posix.join(base, stem);
    // `lib.py` where lib/py/ or lib/py.py exists imports that module: no bug.
    if (has(`${module}/py.py`) || has(`${module}/py/__init__.py`)) return null;
  }
  return bases.map((b) => posix.join(b, `${stem}.py`)).find(has) ?? null;
}
