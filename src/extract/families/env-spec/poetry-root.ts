// A Poetry project in package mode whose code Poetry cannot find: no `packages` key, and no folder or module of
// the project's name (`my-sol` -> my_sol/, my_sol.py, or either under src/). `poetry install` installs the
// dependencies, then fails installing the project itself ("No file/folder found for package"); `--no-root` or
// `package-mode = false` is the fix. Read only where a README command runs `poetry install` on that spec.
import { parse as parseToml } from "smol-toml";
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { repoInstallsOf } from "../../shell/pip-installs.js";
import { pyprojectFolderAbove } from "../../python/spec-roots.js";

type Table = Record<string, unknown>;
const tableOf = (value: unknown): Table =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Table) : {};

/** Poetry's module name for a project name: lower case, runs of `-_.` as one `_`. */
export const poetryModuleName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "_");

/** The module Poetry looks for and cannot find, with the line of the name; null when the project installs. */
export function missingPoetryRoot(
  text: string,
  exists: (path: string) => boolean,
): { name: string; module: string; line: number } | null {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch {
    return null;
  }
  const poetry = tableOf(tableOf(doc.tool).poetry);
  const project = tableOf(doc.project);
  const backend = tableOf(doc["build-system"])["build-backend"];
  const poetryBuilt =
    tableOf(doc.tool).poetry !== undefined || (typeof backend === "string" && /^poetry/.test(backend));
  if (!poetryBuilt || poetry["package-mode"] === false || poetry.packages !== undefined) return null;
  const name = typeof poetry.name === "string" ? poetry.name : typeof project.name === "string" ? project.name : null;
  if (name === null) return null;
  const module = poetryModuleName(name);
  if ([module, `${module}.py`, `src/${module}`, `src/${module}.py`].some(exists)) return null;
  const line = text.split(/\r?\n/).findIndex((l) => /^\s*name\s*=/.test(l)) + 1;
  return { name, module, line: line || 1 };
}

/** `poetry install` or `poetry sync` (whose `--no-root` repoInstallsOf leaves out). */
const POETRY_INSTALL = /(?:^|[\s;&|])poetry(?:\s+(?:-C|--directory)\s+\S+|\s+-\S+)*\s+(?:install|sync)\b/;

/** One record per pyproject.toml a README's `poetry install` (or `poetry sync`) installs the root of and cannot. */
export function poetryRootRecords(
  view: RepoView,
  commands: readonly { file: string; line: number; command: string; cwd: string }[],
): FactRecord[] {
  const out = new Map<string, FactRecord>();
  for (const c of commands) {
    if (!POETRY_INSTALL.test(c.command)) continue;
    for (const from of repoInstallsOf(c.command, c.cwd).projects) {
      const folder = pyprojectFolderAbove(view, from);
      const file = folder ? `${folder}/pyproject.toml` : "pyproject.toml";
      if (folder === null || out.has(file)) continue;
      const inFolder = (p: string) => (folder ? `${folder}/${p}` : p);
      const missing = missingPoetryRoot(view.read(file) ?? "", (p) => view.has(inFolder(p)) || view.isDir(inFolder(p)));
      if (missing)
        out.set(file, {
          kind: "poetry-root-missing",
          file,
          line: missing.line,
          name: missing.name,
          module: missing.module,
          installedBy: `${c.file}:${c.line}`,
        });
    }
  }
  return [...out.values()];
}
