// A top-level import that is the repo's own code left uncommitted, not a package to install: the code takes
// several project-specific names from it, and something says it was a local folder (a Dockerfile copies a
// missing folder of that stem, the code puts a missing folder of it on sys.path, the README calls it the
// authors'). Its PyPI namesake (`fire`) is then a coincidence.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { isReadmePath } from "../../view/file-roles.js";

export interface UncommittedLocal {
  /** The project-specific names imported from it, comma-joined. */
  ownSymbols: string;
  /** What says it was local, with its place. */
  localBy: string;
}

/** The name a folder or file stands for: `firelib`, `fire_lib`, `libfire`, `fire.py` -> fire. */
export function stemOf(path: string): string {
  const base = path.replace(/\/+$/, "").split("/").pop() ?? "";
  return base
    .toLowerCase()
    .replace(/\.py$/, "")
    .replace(/(.)[-_]?lib$|^lib[-_](?=.)/, "$1");
}

/** Names that belong to a project rather than a library's public face: capitalised ones (FireModel) and
 * those that carry the module's own name (initFire). */
function ownSymbols(top: string, names: readonly string[]): string[] {
  return [
    ...new Set(names.filter((n) => n !== "*" && (/^[A-Z]/.test(n) || n.toLowerCase().includes(top.toLowerCase())))),
  ];
}

function missingFolderSigns(view: RepoView, files: readonly string[], top: string): string[] {
  const signs: string[] = [];
  for (const path of files) {
    const text = view.read(path);
    if (text === null || !text.includes("sys.path")) continue;
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    for (const m of text.matchAll(/sys\.path\.(?:insert\(\s*\d+\s*,|append\()\s*r?['"]([^'"]+)['"]\s*\)/g)) {
      const folder = posix.normalize(posix.join(dir, m[1]!)).replace(/^\.\/?|\/$/g, "");
      if (stemOf(folder) !== top.toLowerCase() || folder.startsWith("..") || folder.startsWith("/")) continue;
      if (view.files().some((e) => e.path.startsWith(`${folder}/`))) continue;
      const line = text.slice(0, m.index).split("\n").length;
      signs.push(`${path}:${line} puts ${m[1]} on sys.path, which is not in the repo`);
    }
  }
  return signs;
}

function readmeSigns(view: RepoView, top: string): string[] {
  const name = top.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ours = new RegExp(
    `\\b(?:our|my)\\s+(?:own\\s+)?(?:[\\w-]+\\s+){0,2}?[\`'"*]*${name}(?:lib)?[\`'"*]*(?:\\s|$|[.,;:)])|[\`'"*]${name}[\`'"*]*\\s+(?:is|contains)\\s+(?:our|my)\\b`,
    "i",
  );
  const signs: string[] = [];
  for (const e of view.files()) {
    if (e.skipped || !isReadmePath(e.path)) continue;
    const lines = (view.read(e.path) ?? "").split("\n");
    const at = lines.findIndex((l) => ours.test(l));
    if (at >= 0) signs.push(`${e.path}:${at + 1} calls ${top} the authors' own`);
  }
  return signs;
}

/** For each top-level name the code imports from, undeclared and not in the repo, what says it was the
 * repo's own uncommitted code; none where only its import says so. */
export function uncommittedLocals(
  view: RepoView,
  files: readonly { path: string; imports: readonly { module: string; names: readonly string[]; level: number }[] }[],
  tops: ReadonlySet<string>,
  spec: readonly FactRecord[],
): Map<string, UncommittedLocal> {
  const out = new Map<string, UncommittedLocal>();
  for (const top of tops) {
    const names = files.flatMap((f) =>
      f.imports.filter((i) => i.level === 0 && i.module.split(".")[0] === top).flatMap((i) => i.names),
    );
    const own = ownSymbols(top, names);
    if (own.length < 2) continue;
    const copies = spec
      .filter(
        (r) =>
          r.kind === "copy" &&
          r.present === false &&
          typeof r.copied === "string" &&
          stemOf(r.copied) === top.toLowerCase(),
      )
      .map((r) => `${String(r.file)}:${String(r.line)} copies ${String(r.copied)}, which is not in the repo`);
    const signs = [
      ...copies,
      ...missingFolderSigns(
        view,
        files.map((f) => f.path),
        top,
      ),
      ...readmeSigns(view, top),
    ];
    if (signs.length)
      out.set(top, {
        ownSymbols: own.slice(0, 6).join(", ") + (own.length > 6 ? ` and ${own.length - 6} more` : ""),
        localBy: signs.join("; "),
      });
  }
  return out;
}
