// The batch report as JSON, validated against schemas/batch-report.schema.json as written. Pure.
import type { BatchReport } from "../model/batch-report.js";
import { AuditError } from "../model/errors.js";
import { schemaProblems } from "../io/schema.js";
import { jsonVisible } from "../model/printable.js";

export function batchReportProblems(report: unknown): string[] {
  return schemaProblems("batch-report.schema.json", report);
}

export function renderBatchJson(report: BatchReport): string {
  const text = jsonVisible(`${JSON.stringify(report, null, 2)}\n`);
  const problems = batchReportProblems(JSON.parse(text));
  if (problems.length > 0) {
    throw new AuditError(
      "INTERNAL",
      `the batch report does not match schemas/batch-report.schema.json: ${problems.join("; ")}`,
      "This is a bug in repro-audit: rerun with --debug and report it",
    );
  }
  return text;
}
