// The FawltyDeps floor: undeclared imports FawltyDeps reports that the audit does not name, each with the
// audit's reason (declared elsewhere, the repo's own module, a probe behind ImportError, listed where no
// spec exists) or counted as a miss. Pure.
import { distributionOf, normalizeDistribution } from "../../src/extract/python/packages.js";
import type { FactRecord } from "../../src/model/facts.js";
import type { BenchFinding } from "./match.js";

/** One undeclared import as FawltyDeps' JSON gives it: the import name and where it is imported. */
export interface FawltyUndeclared {
  name: string;
  /** "file:line" of its first reference (relative to the repo), or null. */
  at: string | null;
}

export interface FloorEntry extends FawltyUndeclared {
  distribution: string;
  /** Why the audit names no undeclared import here, or null: a miss. */
  reason: string | null;
}

/** FawltyDeps' `undeclared_deps` (`--json`): `[{ name, references: [{ path, lineno }] }]`, paths made relative. */
export function readFawltyUndeclared(json: unknown, repo: string): FawltyUndeclared[] {
  const deps = (json as { undeclared_deps?: unknown } | null)?.undeclared_deps;
  if (!Array.isArray(deps)) return [];
  return deps.flatMap((d): FawltyUndeclared[] => {
    const name = (d as { name?: unknown }).name;
    if (typeof name !== "string") return [];
    const ref = (
      (d as { references?: unknown }).references as Array<{ path?: unknown; lineno?: unknown }> | undefined
    )?.[0];
    const path = typeof ref?.path === "string" ? ref.path.replace(`${repo.replace(/\/+$/, "")}/`, "") : null;
    return [{ name, at: path ? `${path}${typeof ref?.lineno === "number" ? `:${ref.lineno}` : ""}` : null }];
  });
}

/** What the audit said about one import name, from its imports records and findings. */
function reasonFor(
  name: string,
  distribution: string,
  imports: readonly FactRecord[],
  findings: readonly BenchFinding[],
): string | null {
  const records = imports.filter(
    (r) => r.top === name || (typeof r.module === "string" && r.module.split(".")[0] === name),
  );
  if (records.length === 0) return null;
  if (records.every((r) => r.origin === "local")) return "the repo's own module";
  if (records.every((r) => r.origin === "stdlib")) return "the standard library";
  const declared = records.find((r) => r.declared === true);
  if (declared) return `declared by ${String(declared.declaredBy ?? "a spec")}`;
  if (records.every((r) => r.optional === true)) return "imported only behind ImportError (a probe, not a need)";
  const listed = findings.find(
    (f) =>
      f.rule === "requirements-spec-present" &&
      String(f.values?.distributions ?? "")
        .split(/,\s*/)
        .some((d) => normalizeDistribution(d.replace(/[=<>!~].*$/, "")) === distribution),
  );
  if (listed) return "named in requirements-spec-present's list (the repo has no spec at all)";
  return null;
}

/** The FawltyDeps undeclared imports no requirements-imports-declared finding names, each with a reason or none. */
export function fawltyFloor(
  undeclared: readonly FawltyUndeclared[],
  findings: readonly BenchFinding[],
  imports: readonly FactRecord[],
): FloorEntry[] {
  const named = new Set(
    findings
      .filter((f) => f.rule === "requirements-imports-declared")
      .map((f) => normalizeDistribution(String(f.values?.distribution ?? ""))),
  );
  const out: FloorEntry[] = [];
  for (const u of undeclared) {
    const distribution = normalizeDistribution(distributionOf(u.name));
    if (named.has(distribution)) continue;
    out.push({ ...u, distribution, reason: reasonFor(u.name, distribution, imports, findings) });
  }
  return out;
}
