// The JSON report: the report object itself, validated against its schema, pretty-printed.
import type { Report } from "../model/report.js";
import { validateReport } from "./validate.js";

export function renderJson(report: Report): string {
  validateReport(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
