// Check a report against schemas/report.schema.json before it is written; every problem with its JSON pointer.
import { AuditError } from "../model/errors.js";
import { schemaPath, schemaProblems } from "../io/schema.js";

const SCHEMA_FILE = "report.schema.json";

/** The problems with `report`, each "<JSON pointer>: <what is wrong>"; empty when it is valid. */
export function reportProblems(report: unknown): string[] {
  return schemaProblems(SCHEMA_FILE, report);
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
