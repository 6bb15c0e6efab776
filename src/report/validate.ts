// Check a report against schemas/report.schema.json before it is written; every problem with its JSON pointer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { AuditError } from "../model/errors.js";
import { PACKAGE_ROOT } from "../package-root.js";

const SCHEMA_FILE = "report.schema.json";

export function reportSchemaPath(): string {
  return join(PACKAGE_ROOT, "schemas", SCHEMA_FILE);
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    compiled = ajv.compile(JSON.parse(readFileSync(reportSchemaPath(), "utf8")) as object);
  }
  return compiled;
}

/** One ajv error as "<pointer>: <problem>"; a missing property is named in the pointer itself. */
function describe(error: ErrorObject): string {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${at}/${String(params.missingProperty)}: is missing`;
    case "additionalProperties":
      return `${at}/${String(params.additionalProperty)}: is not a known property`;
    case "enum":
      return `${at || "/"}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${at || "/"}: ${error.message ?? "is invalid"}`;
  }
}

/** The problems with `report`, each "<JSON pointer>: <what is wrong>"; empty when it is valid. */
export function reportProblems(report: unknown): string[] {
  const validate = validator();
  if (validate(report)) return [];
  // "if/then" adds a summary error beside the specific one; the specific one says it all.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "if");
  return [...new Set(errors.map(describe))];
}

/** Throws AuditError INTERNAL listing every problem: a report that breaks its schema is our bug, not the user's. */
export function validateReport(report: unknown): void {
  const problems = reportProblems(report);
  if (problems.length === 0) return;
  throw new AuditError(
    "INTERNAL",
    `the report does not match schemas/${SCHEMA_FILE}: ${problems.join("; ")}`,
    "This is a bug in repro-audit: rerun with --debug and report it",
  );
}
