// Third-party trees copied into a repo (a yolov5 checkout per fold, timm beside the training script):
// found once, reported once, and kept out of what the audit judges as the solution's own code.
//
// A folder below the root is a copy when it is a well-known library's package or project folder
// (data/vendored-libraries.json), a committed environment (site-packages, a virtualenv), or a project of
// its own (a LICENSE beside a setup.py, pyproject.toml or requirements file) whose copyright holder is not
// the repo's: a team's own library, licensed like the repo itself, stays the solution's code.
import { readDataJson } from "../../io/package.js";
import type { InventoryEntry, PythonSource, RepoView } from "../../model/repo-view.js";

export interface VendoredCopy {
  /** The copy's folder, from the repo root. */
  root: string;
  /** The library it is a copy of (or the folder's own name). */
  name: string;
  why: "known-package" | "known-project" | "environment" | "own-license" | "fork";
  /** Files under the folder. */
  files: number;
}

interface LibraryTable {
  packages: Record<string, string>;
  projects: Record<string, string>;
}

/** The one list of folders that hold an installed environment, never the solution's code. */
const ENVIRONMENT = new Set(["site-packages", "node_modules", ".venv", "venv", "virtualenv", ".tox", "dist-packages"]);

/** Is the path inside a committed environment (a virtualenv, site-packages, node_modules)? */
export function inEnvironmentFolder(path: string): boolean {
  return path
    .split("/")
    .slice(0, -1)
    .some((folder) => ENVIRONMENT.has(folder));
}
const LICENSE = /^(?:licen[cs]e|copying)(?:\.(?:md|txt|rst))?$/i;
const PROJECT_FILE = /^(?:setup\.py|setup\.cfg|pyproject\.toml|requirements[\w.-]*\.txt)$/i;
/** In a fork (the root's setup.py names a known library), the library's own top folders besides its package. */
const FORK_FOLDERS =
  /^(?:docs?(?:[_-][\w-]+)?|tests?|\.dev|\.github|\.circleci|demo|resources|requirements|tools|configs)$/i;

