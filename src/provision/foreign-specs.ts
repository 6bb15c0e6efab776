// Spec files that are not the solution's environment though they look like one: a Dockerfile inside a vendored
// project (a sub-folder with a licence of its own), and a setup.py that only builds a CUDA or C++ extension and
// declares no dependencies (one beside another spec). Pure over the view's reads.
import type { EnvSpecFact } from "../model/fact-types.js";
import type { RepoView } from "../model/repo-view.js";

const LICENCES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING"];

/** The sub-folder (root excluded) holding the file that carries a licence of its own, nearest first; null when none. */
function licensedFolder(file: string, view: RepoView): string | null {
  const parts = file.split("/").slice(0, -1);
  for (let n = parts.length; n > 0; n--) {
    const folder = parts.slice(0, n).join("/");
    if (LICENCES.some((name) => view.has(`${folder}/${name}`))) return folder;
  }
  return null;
}

/** A setup script that builds an extension (torch's CUDAExtension or CppExtension) and names nothing to install. */
function onlyBuildsExtension(text: string): boolean {
  return /\b(?:CUDAExtension|CppExtension)\s*\(/.test(text) && !/\binstall_requires\b/.test(text);
}

/** The spec files that are the solution's, and a note for each set aside. */
export function solutionSpecs(
  specs: readonly EnvSpecFact[],
  view: RepoView,
): { specs: EnvSpecFact[]; notes: string[] } {
  const notes: string[] = [];
  const vendored = (r: EnvSpecFact): string | null => {
    if (r.format !== "dockerfile") return null;
    const folder = licensedFolder(r.file!, view);
    return folder === null ? null : `it lies inside a vendored project (${folder} has its own licence)`;
  };
  const extension = (r: EnvSpecFact): string | null =>
    r.format === "setup-py" && onlyBuildsExtension(view.read(r.file!) ?? "")
      ? "it builds a CUDA or C++ extension and declares no dependencies"
      : null;
  // A vendored project's Dockerfile is never the solution's; an extension's setup.py yields to any other spec.
  const kept = specs.filter((r) => {
    const why = vendored(r);
    if (why) notes.push(`${r.file} is not the solution's spec: ${why}`);
    return why === null;
  });
  const others = kept.filter((r) => extension(r) === null);
  if (others.length === 0 || others.length === kept.length) return { specs: kept, notes };
  for (const r of kept) {
    const why = extension(r);
    if (why) notes.push(`${r.file} is not the solution's spec: ${why}`);
  }
  return { specs: others, notes };
}
