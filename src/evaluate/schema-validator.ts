// Compile a JSON Schema from schemas/ once and turn ajv errors into "file /pointer: problem" lines.
import { readFileSync } from "node:fs";
import { PACKAGE_ROOT } from "../package-root.js";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type AjvClass from "ajv";

// ajv ships CommonJS whose default export NodeNext typing cannot construct; take the class directly.
const Ajv = createRequire(import.meta.url)("ajv").default as typeof AjvClass.default;

const compiled = new Map<string, ValidateFunction>();

/** Absolute path of a file in the package's schemas/ folder. */
export function schemaPath(name: string): string {
  return `${PACKAGE_ROOT}/schemas/${name}`;
}

export function validatorFor(name: string): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(name), "utf8")));
  compiled.set(name, validate);
  return validate;
}

/** Each ajv error as "<pointer>: <message>", the pointer "/" for the document itself. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    const pointer = error.instancePath || "/";
    const detail =
      error.keyword === "additionalProperties"
        ? `unknown property '${(error.params as { additionalProperty: string }).additionalProperty}'`
        : error.keyword === "enum"
          ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`
          : (error.message ?? "is invalid");
    seen.add(`${pointer}: ${detail}`);
  }
  return [...seen];
}

/** Validate `data`; returns the problems ("<pointer>: <message>"), empty when valid. */
export function schemaProblems(name: string, data: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  // oneOf noise: keep the deepest, most specific messages first.
  return describeErrors(validate.errors).sort((a, b) => b.split("/").length - a.split("/").length);
}
