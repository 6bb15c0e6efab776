// The folders a project's own spec puts on the import path once the project is installed: Poetry's
// `packages = [{include = "pkg", from = "src"}]`, setuptools' `[tool.setuptools.packages.find] where` and
// `package-dir`, setup.py's `package_dir={"": "src"}` and `find_packages("src")`, setup.cfg's `package_dir = =src`,
// Hatch's `packages = ["src/pkg"]`, PDM's `package-dir`. An editable install (what `poetry install` and `uv sync`
// do) adds those folders themselves to sys.path, so every package in them imports from any script.
import { parse as parseToml } from "smol-toml";
import type { RepoView } from "../../model/repo-view.js";
import { repoPathFrom } from "../shell/pip-installs.js";

/** The spec files of one project folder, in the order the build tools read them. */
const SPEC_FILES = ["pyproject.toml", "setup.py", "setup.cfg"] as const;

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
const parentOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

type Table = Record<string, unknown>;
const tableOf = (value: unknown): Table =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Table) : {};
const at = (table: Table, ...keys: string[]): unknown => keys.reduce<unknown>((t, k) => tableOf(t)[k], table);
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

function parsed(text: string): Table | null {
  try {
    return parseToml(text) as Table;
  } catch {
    return null;
  }
}

/** A pyproject.toml that builds a package of the project: a [project] or [tool.poetry] table, not switched off
 * (`package-mode = false`, uv's `package = false`, PDM's `distribution = false`); a tool's settings alone are none. */
function buildsPackage(toml: Table): boolean {
  if (at(toml, "tool", "poetry", "package-mode") === false) return false;
  if (at(toml, "tool", "uv", "package") === false || at(toml, "tool", "pdm", "distribution") === false) return false;
  return at(toml, "project") !== undefined || at(toml, "tool", "poetry") !== undefined;
}

/** The source folders (relative to the project) a pyproject.toml names. */
function pyprojectFolders(toml: Table): string[] {
  const out: string[] = [];
  for (const entry of Array.isArray(at(toml, "tool", "poetry", "packages"))
    ? (at(toml, "tool", "poetry", "packages") as unknown[])
    : [])
    out.push(...strings(tableOf(entry)["from"]));
  out.push(...strings(at(toml, "tool", "setuptools", "packages", "find", "where")));
  out.push(...strings(tableOf(at(toml, "tool", "setuptools", "package-dir"))[""]));
  // Hatch names each package by its path: `src/pkg` is imported from src/.
  for (const path of strings(at(toml, "tool", "hatch", "build", "targets", "wheel", "packages")))
    out.push(parentOf(path.replace(/\/+$/, "")));
  out.push(...strings(at(toml, "tool", "pdm", "build", "package-dir")));
  return out;
}

/** The source folders setup.py names: `package_dir={"": "src"}`, `find_packages("src")`, `find_packages(where="src")`. */
function setupPyFolders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bpackage_dir\s*=\s*\{\s*(["'])\1\s*:\s*["']([^"']+)["']/g)) out.push(m[2]!);
  for (const m of text.matchAll(/\bfind_(?:namespace_)?packages\s*\(\s*(?:where\s*=\s*)?["']([^"']+)["']/g))
    out.push(m[1]!);
  return out;
}

/** The source folders setup.cfg names: `package_dir = =src`, `[options.packages.find] where = src`. */
function setupCfgFolders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*package_dir\s*=\s*(?:\r?\n\s+)?=\s*(\S+)/gm)) out.push(m[1]!);
  const find = /^\[options\.packages\.find\][^[]*?^\s*where\s*=\s*(\S+)/ms.exec(text);
  if (find) out.push(find[1]!);
  return out;
}

export interface ProjectSpec {
  /** The spec file that makes the folder a project: "lib/pyproject.toml". */
  file: string;
  /** The project's folder ("" for the root). */
  folder: string;
  /** The folders installing it puts on the import path, the project's own first ("lib", "lib/src"). */
  roots: string[];
}

/** The project a folder's spec makes, or null where the folder has no spec that builds a package. */
export function projectSpecAt(view: RepoView, folder: string): ProjectSpec | null {
  for (const name of SPEC_FILES) {
    const file = join(folder, name);
    const text = view.has(file) ? view.read(file) : null;
    if (text === null) continue;
    let declared: string[];
    if (name === "pyproject.toml") {
      const toml = parsed(text);
      if (toml === null || !buildsPackage(toml)) continue;
      declared = pyprojectFolders(toml);
    } else declared = name === "setup.py" ? setupPyFolders(text) : setupCfgFolders(text);
    const roots = [folder, ...declared.flatMap((d) => repoPathFrom(folder, d) ?? [])];
    return { file, folder, roots: [...new Set(roots)].filter((r) => r === folder || view.isDir(r)) };
  }
  return null;
}

/** The folder of the pyproject.toml a tool run from `cwd` reads: Poetry, uv and PDM take the nearest at or above it. */
export function pyprojectFolderAbove(view: RepoView, cwd: string): string | null {
  for (let folder: string | null = cwd === "." ? "" : cwd; folder !== null;) {
    if (view.has(join(folder, "pyproject.toml"))) return folder;
    folder = folder === "" ? null : parentOf(folder);
  }
  return null;
}

/** The project a tool run from `cwd` installs: that of the nearest pyproject.toml, if it builds a package. */
export function projectSpecAbove(view: RepoView, cwd: string): ProjectSpec | null {
  const folder = pyprojectFolderAbove(view, cwd);
  const spec = folder === null ? null : projectSpecAt(view, folder);
  return spec?.file.endsWith("pyproject.toml") ? spec : null;
}

/** Every project of the repo that builds a package, by the folder of its spec. */
export function projectSpecs(view: RepoView): ProjectSpec[] {
  const folders = new Set<string>();
  for (const entry of view.files()) {
    const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
    if (!entry.skipped && (SPEC_FILES as readonly string[]).includes(name)) folders.add(parentOf(entry.path));
  }
  return [...folders].sort().flatMap((f) => projectSpecAt(view, f) ?? []);
}
