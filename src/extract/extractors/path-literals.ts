// Fact family `path-literals`: absolute or machine-specific paths written in code, notebooks, configs and
// shell text (scripts, Makefiles, Dockerfiles, .bat, R and MATLAB files, os.system/subprocess strings,
// notebook `!` lines), and relative paths that climb out of the repo.
import type { FactRecord, Facts } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { configValues, scannableConfig } from "../python/config-lines.js";
import { recordAt } from "../python/locate.js";
import { preparePythonIndex } from "../python/repo-index.js";
import { isTestFile } from "../python/test-files.js";
import { classifyPath, climbsOutOfRepo } from "../paths/classify.js";
import { containerRoots } from "../paths/containers.js";
import { commentMarker, shellPaths } from "../paths/shell-words.js";
import { isDockerfilePath } from "../env/dockerfile.js";

/** A notebook's /kaggle/working is Kaggle's own output folder, where the notebook runs: no one machine's. */
function ownFolderOfKaggle<K extends string>(kind: K | null, notebook: boolean): K | null {
  return notebook && kind === "kaggle-working" ? null : kind;
}

/** Whether a notebook is meant for Kaggle: a kernel-metadata.json in its folder or above names data
 * sources, or its own metadata lists Kaggle data sources (a notebook downloaded from Kaggle). Then its
 * /kaggle/input/<slug> is where Kaggle mounts those sources, the platform's layout. */
function kaggleNotebooks(facts: Facts, read: (path: string) => string | null): (path: string) => boolean {
  const folders = new Set<string>();
  for (const r of facts.families["kaggle-kernel"] ?? []) {
    if (typeof r.file === "string" && typeof r.kind === "string" && r.kind.endsWith("-source")) folders.add(r.file.includes("/") ? r.file.slice(0, r.file.lastIndexOf("/") + 1) : "");
  }
  return (path) => [...folders].some((f) => path.startsWith(f)) || ownKaggleSources(read(path));
}

function ownKaggleSources(text: string | null): boolean {
  if (text === null || !text.includes('"kaggle"')) return false;
  try {
    const sources = (JSON.parse(text) as { metadata?: { kaggle?: { dataSources?: unknown } } })?.metadata?.kaggle?.dataSources;
    return Array.isArray(sources) && sources.length > 0;
  } catch {
    return false;
  }
}

const MOUNT = { mount: "/kaggle/input" };

export const extractor: Extractor = {
  id: "path-literals",
  async extract(ctx) {
    const records: FactRecord[] = [];
    const roots = containerRoots(ctx.view);
    const forKaggle = kaggleNotebooks(ctx.facts, (path) => ctx.view.read(path));
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      if (isTestFile(file)) continue; // fixtures: the paths a test feeds, not the pipeline's
      const mount = file.notebook && forKaggle(file.path) ? MOUNT : {};
      const mounted = (kind: string) => (kind === "kaggle-input" ? mount : {});
      for (const s of file.pathStrings) {
        const kind = ownFolderOfKaggle(classifyPath(s.value, { role: s.role, containerRoots: roots, where: "code" }), file.notebook);
        if (kind) records.push(recordAt(file, s.line, { value: s.value, kind, source: "code", ...mounted(kind) }));
        else if (!s.role && climbsOutOfRepo(s.value, file.path) && !(file.notebook && /^\.\.\/input\//.test(s.value))) records.push(recordAt(file, s.line, { value: s.value, kind: "outside-repo", source: "code" }));
      }
      // What the code hands a shell, and a notebook's `!` lines.
      for (const s of [...file.shellStrings, ...(file.shell ?? []).map((x) => ({ line: x.line, value: x.text }))]) {
        for (const word of shellPaths(s.value)) {
          const kind = ownFolderOfKaggle(classifyPath(word, { containerRoots: roots, where: "shell" }), file.notebook);
          if (kind) records.push(recordAt(file, s.line, { value: word, kind, source: "shell", ...mounted(kind) }));
        }
      }
    }
    for (const entry of ctx.view.files()) {
      if (entry.skipped || entry.size > 1_000_000) continue;
      if (entry.kind === "config" && scannableConfig(entry.path, entry.size)) {
        const text = ctx.view.read(entry.path);
        if (text === null) continue;
        for (const v of configValues(text)) {
          const kind = classifyPath(v.value, { containerRoots: roots, where: "config" });
          if (kind) records.push({ file: entry.path, line: v.line, value: v.value, kind, source: "config" });
        }
        continue;
      }
      const comment = commentMarker(entry.path);
      if (comment === null || entry.kind === "python" || entry.kind === "notebook") continue;
      const text = ctx.view.read(entry.path);
      if (text === null) continue;
      const where = isDockerfilePath(entry.path) ? "dockerfile" : "shell";
      text.split("\n").forEach((line, i) => {
        if (comment.test(line)) return;
        for (const word of shellPaths(line)) {
          const kind = classifyPath(word, { containerRoots: where === "shell" ? roots : [], where });
          if (kind) records.push({ file: entry.path, line: i + 1, value: word, kind, source: where === "dockerfile" ? "dockerfile" : "script" });
        }
      });
    }
    return records;
  },
};
