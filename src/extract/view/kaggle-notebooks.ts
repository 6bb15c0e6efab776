// Which notebooks are meant for Kaggle: a kernel-metadata.json in the notebook's folder or above names data
// sources, or the notebook's own metadata lists Kaggle data sources (a notebook downloaded from Kaggle).
// There /kaggle/input/<slug> (and ../input/<slug> from /kaggle/working) is where Kaggle mounts them. Pure.
import type { Facts } from "../../model/facts.js";

/** For a notebook's path: where it says it is meant for Kaggle ("file:line" of the kernel file, or the
 * notebook itself for its own metadata), or null. */
export function kaggleNotebooks(facts: Facts, read: (path: string) => string | null): (path: string) => string | null {
  const folders = new Map<string, string>();
  for (const r of facts.families["kaggle-kernel"] ?? []) {
    if (typeof r.file !== "string" || typeof r.kind !== "string" || !r.kind.endsWith("-source")) continue;
    const folder = r.file.includes("/") ? r.file.slice(0, r.file.lastIndexOf("/") + 1) : "";
    if (!folders.has(folder)) folders.set(folder, typeof r.line === "number" ? `${r.file}:${r.line}` : r.file);
  }
  return (path) => [...folders].find(([f]) => path.startsWith(f))?.[1] ?? (ownKaggleSources(read(path)) ? path : null);
}

function ownKaggleSources(text: string | null): boolean {
  if (text === null || !text.includes('"kaggle"')) return false;
  try {
    const sources = (JSON.parse(text) as { metadata?: { kaggle?: { dataSources?: unknown } } })?.metadata?.kaggle
      ?.dataSources;
    return Array.isArray(sources) && sources.length > 0;
  } catch {
    return false;
  }
}
