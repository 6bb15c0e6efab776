// Locate the package's own files (data/*.json, the Python hook) from src/ under vitest or dist/src/ when built.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** The package root (kept as a function for callers that read it lazily). */
export function packageRoot(): string {
  return PACKAGE_ROOT;
}

const cache = new Map<string, unknown>();

/** Parsed JSON of data/<name>, read once per process. */
export function readDataJson<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(packageRoot(), "data", name), "utf8")));
  return cache.get(name) as T;
}
