// The one JSON Schema validator: schemas/<name> built once (at build time, else on first use), ajv errors as
// "<pointer>: <problem>" lines.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type AjvClass from "ajv";
import { builtValidator } from "./built-validators.js";
import { packagePath } from "./package.js";

// ajv ships CommonJS whose default export NodeNext typing cannot construct; take the class directly. Loaded
// on first use: a start-up that validates nothing (--help, a static text audit) never pays for it.
let AjvLoaded: typeof AjvClass.default | undefined;
const ajvClass = () => (AjvLoaded ??= createRequire(import.meta.url)("ajv").default as typeof AjvClass.default);

const compiled = new Map<string, ValidateFunction>();

/** Absolute path of a file in the package's schemas/ folder. */
export function schemaPath(name: string): string {
  return packagePath("schemas", name);
}

/** The compiled validator of schemas/<name> (e.g. "rule.schema.json", "facts/imports.json"). */
function validatorFor(name: string): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const text = readFileSync(schemaPath(name), "utf8");
  const validate = builtValidator(name, text) ?? compileSchema(text);
  compiled.set(name, validate);
  return validate;
}

/** ajv at run time, with the options scripts/build-validators.mjs builds with. */
export function compileSchema(text: string): ValidateFunction {
  const Ajv = ajvClass();
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(text) as object);
}

function describe(error: ErrorObject): string {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${at}/${String(params.missingProperty)}: is missing`;
    case "additionalProperties":
      return `${at || "/"}: unknown property '${String(params.additionalProperty)}'`;
    case "enum":
      return `${at || "/"}: must be one of ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
    default:
      return `${at || "/"}: ${error.message ?? "is invalid"}`;
  }
}

/** Each problem once, deepest pointers first (a oneOf's summary says less than its branches). */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  // "if/then" adds a summary error beside the specific one; the specific one says it all.
  const lines = [...new Set((errors ?? []).filter((e) => e.keyword !== "if").map(describe))];
  return lines.sort((a, b) => b.split("/").length - a.split("/").length);
}

/** Validate `data` against schemas/<name>; the problems, empty when valid. */
export function schemaProblems(name: string, data: unknown): string[] {
  const validate = validatorFor(name);
  return validate(data) ? [] : describeErrors(validate.errors);
}
