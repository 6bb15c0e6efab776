// The package's own files (rules/, schemas/, data/, package.json, the Python hook), found from src/, dist/src/ or the Action's bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Action's bundle (scripts/build-action-bundle.mjs) lies in this folder at the package's root. */
export const ACTION_BUNDLE_DIR = "action-dist";

function findPackageRoot(): string {
  const here = fileURLToPath(import.meta.url);
  const bundle = `/${ACTION_BUNDLE_DIR}/`;
  if (here.includes(bundle)) return here.slice(0, here.lastIndexOf(bundle));
  return here.includes("/dist/") ? here.slice(0, here.lastIndexOf("/dist/")) : here.slice(0, here.lastIndexOf("/src/"));
}

export const PACKAGE_ROOT = findPackageRoot();

/** Absolute path of a file shipped with the package, e.g. packagePath("schemas", "rule.schema.json"). */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

export const TOOL_VERSION: string = (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;

const dataCache = new Map<string, unknown>();

/** Parsed JSON of a file shipped with the package (e.g. "schemas", "facts", "imports.json"), read once per process. */
export function readDataJsonAt<T>(...parts: string[]): T {
  const path = packagePath(...parts);
  if (!dataCache.has(path)) dataCache.set(path, JSON.parse(readFileSync(path, "utf8")));
  return dataCache.get(path) as T;
}

/** Parsed JSON of data/<name>, read once per process. */
export function readDataJson<T>(name: string): T {
  return readDataJsonAt<T>("data", name);
}
