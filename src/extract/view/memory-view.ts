// A RepoView over an in-memory map of files: for tests of extractors and for facts judged offline.
import type { InventoryEntry, PythonSource, RepoView } from "../../model/repo-view.js";
import { flattenNotebook } from "./notebook.js";
import { classifyPath } from "../../model/file-kinds.js";
import { giveRole } from "./file-roles.js";

export function memoryView(files: Record<string, string>): RepoView {
  const entries: InventoryEntry[] = Object.keys(files)
    .sort()
    .map((path) => {
      const { kind, configFormat } = classifyPath(path);
      return giveRole({ path, size: Buffer.byteLength(files[path]!), kind, ...(configFormat ? { configFormat } : {}) });
    });
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return {
    files: () => entries,
    has: (path) => path in files,
    read: (path) => files[path] ?? null,
    isDir: (path) => dirs.has(path.replace(/\/+$/, "")),
    *python(): Iterable<PythonSource> {
      for (const entry of entries) {
        if (entry.kind === "python") yield { path: entry.path, text: files[entry.path]! };
        if (entry.kind === "notebook") {
          const flat = flattenNotebook(files[entry.path]!);
          if (flat.ok)
            yield {
              path: entry.path,
              text: flat.notebook.text,
              lineMap: flat.notebook.lineMap,
              ...(flat.notebook.shell.length ? { shell: flat.notebook.shell } : {}),
            };
        }
      }
    },
  };
}
