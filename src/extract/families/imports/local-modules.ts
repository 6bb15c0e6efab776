// Modules a repo provides without a .py file for them: extensions it compiles itself (.pyx sources,
// setup.py ext_modules, committed .so/.pyd builds) and git submodules (their folder is empty in a clone
// without --recurse-submodules, but the code importing them is not missing a PyPI package).
import type { RepoView } from "../../../model/repo-view.js";
import { submodulesOf } from "../../parse/gitmodules.js";

const EXTENSION_FILE = /(?:^|\/)([A-Za-z_]\w*)(?:\.[\w-]+)*\.(?:pyx|pxd|so|pyd)$/;
const EXTENSION_CALL =
  /\b(?:Extension|CUDAExtension|CppExtension|Pybind11Extension|cythonize)\s*\(\s*(?:name\s*=\s*)?['"]([A-Za-z_][\w.]*)['"]/g;

/** Top-level names the repo's own compiled extensions answer to. */
export function extensionTops(view: RepoView): Set<string> {
  const tops = new Set<string>();
  for (const entry of view.files()) {
    const m = EXTENSION_FILE.exec(entry.path);
    if (m) {
      tops.add(m[1]!);
      for (const dir of entry.path.split("/").slice(0, -1)) tops.add(dir);
    }
    if (/(?:^|\/)setup\.py$/.test(entry.path) && !entry.skipped && entry.size < 200_000) {
      for (const call of (view.read(entry.path) ?? "").matchAll(EXTENSION_CALL)) {
        const parts = call[1]!.split(".");
        tops.add(parts[0]!);
        tops.add(parts[parts.length - 1]!);
      }
    }
  }
  return tops;
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A matcher for imports a git submodule provides: the module's name and the submodule's folder name,
 * punctuation removed, agree (one begins the other, five letters at least): HPA-Cell-Segmentation -> hpacellseg. */
export function submoduleMatcher(view: RepoView): (top: string) => boolean {
  const text = view.read(".gitmodules");
  if (!text) return () => false;
  const names = submodulesOf(text)
    .map((s) => compact(s.folder.slice(s.folder.lastIndexOf("/") + 1)))
    .filter((n) => n.length >= 5);
  return (top) => {
    const t = compact(top);
    return t.length >= 5 && names.some((n) => n.startsWith(t) || t.startsWith(n));
  };
}
