// The package's own files (rules/, schemas/, data/, package.json, the Python hook), found from src/, dist/src/ or the Action's bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Action's bundle (scripts/build-action-bundle.mjs) lies in this folder at the package's root. */
const ACTION_BUNDLE_DIR = "action-dist";

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

const PACKAGE_JSON = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as {
  version: string;
  repository?: string | { url?: string };
};

export const TOOL_VERSION: string = PACKAGE_JSON.version;

/** A package.json repository (git+https, ssh, scp-like, "github:owner/name") as its web address; null when none. */
export function repositoryWebUrl(url: string | undefined): string | null {
  if (!url) return null;
  const shorthand = /^github:([^/\s]+\/[^/\s]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const scp = /^[^/@:\s]+@([^/:\s]+):(.+)$/.exec(url);
  const text = scp
    ? `https://${scp[1]}/${scp[2]}`
    : url.replace(/^git\+/, "").replace(/^(ssh|git):\/\/(?:[^@/]+@)?/, "https://");
  return text.replace(/\.git$/, "").replace(/\/+$/, "");
}

/** Where this package's sources live, from package.json's repository (rule pages are linked under it). */
export const REPOSITORY_URL: string | null = repositoryWebUrl(
  typeof PACKAGE_JSON.repository === "string" ? PACKAGE_JSON.repository : PACKAGE_JSON.repository?.url,
);

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
