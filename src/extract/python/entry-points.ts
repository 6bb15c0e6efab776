// Entry points of a solution: scripts its README runs, files with a __main__ guard, notebooks, and the code
// file a Kaggle kernel runs (kernel-metadata.json's code_file).
import type { Facts } from "../../model/facts.js";
import type { RepoView } from "../../model/repo-view.js";
import { ownRunnerModules, scriptsRunBy } from "../shell/readme-scripts.js";
import { commandWords } from "../shell/readme-commands.js";
import type { RepoPythonIndex } from "./repo-index.js";
import { reachableFrom } from "./repo-index.js";

/** The fact families these functions read: an extractor that calls them declares these in its reads. */
export const ENTRY_POINT_READS = ["readme", "kaggle-kernel"] as const;

export function entryPoints(index: RepoPythonIndex, facts: Facts): Set<string> {
  const entries = new Set<string>();
  for (const record of facts.families["readme"] ?? []) {
    if (record.kind !== "command" || typeof record.script !== "string") continue;
    const script = record.script.replace(/^\.\//, "");
    if (index.byPath.has(script)) entries.add(script);
  }
  for (const record of facts.families["kaggle-kernel"] ?? []) {
    if (record.kind === "code-file" && typeof record.value === "string" && index.byPath.has(record.value))
      entries.add(record.value);
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

/** The files the README's training runs: its train commands' scripts (through the shell scripts that run
 * them) and what they import. Null when the README names no training script: then no file can be said to
 * be off the training's path. */
export function trainingFiles(index: RepoPythonIndex, facts: Facts, view: RepoView): Set<string> | null {
  const own = ownRunnerModules(view);
  const env = { isDir: (p: string) => view.isDir(p), runners: new Set(own.keys()) };
  const starts = new Set<string>();
  for (const record of facts.families["readme"] ?? []) {
    if (record.kind !== "command" || record.purpose !== "train") continue;
    // `aptos train -c x.yml`: the repo's own console script runs its module.
    const script =
      typeof record.script === "string"
        ? record.script.replace(/^\.\//, "")
        : (own.get(commandWords(String(record.command))?.argv[0] ?? "") ?? null);
    if (script === null) continue;
    for (const file of /\.(?:sh|bash)$/.test(script) ? scriptsRunBy(view, script, env) : [script])
      if (index.byPath.has(file)) starts.add(file);
  }
  return starts.size === 0 ? null : reachableFrom(index, starts);
}
