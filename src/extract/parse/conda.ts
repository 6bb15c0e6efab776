// Parse a conda environment.yml: conda packages (`name=1.2.3`), python=, channels' pip section and its URLs.
import { yamlParser } from "../../io/yaml.js";
import type { FactRecord } from "../../model/facts.js";
import { lineOf } from "./lines.js";
import { normalizeName, parseRequirement } from "./pep508.js";
import { indexProjectFields } from "./index-projects.js";
import { cudaFromPackage, cudaFromUrl, indexRecord, packageRecord, pythonRecord } from "./records.js";
import { parseRequirementsText } from "./requirements.js";

/** conda match spec "numpy=1.26.4=py311_0", "pytorch::torch>=2", "python 3.10". */
export function condaSpec(entry: string): { name: string; spec: string; pinned: boolean } | null {
  const body = entry.trim().replace(/^[\w.-]+::/, "");
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/.exec(body);
  if (!match) return null;
  let spec = match[2]!.replace(/\s+/g, "");
  if (/^[0-9]/.test(spec)) spec = `=${spec}`; // "python 3.10" form
  // `=x.y.z` (three parts or more), `==x`, or a build string pins exactly in conda; `=1.26` is fuzzy.
  const exact = /^==?([0-9][^=<>!~*,|]*)(=.*)?$/.exec(spec);
  // CUDA toolkits are released as major.minor: `cudatoolkit=10.0` names one release.
  const parts = /^(?:cudatoolkit|cuda-toolkit|cudnn|cuda-version)$/.test(normalizeName(match[1]!)) ? 2 : 3;
  const pinned = !!exact && (spec.startsWith("==") || exact[1]!.split(".").length >= parts || !!exact[2]);
  return { name: normalizeName(match[1]!), spec, pinned };
}

export function parseCondaText(file: string, text: string): FactRecord[] {
  let doc: unknown;
  try {
    doc = yamlParser().load(text, { json: true });
  } catch {
    return []; // malformed YAML is the inventory's finding, not this family's
  }
  if (!doc || typeof doc !== "object") return [];
  const deps = (doc as { dependencies?: unknown }).dependencies;
  if (!Array.isArray(deps)) return [];
  const records: FactRecord[] = [];
  let cursor = lineOf(text, "dependencies");
  for (const dep of deps) {
    if (typeof dep === "string") {
      const line = (cursor = lineOf(text, dep, cursor, cursor));
      const parsed = condaSpec(dep);
      if (!parsed) continue;
      if (parsed.name === "python") {
        // An export's `python=3.9.18=h955ad1f_0` carries a build string after the version: the version is the Python.
        const version = parsed.spec.replace(/^=+/, "");
        records.push(pythonRecord(file, line, /^\d[^=<>!~,|]*=/.test(version) ? version.split("=")[0]! : version));
        continue;
      }
      if (parsed.name === "pip") continue; // the installer itself
      records.push(packageRecord(file, line, { name: parsed.name, spec: parsed.spec }, parsed.pinned));
      const cuda = cudaFromPackage(file, line, parsed.name, parsed.spec);
      if (cuda) records.push(cuda);
    } else if (dep && typeof dep === "object" && Array.isArray((dep as { pip?: unknown }).pip)) {
      for (const entry of (dep as { pip: unknown[] }).pip) {
        if (typeof entry !== "string") continue;
        const line = (cursor = lineOf(text, entry, cursor, cursor));
        if (entry.trim().startsWith("-")) {
          // pip options inside the YAML: index URLs mostly
          for (const r of parseRequirementsText(file, entry).records) records.push({ ...r, line });
          continue;
        }
        const req = parseRequirement(entry);
        if (!req) continue;
        records.push({
          ...packageRecord(file, line, req),
          ...indexProjectFields(req.name, req.url ?? req.spec, req.marker),
        });
        const cuda = cudaFromPackage(file, line, req.name, req.spec, req.extras);
        if (cuda) records.push(cuda);
      }
    }
  }
  for (const channel of ((doc as { channels?: unknown }).channels as unknown[] | undefined) ?? []) {
    if (typeof channel === "string" && /^https?:\/\//.test(channel)) {
      const line = lineOf(text, channel);
      records.push(indexRecord(file, line, channel));
      const cuda = cudaFromUrl(file, line, channel);
      if (cuda) records.push(cuda);
    }
  }
  return records;
}
