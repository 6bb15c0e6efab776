// Entry points of a solution: scripts its README runs, files with a __main__ guard, and notebooks.
import type { Facts } from "../../model/facts.js";
import type { RepoPythonIndex } from "./repo-index.js";
import { reachableFrom } from "./repo-index.js";

export function entryPoints(index: RepoPythonIndex, facts: Facts): Set<string> {
  const entries = new Set<string>();
  for (const record of facts.families["readme"] ?? []) {
    if (record.kind !== "command" || typeof record.script !== "string") continue;
    const script = record.script.replace(/^\.\//, "");
    if (index.byPath.has(script)) entries.add(script);
  }
  for (const file of index.files) if (file.hasMain || file.notebook) entries.add(file.path);
  return entries;
}

/** Files reachable from the entry points; when no entry point is known, every file. */
export function reachableFiles(index: RepoPythonIndex, facts: Facts): Set<string> {
  const entries = entryPoints(index, facts);
  if (entries.size === 0) return new Set(index.files.map((f) => f.path));
  return reachableFrom(index, entries);
}
