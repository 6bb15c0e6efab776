// Parse a Pipfile (TOML: [packages], [requires] python_version, [[source]] urls) and a Pipfile.lock (JSON).
import { parse as parseToml } from "smol-toml";
import type { FactRecord } from "../../model/facts.js";
import { lineOf, sectionLine } from "./lines.js";
import { isExactPin, normalizeName } from "./pep508.js";
import { cudaFromPackage, cudaFromUrl, indexRecord, packageRecord, pythonRecord } from "./records.js";

function pipfileSpec(value: unknown): { spec: string; extras?: string; marker?: string } {
  if (typeof value === "string") return { spec: value === "*" ? "" : value.replace(/\s+/g, "") };
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const spec = typeof v.version === "string" && v.version !== "*" ? v.version.replace(/\s+/g, "") : "";
    const out: { spec: string; extras?: string; marker?: string } = { spec };
    if (Array.isArray(v.extras)) out.extras = v.extras.join(",");
    if (typeof v.markers === "string") out.marker = v.markers;
    if (typeof v.git === "string") out.spec = `git+${v.git}${typeof v.ref === "string" ? `@${v.ref}` : ""}`;
    return out;
  }
  return { spec: "" };
}

export function parsePipfileText(file: string, text: string): FactRecord[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const records: FactRecord[] = [];
  const requires = doc.requires as Record<string, unknown> | undefined;
  const python = requires?.python_full_version ?? requires?.python_version;
  if (typeof python === "string")
    records.push(pythonRecord(file, lineOf(text, "python_", sectionLine(text, "requires")), python));
  for (const source of (doc.source as Array<Record<string, unknown>> | undefined) ?? []) {
    if (typeof source.url !== "string") continue;
    const line = lineOf(text, source.url);
    records.push(indexRecord(file, line, source.url));
    const cuda = cudaFromUrl(file, line, source.url);
    if (cuda) records.push(cuda);
  }
  for (const section of ["packages", "dev-packages"]) {
    const start = sectionLine(text, section);
    const packages = doc[section];
    if (!packages || typeof packages !== "object" || Array.isArray(packages)) continue;
    for (const [rawName, value] of Object.entries(packages as Record<string, unknown>)) {
      const line = lineOf(text, rawName, start, start);
      const { spec, extras, marker } = pipfileSpec(value);
      const name = normalizeName(rawName);
      const req = { name, spec, ...(extras ? { extras } : {}), ...(marker ? { marker } : {}) };
      records.push(packageRecord(file, line, req, isExactPin(spec) || /@[0-9a-f]{40}$/.test(spec)));
      const cuda = cudaFromPackage(file, line, name, spec, extras);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}

/** Pipfile.lock: every package of `default` and `develop` is pinned by the lock itself. */
export function parsePipfileLockText(file: string, text: string): FactRecord[] {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  // Valid JSON need not be an object ("null", "[1]"): a lock file that is not one declares nothing.
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return [];
  const records: FactRecord[] = [];
  const meta = (doc._meta ?? {}) as { requires?: Record<string, unknown> };
  const python = meta.requires?.python_full_version ?? meta.requires?.python_version;
  if (typeof python === "string") records.push(pythonRecord(file, lineOf(text, `"${python}"`), python));
  for (const section of ["default", "develop"]) {
    const start = lineOf(text, `"${section}"`);
    const packages = doc[section];
    if (!packages || typeof packages !== "object" || Array.isArray(packages)) continue;
    for (const [rawName, value] of Object.entries(packages as Record<string, unknown>)) {
      const line = lineOf(text, `"${rawName}"`, start, start);
      const { spec, extras, marker } = pipfileSpec(value);
      const name = normalizeName(rawName);
      records.push(
        packageRecord(file, line, { name, spec, ...(extras ? { extras } : {}), ...(marker ? { marker } : {}) }, true),
      );
      const cuda = cudaFromPackage(file, line, name, spec, extras);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}
