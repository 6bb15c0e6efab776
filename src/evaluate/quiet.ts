// --quiet (pure): the report with its errors only, saying how many warnings and info were left out.
import type { Report } from "../model/report.js";

export function errorsOnly(report: Report): Report {
  const hidden = { warning: 0, info: 0 };
  for (const f of report.findings) if (f.severity !== "error") hidden[f.severity]++;
  const suppressions = report.suppressions ?? { inline: [], repoTrusted: false, suppressed: 0 };
  return {
    ...report,
    findings: report.findings.filter((f) => f.severity === "error"),
    suppressions: { ...suppressions, hidden },
  };
}
