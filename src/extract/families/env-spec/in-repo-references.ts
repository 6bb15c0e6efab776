// A direct reference to a path inside the repo (`sub @ file:modules/sub`, `file:../x` that stays inside) installs
// committed source, which every stranger's clone holds: it is no private source. Absolute paths, paths leaving the
// repo and paths the repo does not hold stay what they were (the author's disk).
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";

/** The path a relative local reference names (`file:modules/sub`, `./sub`, `../x`), or null for anything else
 * (`file:///abs`, `/abs`, a URL, a version). */
function relativeReference(spec: string): string | null {
  const file = /^file:(?!\/)(.+)$/i.exec(spec);
  if (file) return file[1]!;
  return /^\.\.?\//.test(spec) ? spec : null;
}

/** The repo path a relative reference on a line of `specFile` reaches, or null when it leaves the repo. */
function referencedPath(specFile: string, reference: string): string | null {
  const target = posix
    .normalize(posix.join(posix.dirname(specFile), reference.replace(/[#?].*$/, "")))
    .replace(/\/+$/, "");
  return target === ".." || target.startsWith("../") ? null : target;
}

/** Sets `inRepo` on package records whose spec is a relative reference to a folder or file the repo commits. */
export function markInRepoReferences(records: FactRecord[], present: (path: string) => boolean): void {
  for (const r of records) {
    if (r.kind !== "package" || typeof r.spec !== "string" || typeof r.file !== "string") continue;
    const reference = relativeReference(r.spec);
    const target = reference === null ? null : referencedPath(r.file, reference);
    if (target !== null && present(target)) r.inRepo = target;
  }
}
