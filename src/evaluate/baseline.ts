// Compare an audit with a saved report (pure): findings already there are "unchanged" and leave the gates
// alone; the rest are "new"; those gone are counted as "absent". The one matcher the CLI and the Action use.
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { fingerprintOf } from "./fingerprint.js";
import { scoreWith } from "./score.js";

// The identity is the fingerprint, never a place: a known problem stays known when lines above it move, and
// a grouped finding keeps its identity as its places come and go. A report without fingerprints (saved before
// they existed) gets one computed here the same way, from the rule, the file and the values that name it.
const keyOf = (f: Finding) => f.fingerprint ?? fingerprintOf(f);

/** Points the baseline accepted: what its findings, found again, cost on their own. The gate's score is the
 * whole score plus these, so a new finding costs what it costs the whole score, where the others already are. */
function acceptedPoints(report: Pick<Report, "rules">, unchanged: readonly Finding[]): number {
  // Off the rerun plan a finding costs nothing, so the baseline accepts nothing for it.
  const alone = scoreWith(
    report.rules,
    (rule) => unchanged.filter((f) => f.rule === rule && f.plan !== "off").length,
  ).total;
  return alone === null ? 0 : 100 - alone;
}

export function compareToBaseline(report: Report, baseline: { findings: readonly Finding[] }, file: string): Report {
  const known = new Map<string, number>();
  for (const f of baseline.findings) known.set(keyOf(f), (known.get(keyOf(f)) ?? 0) + 1);
  const findings = report.findings.map((f): Finding => {
    const left = known.get(keyOf(f)) ?? 0;
    if (left > 0) known.set(keyOf(f), left - 1);
    return { ...f, baseline: left > 0 ? "unchanged" : "new" };
  });
  const fresh = findings.filter((f) => f.baseline === "new");
  const accepted = acceptedPoints(
    report,
    findings.filter((f) => f.baseline === "unchanged"),
  );
  const gateScore = report.score.total === null ? null : Math.min(100, report.score.total + accepted);
  const absent = [...known.values()].reduce((sum, n) => sum + n, 0);
  const suppressions = report.suppressions ?? { inline: [], repoTrusted: false, suppressed: 0 };
  return {
    ...report,
    findings,
    suppressions: {
      ...suppressions,
      baseline: { file, unchanged: findings.length - fresh.length, new: fresh.length, absent, accepted, gateScore },
    },
  };
}
