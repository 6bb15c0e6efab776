#!/usr/bin/env node
// Compiles every JSON Schema in schemas/ (but vendor/) into standalone validator code under dist/validators/,
// so a run loads a validator instead of compiling one; each file names the hash of the schema it came from.
// Usage: node scripts/build-validators.mjs [out-folder]   (default dist/validators; `npm run build` runs it)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));
const Ajv = require("ajv").default;
const standaloneCode = require("ajv/dist/standalone").default;

/** The file a schema's validator is written to: "facts/imports.json" -> "facts+imports.cjs". */
export function validatorFileName(schema) {
  return `${schema.replace(/\.json$/, "").replaceAll("/", "+")}.cjs`;
}

export function schemaHash(text) {
  return createHash("sha256").update(text).digest("hex");
}

/** Every schema name relative to schemas/, sorted; vendor/ holds others' schemas that no run validates against. */
export function schemaNames(dir = join(ROOT, "schemas")) {
  const names = [];
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory() && rel !== "vendor") walk(rel);
      else if (entry.isFile() && entry.name.endsWith(".json")) names.push(rel);
    }
  };
  walk("");
  return names.sort();
}

/** One schema's validator as CommonJS source, the same options the run-time compile uses (src/io/schema.ts). */
export function validatorSource(text) {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const validate = ajv.compile(JSON.parse(text));
  return `${standaloneCode(ajv, validate)}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaHash(text))};\n`;
}

export function buildValidators(outDir = join(ROOT, "dist", "validators")) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const names = schemaNames();
  for (const name of names)
    writeFileSync(
      join(outDir, validatorFileName(name)),
      validatorSource(readFileSync(join(ROOT, "schemas", name), "utf8")),
    );
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, "dist", "validators"));
  const names = buildValidators(out);
  console.log(`${names.length} validators written to ${relative(process.cwd(), out) || "."}`);
}
