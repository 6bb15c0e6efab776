// Distributions the repo declares or imports that need a system library nothing in the repo installs
// (data/system-libraries.json: jpeg4py needs libturbojpeg, openslide-python libopenslide). Pure apart from the table.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { readDataJson } from "../../../io/package.js";
import { instructions } from "../../parse/dockerfile.js";
import { imageInfo } from "../../parse/images.js";
import { roleOf } from "../../view/file-roles.js";

interface LibraryRow {
  distribution: string;
  library: string;
  provides: string;
  install: string;
  source: string;
  /** Only where the root Dockerfile is the environment: on any base (container), or on a base with no compiler (bare). */
  base?: "container" | "bare";
}

let rows: Array<LibraryRow & { re: RegExp }> | null = null;
const table = () =>
  (rows ??= readDataJson<{ rows: LibraryRow[] }>("system-libraries.json").rows.map((r) => ({
    ...r,
    re: new RegExp(r.provides, "i"),
  })));

/** A system package manager's install, its words after `install` up to the end of its shell command. */
const SYSTEM_INSTALL = /\b(?:apt(?:-get)?|yum|dnf|apk|brew|zypper)\s+(?:-\S+\s+)*(?:install|add)\b([^&;|]*)/g;
/** Files that list system packages one per line (Binder's apt.txt, Streamlit's packages.txt, Heroku's Aptfile). */
const PACKAGE_LISTS = /^(?:\.?binder\/)?(?:apt\.txt|packages\.txt|Aptfile)$/;

/** Every system package name the repo's Dockerfiles, README commands, shell scripts and package lists install. */
function systemInstalls(view: RepoView, readme: readonly FactRecord[]): string[] {
  const words: string[] = [];
  const add = (text: string) => {
    for (const m of text.matchAll(SYSTEM_INSTALL))
      for (const item of m[1]!.split(/\s+/).filter((w) => w && !w.startsWith("-"))) words.push(item);
  };
  for (const r of readme) if (r.kind === "command" && typeof r.command === "string") add(r.command);
  for (const entry of view.files()) {
    if (entry.skipped || entry.size > 1_000_000) continue;
    const role = roleOf(entry);
    if (PACKAGE_LISTS.test(entry.path))
      for (const item of (view.read(entry.path) ?? "").split(/\s+/).filter(Boolean)) words.push(item);
    else if (role === "dockerfile") for (const i of instructions(view.read(entry.path) ?? "")) add(i.text);
    else if (/\.(?:sh|bash)$/i.test(entry.path)) add(view.read(entry.path) ?? "");
  }
  return words;
}

/** A base that ships no compiler: debian, ubuntu, a slim, alpine or runtime image. */
const BARE = /^(?:[\w.-]+\/)*(?:debian|ubuntu)(?::|@|$)|^(?:[\w.-]+\/)*python:[^@]*-(?:slim|alpine)|-runtime\b/;

/** The base the root Dockerfile builds its last stage on, if there is one. */
function rootBase(view: RepoView): string | null {
  let last: string | null = null;
  for (const { text } of instructions(view.read("Dockerfile") ?? "")) {
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(text);
    if (from) last = from[1]!;
  }
  return last;
}

/** One `system-library` record per table distribution the repo declares (at its first declaration) or imports (at
 * its first import in a .py file), when no system install and no other declared package provides its library. */
export function missingSystemLibraries(
  view: RepoView,
  records: readonly FactRecord[],
  readme: readonly FactRecord[],
  importSites: ReadonlyMap<string, { file: string; line: number }>,
): FactRecord[] {
  const declared = records.filter((r) => (r.kind === "package" || r.kind === "install") && typeof r.name === "string");
  const base = rootBase(view);
  const applies = (row: LibraryRow) =>
    row.base === undefined || (base !== null && (row.base === "container" || BARE.test(base)));
  const needed = table().filter(
    (row) => applies(row) && (declared.some((r) => r.name === row.distribution) || importSites.has(row.distribution)),
  );
  if (needed.length === 0) return [];
  // The base image's own system packages count as installed (Kaggle's images install libGL for vtk).
  const system = [...systemInstalls(view, readme), ...(base === null ? [] : (imageInfo(base)?.system?.packages ?? []))];
  const out: FactRecord[] = [];
  for (const row of needed) {
    const others = declared.filter((r) => r.name !== row.distribution).map((r) => String(r.name));
    if ([...system, ...others].some((name) => row.re.test(name))) continue;
    const at = declared.find((r) => r.name === row.distribution) ?? importSites.get(row.distribution)!;
    out.push({
      kind: "system-library",
      file: String(at.file),
      line: Number(at.line),
      name: row.distribution,
      library: row.base ? `${row.library}, absent from ${base}` : row.library,
      install: row.install,
      source: row.source,
      // A line of a large freeze that no code imports needs its library only if something ever imports it.
      imported:
        importSites.has(row.distribution) || declared.some((r) => r.name === row.distribution && r.imported === true),
    });
  }
  return out;
}
