// The shipped rules parsed at build time (scripts/build-rules.mjs writes dist/built-rules.json): a start-up
// reads one JSON file instead of loading a YAML parser; used only when every rule text is the one built from.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { packagePath } from "../io/package.js";

export interface RuleText {
  /** The file's name in rules/, e.g. "requirements-pinned.yaml". */
  name: string;
  text: string;
}

export function builtRulesPath(): string {
  return packagePath("dist", "built-rules.json");
}

/** Pure: the hash of a folder's rule files, the same as the build script's (every name and text, in name order). */
export function rulesHash(files: readonly RuleText[]): string {
  const hash = createHash("sha256");
  for (const { name, text } of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    hash.update(`${name}\0${text}\0`);
  return hash.digest("hex");
}

/** Each file's parsed document, by name, when the build parsed exactly these texts; else null (parse them). */
export function builtRuleDocs(files: readonly RuleText[], path = builtRulesPath()): Map<string, unknown> | null {
  let built: { sha256?: unknown; docs?: Record<string, unknown> };
  try {
    built = JSON.parse(readFileSync(path, "utf8")) as typeof built;
  } catch {
    return null;
  }
  if (built.sha256 !== rulesHash(files) || !built.docs) return null;
  return new Map(Object.entries(built.docs));
}
