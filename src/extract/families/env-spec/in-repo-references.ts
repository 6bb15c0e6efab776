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

/** A sub-package installed only through a root spec that references it (`sub @ file:modules/sub`) is resolved
 * together with that spec: the root's exact pins fix the sub-package's unpinned lines of the same packages. */
export function pinThroughReferences(records: FactRecord[]): void {
  for (const ref of records) {
    if (ref.kind !== "package" || typeof ref.inRepo !== "string" || typeof ref.file !== "string") continue;
    const pinned = new Set(
      records.flatMap((r) =>
        r.kind === "package" && r.file === ref.file && r.pinned === true && typeof r.name === "string" ? [r.name] : [],
      ),
    );
    const folder = `${ref.inRepo}/`;
    for (const r of records)
      if (
        r.kind === "package" &&
        typeof r.file === "string" &&
        r.file.startsWith(folder) &&
        !r.file.slice(folder.length).includes("/") &&
        r.pinned === false &&
        typeof r.name === "string" &&
        pinned.has(r.name)
      )
        r.pinned = true;
  }
}
