// Parse a pip requirements file: packages, -r/-c includes, index URLs; comments, continuations, --hash.
import type { FactRecord } from "../../model/facts.js";
import { indexProjectFields } from "./index-projects.js";
import { parseRequirement } from "./pep508.js";
import { cudaFromPackage, cudaFromUrl, indexRecord, packageRecord } from "./records.js";

export interface RequirementsParse {
  records: FactRecord[];
  /** Paths as written after -r / -c, relative to the including file. */
  includes: Array<{ path: string; line: number }>;
}

/** Logical lines (backslash continuations joined) with the physical line they start on. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buffer = "";
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!buffer) start = i + 1;
    const line = raw.replace(/(^|\s)#.*$/, "");
    if (line.endsWith("\\")) {
      buffer += line.slice(0, -1) + " ";
      return;
    }
    buffer += line;
    out.push({ text: buffer.trim(), line: start });
    buffer = "";
  });
  if (buffer.trim()) out.push({ text: buffer.trim(), line: start });
  return out;
}

const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/;
const INDEX = /^(?:-i|--index-url|--extra-index-url|-f|--find-links)(?:\s+|=)(\S+)/;
const EDITABLE = /^(?:-e|--editable)(?:\s+|=)(\S+)/;
/** `conda list --export`'s `name=version=build` (or `name=version`): a single `=`, which pip does not read. */
const CONDA_EXPORT = /^([A-Za-z0-9][\w.-]*)=(\d[\w.+!*]*)(?:=[\w.+!*]+)?$/;

/** The lines that name no package: pip options (an index, `--pre`) and local paths (`-e .`, `./pkg`), by line. */
export function requirementsOtherLines(
  text: string,
): Array<{ line: number; text: string; kind: "index" | "option" | "local" }> {
  const out: Array<{ line: number; text: string; kind: "index" | "option" | "local" }> = [];
  for (const { text: entry, line } of logicalLines(text)) {
    if (!entry || INCLUDE.test(entry)) continue;
    if (INDEX.test(entry)) {
      out.push({ line, text: entry, kind: "index" });
      continue;
    }
    const editable = EDITABLE.exec(entry);
    const body = editable ? editable[1]! : entry;
    if (body.startsWith("-")) out.push({ line, text: entry, kind: "option" });
    else if (!parseRequirement(body.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/gi, " ").trim()))
      out.push({ line, text: entry, kind: "local" });
  }
  return out;
}

export function parseRequirementsText(file: string, text: string): RequirementsParse {
  const records: FactRecord[] = [];
  const includes: RequirementsParse["includes"] = [];
  for (const { text: entry, line } of logicalLines(text)) {
    if (!entry) continue;
    const include = INCLUDE.exec(entry);
    if (include) {
      includes.push({ path: include[1]!, line });
      continue;
    }
    const index = INDEX.exec(entry);
    if (index) {
      const url = index[1]!;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        records.push(indexRecord(file, line, url));
        const cuda = cudaFromUrl(file, line, url);
        if (cuda) records.push(cuda);
      }
      continue;
    }
    const editable = EDITABLE.exec(entry);
    const body = editable ? editable[1]! : entry;
    if (body.startsWith("-")) continue; // other pip options (--pre, --no-binary ...)
    // Per-requirement options (--hash, --config-settings) follow the requirement.
    const requirementText = body.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/gi, " ").trim();
    const conda = CONDA_EXPORT.exec(requirementText);
    if (conda) {
      // The version is stated (so the line is pinned); pip cannot read the line as written.
      const name = conda[1]!.toLowerCase().replace(/[-_.]+/g, "-");
      records.push({ ...packageRecord(file, line, { name, spec: `==${conda[2]!}` }), condaLine: requirementText });
      continue;
    }
    const req = parseRequirement(requirementText);
    if (!req) continue; // local path ("." or "./pkg"): the repo's own code
    records.push({
      ...packageRecord(file, line, req),
      ...indexProjectFields(req.name, req.url ?? req.spec, req.marker),
    });
    const cuda = cudaFromPackage(file, line, req.name, req.spec, req.extras);
    if (cuda) records.push(cuda);
  }
  return { records, includes };
}
