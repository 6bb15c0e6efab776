// Imports a spec brings in only as a dependency (pure): the code imports torch, the requirements pin timm and
// monai but not torch, and the resolver's closure holds torch only `# via timm, monai`. Such a package is installed,
// but at whatever version its dependents allow on the day, never one the authors chose.
import type { FactRecord } from "../model/facts.js";
import { normalizeDistribution, satisfyingNames } from "../extract/python/packages.js";
import type { LockedPin } from "./lock.js";

/** A spec line's own requirement in uv's notes (`-r -`, a `-c` constraint): the package is asked for directly. */
const ASKED = /^-[rc]\b/;

/** A .py file before a notebook, a shallower file before a deeper one, then by path: the site a reader opens first. */
function siteOrder(a: string, b: string): number {
  const key = (f: string) => [Number(f.endsWith(".ipynb")), f.split("/").length] as const;
  const [x, y] = [key(a), key(b)];
  return x[0] - y[0] || x[1] - y[1] || (a < b ? -1 : a > b ? 1 : 0);
}

/** One record per distribution the code imports undeclared that `pins` (one spec's closure) holds only as a
 * dependency: at the first import site (siteOrder), with what brings it. */
export function transitiveImports(
  specFile: string,
  pins: readonly LockedPin[],
  imports: readonly FactRecord[],
): FactRecord[] {
  const byName = new Map(pins.map((p) => [normalizeDistribution(p.name), p]));
  const records = new Map<string, FactRecord>();
  const sites = imports
    .filter(
      (r) =>
        r.origin === "third-party" &&
        r.declared === false &&
        r.optional !== true &&
        r.localBy === undefined &&
        r.clonedFrom === undefined &&
        typeof r.distribution === "string",
    )
    .sort((a, b) => siteOrder(String(a.file), String(b.file)));
  for (const site of sites) {
    const distribution = String(site.distribution);
    if (records.has(normalizeDistribution(distribution))) continue;
    const pin = satisfyingNames(distribution)
      .map((n) => byName.get(n))
      .find((p) => p !== undefined);
    if (!pin || pin.via.length === 0 || pin.via.some((v) => ASKED.test(v))) continue;
    const parents = pin.via.map((v) => {
      const parent = byName.get(normalizeDistribution(v));
      return parent ? `${parent.name}==${parent.version}` : v;
    });
    records.set(normalizeDistribution(distribution), {
      kind: "transitive-import",
      file: String(site.file),
      line: typeof site.line === "number" ? site.line : 1,
      ...(typeof site.cell === "number" ? { cell: site.cell, cellLine: site.cellLine } : {}),
      spec: specFile,
      distribution,
      module: String(site.module),
      version: pin.version,
      via: parents.join(", "),
    });
  }
  return [...records.values()];
}

/** The imports records with `installedBy` on each undeclared import a transitive-import record covers (same
 * distribution): the resolved closure installs it as a dependency of a listed package, so it is no missing package
 * (requirements-imports-declared) but one not declared (requirements-imports-declared-directly). */
export function withInstalledBy(imports: readonly FactRecord[], resolution: readonly FactRecord[]): FactRecord[] {
  const via = new Map<string, string>();
  for (const r of resolution)
    if (r.kind === "transitive-import" && typeof r.distribution === "string")
      via.set(normalizeDistribution(r.distribution), `${String(r.via)} (${String(r.spec)})`);
  if (via.size === 0) return [...imports];
  return imports.map((r) => {
    const by =
      r.origin === "third-party" && r.declared === false && typeof r.distribution === "string"
        ? via.get(normalizeDistribution(r.distribution))
        : undefined;
    return by === undefined ? r : { ...r, installedBy: by };
  });
}
