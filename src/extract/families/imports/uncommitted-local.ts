// A top-level import that is the repo's own code left uncommitted, not a package to install: the code takes
// several project-specific names from it, and something says it was a local folder (a Dockerfile copies a
// missing folder of that stem, the code puts a missing folder of it on sys.path, the README calls it the
// authors'). Its PyPI namesake (`fire`) is then a coincidence.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import type { PythonSource, RepoView } from "../../../model/repo-view.js";
import { isReadmePath } from "../../view/file-roles.js";
import { distributionOf, isGenericOwnName, isKnownDistribution } from "../../python/packages.js";
import { outsideSysPathEntries } from "./outside-sys-path.js";

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

const KAGGLE_INPUT = /^(?:\.\.\/)+input\/|^\/kaggle\/input\//;

function missingFolderSigns(view: RepoView, files: readonly string[], top: string): string[] {
  const signs: string[] = [];
  for (const path of files) {
    const text = view.read(path);
    if (text === null || !text.includes("sys.path")) continue;
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    for (const m of text.matchAll(/sys\.path\.(?:insert\(\s*\d+\s*,|append\()\s*r?['"]([^'"]+)['"]\s*\)/g)) {
      // A Kaggle kernel's `../input/<dataset>/` is an attached dataset (often a copy of a PyPI package), not
      // the authors' folder left out.
      if (KAGGLE_INPUT.test(m[1]!)) continue;
      const folder = posix.normalize(posix.join(dir, m[1]!)).replace(/^\.\/?|\/$/g, "");
      if (stemOf(folder) !== top.toLowerCase() || folder.startsWith("..") || folder.startsWith("/")) continue;
      if (view.files().some((e) => e.path.startsWith(`${folder}/`))) continue;
      const line = text.slice(0, m.index).split("\n").length;
      signs.push(`${path}:${line} puts ${m[1]} on sys.path, which is not in the repo`);
    }
  }
  return signs;
}

/** Whether the repo holds a module, extension or package of that name in any folder (`utils.py`, `utils.pyx`,
 * `src/utils/`). */
function committedAnywhere(view: RepoView, top: string): boolean {
  const name = top.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const held = new RegExp(`(?:^|/)${name}(?:/|\\.[\\w.-]+$)`);
  return view.files().some((e) => held.test(e.path));
}

const FETCHES =
  /\bgit\s+clone\b|\bwget\b|\bcurl\b|\bgdown\b|\bunzip\b|\bkaggle\s+datasets\s+download\b|\bsnapshot_download\b/;

/** The files importing `top` that first put a folder outside the repo on sys.path (one no documented step
 * clones into): the import then reads whatever that machine's folder held. */
/** Whether a file's text (a notebook's code with its `!` lines) extends sys.path or fetches code, either of which
 * may bring a module the repo lacks. */
function mayBringModules(text: string): boolean {
  return text.includes("sys.path") || FETCHES.test(text);
}

/** A file's text as code: a notebook's flattened cells with its shell lines, any other file as read. */
function codeText(view: RepoView): (path: string) => string {
  let notebooks: Map<string, PythonSource> | null = null;
  return (path) => {
    if (!path.endsWith(".ipynb")) return view.read(path) ?? "";
    notebooks ??= new Map([...view.python()].map((p) => [p.path, p]));
    const source = notebooks.get(path);
    return source ? [source.text, ...(source.shell ?? []).map((l) => l.text)].join("\n") : "";
  };
}

function outsideFolderSigns(view: RepoView, importers: readonly string[], cloned: ReadonlySet<string>): string[] {
  const signs: string[] = [];
  const notebooks = importers.some((p) => p.endsWith(".ipynb"))
    ? new Map([...view.python()].map((p) => [p.path, p]))
    : new Map<string, PythonSource>();
  for (const path of importers) {
    // A notebook is read as its flattened code, with its `!` shell lines.
    const source = notebooks.get(path);
    const text = source ? [source.text, ...(source.shell ?? []).map((l) => l.text)].join("\n") : view.read(path);
    if (text === null) continue;
    // A file that fetches code itself (a notebook's `!git clone`, a download) may fill the folder; a Kaggle
    // kernel's /kaggle/ folders are the platform's attached datasets, whose source the kernel names.
    if (FETCHES.test(text)) continue;
    const entries = outsideSysPathEntries(view, path, text).filter((e) => !e.folder.startsWith("/kaggle/"));
    // A file that also reaches a folder a step clones may take the module from there.
    const isCloned = (folder: string) => [...cloned].some((c) => folder === c || folder.startsWith(`${c}/`));
    if (entries.some((e) => isCloned(e.folder.replace(/\/+$/, "")))) continue;
    for (const e of entries) {
      const literal = /^[rRuU]?(['"])(.*)\1$/.exec(e.written)?.[2] === e.folder;
      const written = /^[fF](['"])\{([\w.]+)\}\1$/.exec(e.written)?.[2] ?? e.written;
      const named = literal ? e.folder : `${written} (${e.folder})`;
      signs.push(`${path}:${e.line} puts ${named} on sys.path, a folder outside the repo that no step makes`);
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
  cloned: ReadonlySet<string> = new Set(),
): Map<string, UncommittedLocal> {
  const out = new Map<string, UncommittedLocal>();
  const textOf = codeText(view);
  for (const top of tops) {
    const imports = files.flatMap((f) =>
      f.imports.filter((i) => i.level === 0 && i.module.split(".")[0] === top).map((i) => ({ file: f.path, ...i })),
    );
    const own = ownSymbols(
      top,
      imports.flatMap((i) => i.names),
    );
    // A folder outside the repo on sys.path says less about which import it serves: the name must be one no
    // stranger installs (`src`, `models`), or one no package table knows that the code takes its own names from.
    const generic = isGenericOwnName(top);
    const outside =
      generic || (own.length > 0 && !isKnownDistribution(distributionOf(top)))
        ? outsideFolderSigns(view, [...new Set(imports.map((i) => i.file))], cloned)
        : [];
    // A name projects give their own module (`from utils import *`) that the repo commits nowhere.
    // Not where an importer extends sys.path or fetches code: the module may come from that folder or download.
    const importers = [...new Set(imports.map((i) => i.file))];
    const absent =
      generic && !committedAnywhere(view, top) && !importers.some((p) => mayBringModules(textOf(p)))
        ? [`no ${top}.py nor ${top}/ is committed anywhere`]
        : [];
    if (own.length < 2 && outside.length === 0 && absent.length === 0) continue;
    if (own.length === 0) own.push(...new Set(imports.map((i) => i.module)));
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
      ...outside,
      ...absent,
    ];
    if (signs.length)
      out.set(top, {
        ownSymbols: own.slice(0, 6).join(", ") + (own.length > 6 ? ` and ${own.length - 6} more` : ""),
        localBy: signs.join("; "),
      });
  }
  return out;
}
