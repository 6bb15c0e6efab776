// What kind of file a path is, by its name alone.
import type { ConfigFormat, FileKind, FileRole } from "./repo-view.js";

/** A README by its name, at any depth: `README`, `readme.md`, `README.rst`, `Readme.org`. The one place this is
 * said: the walk's file roles and the grading by the rerun plan both ask here. */
const README = /^readme(?:\.(?:md|markdown|rst|txt|org))?$/i;

/** Is this path a README (by name, at any depth)? */
export function isReadmePath(path: string): boolean {
  return README.test(path.slice(path.lastIndexOf("/") + 1));
}

/** The environment's files by name: the walk gives them their roles and the grading by the rerun plan counts
 * them as followed by every rerun, from these same patterns. */
const CONDA = /^(?:environment|conda|env)[\w.-]*\.ya?ml$/i;
const SHELL = /\.(?:sh|bash|zsh)$/i;
const MAKEFILE = /^(?:makefile|gnumakefile)$|\.mk$/i;
/** Specs the walk gives no role of their own (pip's .in and constraints, Poetry's lock, compose), and the audit's config. */
const OTHER_SPEC =
  /^(?:\.repro-audit\.ya?ml|requirements[^/]*\.in|constraints[^/]*\.txt|poetry\.lock|docker-compose[^/]*\.ya?ml)$/i;
/** Source code a step may run or import, besides shell scripts and makefiles. */
const SOURCE = /\.(?:py|pyw|ipynb|r|jl|lua|pl|rb|js|ts|c|cc|cpp|cu|h|hpp|m)$/i;

export const ROLE_BY_NAME: Readonly<Record<string, FileRole>> = {
  Pipfile: "pipfile",
  "Pipfile.lock": "pipfile",
  "pyproject.toml": "pyproject",
  "setup.py": "setup",
  "setup.cfg": "setup",
  ".python-version": "python-version",
  "runtime.txt": "python-version",
  "kernel-metadata.json": "kernel-metadata",
};

const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export const isCondaPath = (path: string): boolean => CONDA.test(nameOf(path));
export const isShellPath = (path: string): boolean => SHELL.test(nameOf(path));
export const isMakefilePath = (path: string): boolean => MAKEFILE.test(nameOf(path));

/** Paths that name requirements files: requirements*.txt anywhere, any .txt inside a requirements/ folder. */
export function isRequirementsPath(path: string): boolean {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf("/") + 1);
  if (/^requirements[^/]*\.txt$/.test(name)) return true;
  return /(^|\/)requirements\/[^/]+\.txt$/.test(lower);
}

export function isDockerfilePath(path: string): boolean {
  const name = nameOf(path);
  return (
    /^Dockerfile(\.[\w.-]+)?$/i.test(name) ||
    /\.Dockerfile$/i.test(name) ||
    /^Containerfile$/i.test(name) ||
    /\.docker$/i.test(name) ||
    /^Dockerfile[-_][\w.-]+$/i.test(name)
  );
}

/** An environment spec or what builds the environment: a stranger installs from it whatever the steps run. */
export function isEnvironmentSpecPath(path: string): boolean {
  const name = nameOf(path);
  const named = Object.keys(ROLE_BY_NAME).some((n) => n.toLowerCase() === name.toLowerCase());
  return named || isRequirementsPath(path) || isDockerfilePath(path) || CONDA.test(name) || OTHER_SPEC.test(name);
}

/** Code a step may run or import: sources, shell scripts, makefiles. */
export const isCodePath = (path: string): boolean =>
  SOURCE.test(nameOf(path)) || isShellPath(path) || isMakefilePath(path);

const CONFIG_BY_EXTENSION: Record<string, ConfigFormat> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  toml: "toml",
  ini: "ini",
  cfg: "ini",
};

const BINARY_EXTENSIONS = new Set(
  "png jpg jpeg gif bmp tif tiff webp ico pdf zip gz tgz bz2 xz 7z tar npy npz pkl pickle pt pth ckpt h5 hdf5 onnx bin safetensors parquet feather dcm so dylib dll exe whl egg jar class pyc mp3 mp4 wav avi mov ttf woff woff2 db sqlite".split(
    " ",
  ),
);

/** A config file by its extension (YAML, JSON, TOML, INI). */
export const isConfigPath = (path: string): boolean => Object.hasOwn(CONFIG_BY_EXTENSION, extensionOf(path));

const extensionOf = (path: string): string => {
  const name = nameOf(path).toLowerCase();
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? name.slice(dot + 1) : "";
};

export function classifyPath(path: string): { kind: FileKind; configFormat?: ConfigFormat } {
  const ext = extensionOf(path);
  if (ext === "py" || ext === "pyw") return { kind: "python" };
  if (ext === "ipynb") return { kind: "notebook" };
  const configFormat = CONFIG_BY_EXTENSION[ext];
  if (configFormat) return { kind: "config", configFormat };
  if (BINARY_EXTENSIONS.has(ext)) return { kind: "binary" };
  return { kind: "text" };
}
