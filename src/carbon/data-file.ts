// Locate the package's own files (data/*.json, the Python hook) from src/ under vitest or dist/src/ when built.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this module holding package.json and data/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("repro-audit package root not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

const cache = new Map<string, unknown>();

/** Parsed JSON of data/<name>, read once per process. */
export function readDataJson<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(packageRoot(), "data", name), "utf8")));
  return cache.get(name) as T;
}
