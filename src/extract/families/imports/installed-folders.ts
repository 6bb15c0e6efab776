// The repo folders whose package the rerun installs (`pip install -e lib`, `cd lib && python setup.py develop`,
// a requirements file's `-e ./lib`), from README commands, shell scripts, Dockerfiles and requirements files.
// A setup.py nobody installs makes nothing importable, so only these folders are on the import path.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { filesWithRole } from "../../view/file-roles.js";

/** `a/./b/../c/` -> `a/c`; null when it climbs out of the repo or is absolute. */
function normalized(path: string): string | null {
  if (path.startsWith("/") || path.startsWith("~") || path.startsWith("$")) return null;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

const join = (cwd: string, path: string) => normalized(cwd && cwd !== "." ? `${cwd}/${path}` : path);
/** The paths that stay inside the repo, normalized. */
const inRepo = (paths: readonly string[]) => paths.map(normalized).filter((p): p is string => p !== null);
/** A pip argument that names a local folder, not a distribution: `.`, `./x`, `../x`, `x/`. */
const LOCAL = /^\.{1,2}(?:\/|$)|\/$/;
const PIP_INSTALL = /(?:^|[\s!%/])(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\s+(.*)$/;
const SETUP_INSTALL = /(?:^|\s)python[\d.]*\s+((?:\S+\/)?setup\.py)\s+(?:develop|install)\b/;

function words(text: string): string[] {
  return (text.replace(/\s+#.*$/, "").match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^["']|["']$/g, ""));
}

/** The local folders one pip argument list (or one requirements line) installs. */
function pipFolders(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const editable = /^(?:-e|--editable)=(.+)$/.exec(arg)?.[1] ?? (/^(?:-e|--editable)$/.test(arg) ? args[++i] : null);
    if (editable) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(editable)) out.push(editable.split(/[[#]/)[0]!);
    } else if (/^(?:-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links)$/.test(arg)) i++;
    else if (!arg.startsWith("-") && LOCAL.test(arg)) out.push(arg.split(/[[#]/)[0]!);
  }
  return out;
}

/** The folders one shell line installs, run from `cwd` (a `cd` in the line moves it). */
export function foldersInstalledBy(line: string, cwd: string): string[] {
  const out: string[] = [];
  let at = cwd;
  for (const part of line.split(/&&|;|\|\|/)) {
    const cd = /^\s*cd\s+(\S+)\s*$/.exec(part);
    if (cd) at = join(at, cd[1]!) ?? at;
    const setup = SETUP_INSTALL.exec(part);
    const from = (f: string) => `${at || "."}/${f}`;
    if (setup) out.push(from(setup[1]!.slice(0, -"setup.py".length) || "."));
    const pip = PIP_INSTALL.exec(part.trim());
    if (pip) out.push(...pipFolders(words(pip[1]!)).map(from));
  }
  return inRepo(out);
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
      add(inRepo(pipFolders(words(line.trim())).map((f) => `${folderOf(entry.path) || "."}/${f}`)));
  }
  return new Set([...folders].filter((f) => f === "" || view.isDir(f)));
}
