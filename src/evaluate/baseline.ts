// Compare an audit with a saved report (pure): findings already there are "unchanged" and do not count
// toward --fail-under or --max-warnings; the rest are "new"; those gone are counted as "absent".
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { fingerprintOf } from "./fingerprint.js";
import { scoreWith } from "./score.js";

const keyOf = (f: Finding) => f.fingerprint ?? fingerprintOf(f);

export function compareToBaseline(report: Report, baseline: Pick<Report, "findings">, file: string): Report {
  const known = new Map<string, number>();
  for (const f of baseline.findings) known.set(keyOf(f), (known.get(keyOf(f)) ?? 0) + 1);
  const findings = report.findings.map((f): Finding => {
    const left = known.get(keyOf(f)) ?? 0;
    if (left > 0) known.set(keyOf(f), left - 1);
    return { ...f, baseline: left > 0 ? "unchanged" : "new" };
  });
  const fresh = findings.filter((f) => f.baseline === "new");
  const without = scoreWith(report.rules, (rule) => fresh.filter((f) => f.rule === rule).length);
  const absent = [...known.values()].reduce((sum, n) => sum + n, 0);
  const suppressions = report.suppressions ?? { inline: [], repoTrusted: false, suppressed: 0 };
  return {
    ...report,
    findings,
    suppressions: { ...suppressions, baseline: { file, unchanged: findings.length - fresh.length, new: fresh.length, absent, totalWithoutThem: without.total } },
  };
}
