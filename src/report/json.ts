// The JSON report: the report object itself, pretty-printed, validated against its schema as written.
import type { Report } from "../model/report.js";
import { validateReport } from "./validate.js";
import { jsonVisible } from "../model/printable.js";

export function renderJson(report: Report): string {
  const text = jsonVisible(`${JSON.stringify(report, null, 2)}\n`);
  // Validate what is written, not the object: fields left undefined vanish in JSON and must not count.
  validateReport(JSON.parse(text));
  return text;
}
