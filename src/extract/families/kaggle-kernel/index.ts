// Fact family `kaggle-kernel`: what the Kaggle CLI's kernel file (kernel-metadata.json) says of a notebook
// or script meant to run on Kaggle: its code file, the competitions, datasets and kernels mounted under
// /kaggle/input, and whether it asks for a GPU and the internet.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { roleOf } from "../../view/file-roles.js";

/** A Kaggle slug: the last part of `owner/name` (Kaggle mounts a source at /kaggle/input/<name>). */
const SOURCE = /^(?:[A-Za-z0-9][\w.-]*\/)?([A-Za-z0-9][\w.-]*)$/;
const SOURCES = [
  ["dataset_sources", "dataset-source"],
  ["competition_sources", "competition-source"],
  ["kernel_sources", "kernel-source"],
] as const;
const SETTINGS = [
  ["enable_gpu", "gpu"],
  ["enable_internet", "internet"],
] as const;

/** The 1-based line of the first `"key"` in the text, and of `"value"` after it when given. */
function lineOf(text: string, key: string, value?: string): number {
  const at = text.indexOf(JSON.stringify(key));
  if (at < 0) return 1;
  const valueAt = value === undefined ? -1 : text.indexOf(JSON.stringify(value), at);
  const end = valueAt >= 0 ? valueAt : at;
  return text.slice(0, end).split("\n").length;
}

/** A path inside the repo, from the metadata's folder; null when it climbs out or is absolute. */
function inRepo(folder: string, path: string): string | null {
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return null;
  const parts: string[] = folder === "" ? [] : folder.split("/");
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.pop() === undefined) return null;
    } else parts.push(part);
  }
  return parts.join("/");
}

export const extractor: Extractor = {
  id: "kaggle-kernel",
  reads: [],
  roles: ["kernel-metadata"],
  extract(ctx) {
    const records: FactRecord[] = [];
    for (const entry of ctx.view.files()) {
      if (entry.skipped || roleOf(entry) !== "kernel-metadata") continue;
      const text = ctx.view.read(entry.path);
      if (text === null) continue;
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        continue; // not the CLI's file: nothing it says can be read
      }
      if (typeof doc !== "object" || doc === null || Array.isArray(doc)) continue;
      const meta = doc as Record<string, unknown>;
      const file = entry.path;
      const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
      if (typeof meta.code_file === "string") {
        const path = inRepo(folder, meta.code_file);
        if (path !== null)
          records.push({
            file,
            line: lineOf(text, "code_file"),
            kind: "code-file",
            value: path,
            exists: ctx.view.has(path),
          });
      }
      for (const [key, kind] of SOURCES) {
        const list = meta[key];
        if (!Array.isArray(list)) continue;
        for (const source of list) {
          const slug = typeof source === "string" ? SOURCE.exec(source)?.[1] : undefined;
          if (slug !== undefined)
            records.push({ file, line: lineOf(text, key, source as string), kind, value: source as string, slug });
        }
      }
      for (const [key, kind] of SETTINGS) {
        if (typeof meta[key] === "boolean")
          records.push({ file, line: lineOf(text, key), kind, value: meta[key] as boolean });
      }
    }
    return records;
  },
};
