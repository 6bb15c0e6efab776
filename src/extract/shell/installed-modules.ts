// Whether `python -m <module>` runs an installed module (a launcher, pip, a server) rather than a module of
// the repo: its top name is nowhere in the repo, and the standard library, the import-name table or the
// launchers and tools people run with -m name it, or the repo's own requirements files and install lines install
// a package of that name (`python -m vllm.entrypoints.openai.api_server` beside `uv pip install vllm`).
import importNames from "../../../data/import-names.json" with { type: "json" };
import type { RepoView } from "../../model/repo-view.js";
import { isStdlib } from "../python/packages.js";
import { isRequirementsPath } from "../../model/file-kinds.js";
import { installCommands } from "../parse/installs.js";
import { normalizeName } from "../parse/pep508.js";
import { parseRequirementsText } from "../parse/requirements.js";

/** Modules run with -m that the import-name table (names of libraries imported in code) does not list. */
const TOOL_MODULES: ReadonlySet<string> = new Set([
  "uvicorn",
  "gunicorn",
  "streamlit",
  "jupyter",
  "notebook",
  "jupyterlab",
  "nbconvert",
  "ipykernel",
  "papermill",
  "black",
  "flake8",
  "isort",
  "mypy",
  "pylint",
  "twine",
  "build",
  "pipx",
  "poetry",
  "pre_commit",
  "horovod",
  "huggingface_hub",
  "onnxruntime",
  "tf2onnx",
  "coverage",
]);
const IMPORTS: ReadonlySet<string> = new Set(Object.keys(importNames.imports));

/** Whether `module` (`torch.distributed.launch`) is an installed one, not the repo's. */
export function isInstalledModule(module: string, view: RepoView): boolean {
  const top = module.split(".")[0]!;
  return (
    !topNames(view).has(top) &&
    (isStdlib(top) || IMPORTS.has(top) || TOOL_MODULES.has(top) || installedNames(view).has(normalizeName(top)))
  );
}

const installedOf = new WeakMap<RepoView, Set<string>>();
/** Files larger than this are not read for package names. */
const MAX_SPEC_BYTES = 512 * 1024;

/** The packages the repo's requirements files and shell scripts' pip installs name, normalised. */
function installedNames(view: RepoView): Set<string> {
  let names = installedOf.get(view);
  if (names) return names;
  names = new Set<string>();
  const add = (file: string, text: string) => {
    for (const r of parseRequirementsText(file, text).records)
      if (r.kind === "package" && typeof r.name === "string") names!.add(normalizeName(r.name));
  };
  for (const f of view.files()) {
    if (f.skipped || f.size > MAX_SPEC_BYTES) continue;
    const shell = /\.(?:sh|bash)$/.test(f.path);
    if (!shell && !isRequirementsPath(f.path)) continue;
    const text = view.read(f.path);
    if (text === null) continue;
    if (!shell) add(f.path, text);
    else
      for (const line of text.replace(/\\\r?\n/g, " ").split(/\r?\n/))
        for (const c of installCommands(line)) if (c.tool === "pip") add(f.path, c.lines.join("\n"));
  }
  installedOf.set(view, names);
  return names;
}

const topNamesOf = new WeakMap<RepoView, Set<string>>();

/** The names a module's top may take in the repo: every folder's name and every Python file's name without `.py`. */
function topNames(view: RepoView): Set<string> {
  let names = topNamesOf.get(view);
  if (names) return names;
  names = new Set<string>();
  for (const f of view.files()) {
    const parts = f.path.split("/");
    const base = parts.pop()!;
    for (const folder of parts) names.add(folder);
    if (base.endsWith(".py")) names.add(base.slice(0, -3));
  }
  topNamesOf.set(view, names);
  return names;
}
