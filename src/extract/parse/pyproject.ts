// Parse pyproject.toml: PEP 621 [project] dependencies and requires-python, or Poetry's [tool.poetry].
import { indexProjectFields } from "./index-projects.js";
import { parse as parseToml } from "smol-toml";
import type { FactRecord } from "../../model/facts.js";
import { lineOf, sectionLine } from "./lines.js";
import { isExactPin, isPinnedUrl, normalizeName, parseRequirement } from "./pep508.js";
import { cudaFromPackage, cudaFromUrl, indexRecord, packageRecord, pythonRecord } from "./records.js";

export interface PyprojectParse {
  format: "pyproject" | "poetry" | null;
  records: FactRecord[];
}

function pep621(file: string, text: string, project: Record<string, unknown>): FactRecord[] {
  const records: FactRecord[] = [];
  const start = sectionLine(text, "project");
  if (typeof project["requires-python"] === "string") {
    records.push(pythonRecord(file, lineOf(text, "requires-python", start, start), project["requires-python"]));
  }
  const lists: unknown[] = [project.dependencies];
  for (const group of Object.values((project["optional-dependencies"] as Record<string, unknown>) ?? {}))
    lists.push(group);
  let cursor = start;
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== "string") continue;
      const req = parseRequirement(entry);
      if (!req) continue;
      const line = (cursor = lineOf(text, entry, cursor, lineOf(text, entry, 1, start)));
      records.push({
        ...packageRecord(file, line, req),
        ...indexProjectFields(req.name, req.url ?? req.spec, req.marker),
      });
      const cuda = cudaFromPackage(file, line, req.name, req.spec, req.extras);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}

/** Poetry constraints: "1.2.3" is exact; ^, ~, * and ranges are not. */
function poetrySpec(value: unknown): { spec: string; extras?: string; marker?: string } {
  // Several constraints by platform: the build's (Linux, or no marker) is the one that counts.
  if (Array.isArray(value)) {
    const linux = value.find(
      (v) => v && typeof v === "object" && (typeof v.markers !== "string" || /linux/.test(v.markers)),
    );
    return poetrySpec(linux ?? value[0]);
  }
  if (typeof value === "string") return { spec: value.trim() === "*" ? "" : value.replace(/\s+/g, "") };
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const out: { spec: string; extras?: string; marker?: string } = {
      spec: typeof v.version === "string" && v.version !== "*" ? v.version.replace(/\s+/g, "") : "",
    };
    if (Array.isArray(v.extras)) out.extras = v.extras.join(",");
    if (typeof v.markers === "string") out.marker = v.markers;
    if (typeof v.url === "string") out.spec = v.url; // a wheel URL pins its version (and its Python, by tag)
    if (typeof v.git === "string") out.spec = `git+${v.git}${typeof v.rev === "string" ? `@${v.rev}` : ""}`;
    if (typeof v.path === "string") return { spec: "path" };
    return out;
  }
  return { spec: "" };
}

/** The package indexes a tool's table names: `[[tool.poetry.source]]`, `[[tool.rye.sources]]`, `[[tool.uv.index]]`
 * (with `[tool.uv.sources]` routing packages to it), `[[tool.pdm.source]]`. The tool that installs the file reads them,
 * as pip reads --extra-index-url in a requirements file. */
const INDEX_TABLES: ReadonlyArray<[tool: string, key: string]> = [
  ["poetry", "source"],
  ["rye", "sources"],
  ["uv", "index"],
  ["pdm", "source"],
];

function toolIndexes(file: string, text: string, doc: Record<string, unknown>): FactRecord[] {
  const records: FactRecord[] = [];
  const tools = (doc.tool as Record<string, unknown> | undefined) ?? {};
  for (const [name, key] of INDEX_TABLES) {
    const entries = ((tools[name] as Record<string, unknown> | undefined) ?? {})[key];
    for (const source of Array.isArray(entries) ? (entries as Array<Record<string, unknown>>) : []) {
      if (!source || typeof source.url !== "string") continue;
      const line = lineOf(text, source.url);
      records.push(indexRecord(file, line, source.url));
      const cuda = cudaFromUrl(file, line, source.url);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}

function poetry(file: string, text: string, tool: Record<string, unknown>): FactRecord[] {
  const records: FactRecord[] = [];
  const groups: Array<[string, unknown]> = [["tool.poetry.dependencies", tool.dependencies]];
  for (const [name, group] of Object.entries((tool.group as Record<string, { dependencies?: unknown }>) ?? {})) {
    groups.push([`tool.poetry.group.${name}.dependencies`, group.dependencies]);
  }
  for (const [section, deps] of groups) {
    const start = sectionLine(text, section);
    for (const [rawName, value] of Object.entries((deps as Record<string, unknown>) ?? {})) {
      const line = lineOf(text, rawName, start, start);
      const { spec, extras, marker } = poetrySpec(value);
      if (rawName === "python") {
        records.push(pythonRecord(file, line, spec));
        continue;
      }
      if (spec === "path") continue; // a local package: the repo's own code
      const name = normalizeName(rawName);
      const pinned =
        /^\d[\w.!+-]*$/.test(spec) ||
        isExactPin(spec) ||
        /@[0-9a-f]{40}$/.test(spec) ||
        (/^https?:/.test(spec) && isPinnedUrl(spec.replace(/%2B/gi, "+")));
      records.push(
        packageRecord(file, line, { name, spec, ...(extras ? { extras } : {}), ...(marker ? { marker } : {}) }, pinned),
      );
      const cuda = cudaFromPackage(file, line, name, spec, extras);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}

/** format null: a pyproject.toml that only configures tools (black, ruff): not an environment spec. */
export function parsePyprojectText(file: string, text: string): PyprojectParse {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return { format: null, records: [] };
  }
  const tool = ((doc.tool as Record<string, unknown>) ?? {}).poetry as Record<string, unknown> | undefined;
  if (tool) return { format: "poetry", records: [...toolIndexes(file, text, doc), ...poetry(file, text, tool)] };
  if (doc.project && typeof doc.project === "object") {
    const records = [...toolIndexes(file, text, doc), ...pep621(file, text, doc.project as Record<string, unknown>)];
    return { format: "pyproject", records };
  }
  return { format: null, records: [] };
}
