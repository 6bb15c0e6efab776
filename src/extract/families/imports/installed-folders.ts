// The repo folders whose package the rerun installs (`pip install -e lib`, `cd lib && python setup.py develop`,
// a requirements file's `-e ./lib`), from README commands, shell scripts, Dockerfiles and requirements files.
// A setup.py nobody installs makes nothing importable, so only these folders are on the import path.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { filesWithRole } from "../../view/file-roles.js";
import { pipTargets, pipWords, repoInstallsOf, repoPathFrom } from "../../shell/pip-installs.js";

/** The folders one shell line installs, run from `cwd` (a `cd` in the line moves it). */
export function foldersInstalledBy(line: string, cwd: string): string[] {
  return repoInstallsOf(line, cwd).folders;
}

const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/** Every repo folder the rerun installs as a package ("" for the root). */
export function installedFolders(view: RepoView, readme: readonly FactRecord[]): Set<string> {
  const folders = new Set<string>();
  const add = (list: readonly string[]) => list.forEach((f) => folders.add(f));
  for (const r of readme)
    if (r.kind === "command" && typeof r.command === "string")
      add(foldersInstalledBy(r.command, typeof r.cwd === "string" ? r.cwd : ""));
  // A script runs from the root or its own folder, a Dockerfile's RUN from its build context (the root or its
  // folder), a requirements file's paths from its own folder; a folder the repo lacks installs nothing.
  const linesOf = (path: string) => (view.read(path) ?? "").replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const entry of filesWithRole(view, "shell", "dockerfile")) {
    if (entry.skipped || entry.size > 1_000_000) continue;
    for (const line of linesOf(entry.path))
      if (/install|develop/.test(line) && !line.trimStart().startsWith("#"))
        for (const cwd of new Set(["", folderOf(entry.path)]))
          add(foldersInstalledBy(line.replace(/^\s*RUN\s+/i, ""), cwd));
  }
  for (const entry of filesWithRole(view, "requirements")) {
    if (entry.skipped || entry.size > 1_000_000) continue;
    for (const line of linesOf(entry.path))
      add(
        pipTargets(pipWords(line.trim()))
          .folders.map((f) => repoPathFrom(folderOf(entry.path), f))
          .filter((f): f is string => f !== null),
      );
  }
  return new Set([...folders].filter((f) => f === "" || view.isDir(f)));
}
