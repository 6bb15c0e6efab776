// What kind of file a path is, by its name alone.
import type { ConfigFormat, FileKind } from "./repo-view.js";

/** A README by its name, at any depth: `README`, `readme.md`, `README.rst`, `Readme.org`. The one place this is
 * said: the walk's file roles and the grading by the rerun plan both ask here. */
const README = /^readme(?:\.(?:md|markdown|rst|txt|org))?$/i;

/** Is this path a README (by name, at any depth)? */
export function isReadmePath(path: string): boolean {
  return README.test(path.slice(path.lastIndexOf("/") + 1));
}

const CONFIG_BY_EXTENSION: Record<string, ConfigFormat> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  toml: "toml",
  ini: "ini",
  cfg: "ini",
};

const BINARY_EXTENSIONS = new Set(
  "png jpg jpeg gif bmp tif tiff webp ico pdf zip gz tgz bz2 xz 7z tar npy npz pkl pickle pt pth ckpt h5 hdf5 onnx bin safetensors parquet feather dcm so dylib dll exe whl egg jar class pyc mp3 mp4 wav avi mov ttf woff woff2 db sqlite".split(" "),
);

export function classifyPath(path: string): { kind: FileKind; configFormat?: ConfigFormat } {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1) : "";
  if (ext === "py" || ext === "pyw") return { kind: "python" };
  if (ext === "ipynb") return { kind: "notebook" };
  const configFormat = CONFIG_BY_EXTENSION[ext];
  if (configFormat) return { kind: "config", configFormat };
  if (BINARY_EXTENSIONS.has(ext)) return { kind: "binary" };
  return { kind: "text" };
}
