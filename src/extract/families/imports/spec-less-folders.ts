// A top-level folder with code and no spec of its own, whose imports only a sibling sub-project's spec declares
// (tk/ importing transformers that only rb/requirements.txt pins): one gap, the folder's missing spec, not one
// undeclared package per import. Pure.
import type { FactRecord } from "../../../model/facts.js";

const topOf = (p: string) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : "");

/** Marks each undeclared import in a spec-less top folder that some folder's spec declares (`elsewhere(d)`: the
 * spec files declaring distribution d outside the importing file's reach) with declaredElsewhere, and returns one
 * spec-less-folder record per such folder, at its first import. */
export function specLessFolders(
  records: FactRecord[],
  specFiles: readonly string[],
  elsewhere: (distribution: string) => string[],
): FactRecord[] {
  const specTops = new Set(specFiles.map(topOf));
  const byFolder = new Map<string, FactRecord[]>();
  for (const r of records) {
    if (r.origin !== "third-party" || r.declared !== false || r.optional === true) continue;
    if (r.localBy !== undefined || r.clonedFrom !== undefined || typeof r.file !== "string") continue;
    const folder = topOf(r.file);
    if (folder === "" || specTops.has(folder)) continue;
    const specs = elsewhere(String(r.distribution));
    if (specs.length === 0) continue;
    r.declaredElsewhere = specs.join(", ");
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(r);
  }
  return [...byFolder].map(([folder, imports]) => {
    const distributions = [...new Set(imports.map((r) => String(r.distribution)))].sort();
    const specs = [...new Set(imports.flatMap((r) => String(r.declaredElsewhere).split(", ")))].sort();
    return {
      file: imports[0]!.file,
      line: imports[0]!.line,
      kind: "spec-less-folder",
      folder,
      distributions: distributions.join(", "),
      count: distributions.length,
      declaredElsewhere: specs.join(", "),
    };
  });
}
