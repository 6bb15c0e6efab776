// Validators compiled at build time (scripts/build-validators.mjs writes dist/validators/): loading one costs
// a file read, compiling one costs ajv's code generator; one built from another version of its schema is never used.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { packagePath } from "./package.js";

const requireFile = createRequire(import.meta.url);

/** Where the build writes the validator of schemas/<name>: "facts/imports.json" -> dist/validators/facts+imports.cjs. */
export function builtValidatorPath(name: string): string {
  return packagePath("dist", "validators", `${name.replace(/\.json$/, "").replaceAll("/", "+")}.cjs`);
}

function schemaHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The built validator of schemas/<name> when the build made one from exactly `schemaText`; else null. */
export function builtValidator(name: string, schemaText: string): ValidateFunction | null {
  const file = builtValidatorPath(name);
  if (!existsSync(file)) return null;
  const validate = requireFile(file) as ValidateFunction & { schemaSha256?: unknown };
  return validate.schemaSha256 === schemaHash(schemaText) ? validate : null;
}