/** The distribution the root's setup.py, setup.cfg or pyproject.toml names, lower case; null when none. */
function rootProjectName(view: RepoView): string | null {
  const setup = /\bname\s*=\s*['"]([\w.-]+)['"]/.exec(view.read("setup.py") ?? "")?.[1];
  const cfg = /^\s*name\s*=\s*([\w.-]+)/m.exec(view.read("setup.cfg") ?? "")?.[1];
  const toml = /^\s*name\s*=\s*["']([\w.-]+)["']/m.exec(view.read("pyproject.toml") ?? "")?.[1];
  return (setup ?? cfg ?? toml ?? null)?.toLowerCase() ?? null;
}

/** "yolov5-5.0" -> "yolov5", "pretrained-models.pytorch-master" -> "pretrained-models.pytorch". */
export function projectName(folder: string): string {
  return folder.toLowerCase().replace(/[-_](?:master|main|dev|develop|v?\d+(?:\.\d+)*)$/, "");
}

/** The copyright holder a LICENSE names ("Copyright (c) 2020 Preferred Networks, Inc." -> "preferred networks inc"). */
export function licenseHolder(text: string): string | null {
  const m = /copyright\s+(?:\(c\)|©)?\s*(?:[\d,\s-]+)?\s*(?:by\s+)?([^\n]+)/i.exec(text.slice(0, 4000));
  if (!m) return null;
  const holder = m[1]!
    .replace(/all rights reserved.*$/i, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return holder === "" || holder.startsWith("year") || holder.startsWith("yyyy") ? null : holder;
}

/** Every copy in the view, outermost first; a copy inside a copy is part of it. */
export function findVendored(view: RepoView): VendoredCopy[] {
  const table = readDataJson<LibraryTable>("vendored-libraries.json");
  const folders = new Map<string, { names: Set<string>; files: number; python: boolean }>();
  const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
  for (const entry of view.files()) {
    const dir = folderOf(entry.path);
    const slot = folders.get(dir) ?? { names: new Set<string>(), files: 0, python: false };
    slot.names.add(entry.path.slice(dir.length ? dir.length + 1 : 0));
    folders.set(dir, slot);
    // Count files and Python code in every ancestor folder.
    for (let d = dir; ; d = folderOf(d)) {
      const up = folders.get(d) ?? { names: new Set<string>(), files: 0, python: false };
      up.files++;
      if (entry.kind === "python" || entry.kind === "notebook") up.python = true;
      folders.set(d, up);
      if (d === "") break;
    }
  }
  const rootLicense = [...(folders.get("")?.names ?? [])].find((n) => LICENSE.test(n));
  const rootHolder = rootLicense ? licenseHolder(view.read(rootLicense) ?? "") : null;
  const copies: VendoredCopy[] = [];
  // A fork of a known library at the root: its scaffolding folders are the library's, not the solution's.
  const rootName = rootProjectName(view);
  const forkOf = rootName
    ? Object.values(table.projects)
        .concat(Object.values(table.packages))
        .find((n) => n.toLowerCase() === rootName)
    : undefined;
  if (forkOf) {
    for (const dir of [...folders.keys()].filter((d) => d !== "" && !d.includes("/") && FORK_FOLDERS.test(d)).sort()) {
      copies.push({ root: dir, name: forkOf, why: "fork", files: folders.get(dir)!.files });
    }
  }
  for (const dir of [...folders.keys()].sort()) {
    if (dir === "" || copies.some((c) => dir.startsWith(`${c.root}/`))) continue;
    const slot = folders.get(dir)!;
    const base = dir.slice(dir.lastIndexOf("/") + 1);
    const add = (name: string, why: VendoredCopy["why"]) => copies.push({ root: dir, name, why, files: slot.files });
    if (ENVIRONMENT.has(base)) {
      add(base, "environment");
      continue;
    }
    if (!slot.python) continue;
    const pkg = Object.hasOwn(table.packages, base) ? table.packages[base] : undefined;
    if (pkg && slot.names.has("__init__.py")) {
      add(pkg, "known-package");
      continue;
    }
    const project = projectName(base);
    const lookup = (w: string) => (Object.hasOwn(table.projects, w) ? table.projects[w] : undefined);
    const known =
      lookup(project) ??
      project
        .split(/[-_.\s]+/)
        .map(lookup)
        .find(Boolean);
    if (known) {
      add(known, "known-project");
      continue;
    }
    const license = [...slot.names].find((n) => LICENSE.test(n));
    if (license && [...slot.names].some((n) => PROJECT_FILE.test(n))) {
      const holder = licenseHolder(view.read(`${dir}/${license}`) ?? "");
      if (holder === null || rootHolder === null || holder !== rootHolder) add(project, "own-license");
    }
  }
  return copies.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}

const underlying = new WeakMap<RepoView, RepoView>();
const copiesOf = new WeakMap<RepoView, VendoredCopy[]>();

/** The copies found for a view made by ownCodeView; found now for any other view. */
export function vendoredCopies(view: RepoView): VendoredCopy[] {
  return copiesOf.get(view) ?? findVendored(view);
}

/** The view ownCodeView wrapped (the view itself for any other). */
export function wholeView(view: RepoView): RepoView {
  return underlying.get(view) ?? view;
}

/** Is the path inside one of the copies? */
export function inCopy(copies: readonly VendoredCopy[], path: string): boolean {
  return copies.some((c) => path.startsWith(`${c.root}/`));
}

/**
 * The view the extractors judge: files and Python sources outside the copies. Reads, `has` and `isDir`
 * still see the whole tree, so a README naming a file inside a copy, or code reading data shipped in it,
 * finds it there.
 */
export function ownCodeView(view: RepoView): RepoView {
  const copies = findVendored(view);
  if (copies.length === 0) return view;
  const own: InventoryEntry[] = view.files().filter((e) => !inCopy(copies, e.path));
  const wrapped: RepoView = {
    files: () => own,
    has: (path) => view.has(path),
    read: (path) => view.read(path),
    isDir: (path) => view.isDir(path),
    *python(): Iterable<PythonSource> {
      for (const source of view.python()) if (!inCopy(copies, source.path)) yield source;
    },
  };
  underlying.set(wrapped, view);
  copiesOf.set(wrapped, copies);
  return wrapped;
}
