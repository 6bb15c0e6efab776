#!/usr/bin/env node
// Parses the shipped rules (rules/*.yaml) into dist/built-rules.json, so a run reads one JSON file instead of
// loading a YAML parser and parsing each rule; the file names the hash of the rule texts it came from.
// Usage: node scripts/build-rules.mjs [out-file]   (default dist/built-rules.json; `npm run build` runs it)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const yaml = createRequire(join(ROOT, "package.json"))("js-yaml");

/** The same hash as src/evaluate/built-rules.ts: every file's name and text, in name order. */
export function rulesHash(files) {
  const hash = createHash("sha256");
  for (const { name, text } of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    hash.update(`${name}\0${text}\0`);
  return hash.digest("hex");
}

export function buildRules(outFile = join(ROOT, "dist", "built-rules.json"), dir = join(ROOT, "rules")) {
  const names = readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  // The options src/evaluate/load-rules.ts parses with; a document that fails is left to the run to report.
  const docs = {};
  for (const { name, text } of files) {
    try {
      docs[name] = yaml.load(text, { schema: yaml.JSON_SCHEMA });
    } catch {
      return null;
    }
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ sha256: rulesHash(files), docs })}\n`);
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, "dist", "built-rules.json"));
  const names = buildRules(out);
  console.log(
    names
      ? `${names.length} rules written to ${relative(process.cwd(), out) || "."}`
      : "a rule file is not valid YAML: no rules built (the run reports it)",
  );
}
