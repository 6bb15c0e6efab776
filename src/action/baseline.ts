// Known findings: those already in a saved report do not count toward fail-under (pure). A stand-in for the
// report's own baseline filtering: knownFindings and scoreWithout are the two calls to swap for it.
import { score, type Finding, type Rule, type RuleResult, type Score } from "../index.js";

/** What identifies a finding across runs: rule, file, cell and its values, never its line (edits above it
 * move it) nor a grouped finding's count (one more occurrence is still the same problem). */
export function findingKey(f: Pick<Finding, "rule" | "file" | "cell" | "values">): string {
  const values = Object.entries(f.values ?? {})
    .filter(([key]) => !["line", "cell", "cellLine", "column", "file", "count"].includes(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([f.rule, f.file, f.cell ?? null, values]);
}

/** For each current finding, whether the baseline holds it; the same problem twice needs two in the baseline. */
export function knownFindings(current: readonly Finding[], baseline: readonly Pick<Finding, "rule" | "file" | "cell" | "values">[]): boolean[] {
  const left = new Map<string, number>();
  for (const f of baseline) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  return current.map((f) => {
    const key = findingKey(f);
    const n = left.get(key) ?? 0;
    if (n === 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** The score as if the known findings were gone: each rule loses only its new findings. */
export function scoreWithout(results: readonly RuleResult[], known: readonly Finding[], _rules: Rule[]): Score {
  const knownByRule = new Map<string, number>();
  for (const f of known) knownByRule.set(f.rule, (knownByRule.get(f.rule) ?? 0) + 1);
  const adjusted = results.map((r): RuleResult => {
    const minus = knownByRule.get(r.rule) ?? 0;
    if (r.outcome !== "fail" || minus === 0) return r;
    const findings = Math.max(0, r.findings - minus);
    return findings === 0 ? { ...r, outcome: "pass", findings: 0 } : { ...r, findings };
  });
  return score(adjusted);
}

/** A saved report's findings, or why the document is not one: only `findings` is read, so a report saved by
 * another version of repro-audit still serves. */
export function baselineFindings(doc: unknown): { ok: true; findings: Finding[] } | { ok: false; problem: string } {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { ok: false, problem: "is not a JSON object" };
  const report = doc as { tool?: { name?: unknown }; findings?: unknown };
  if (report.tool?.name !== "repro-audit") return { ok: false, problem: "is not a repro-audit report (no tool.name repro-audit)" };
  if (!Array.isArray(report.findings)) return { ok: false, problem: "has no findings list" };
  for (const [i, f] of report.findings.entries()) {
    const ok =
      f && typeof f === "object" && typeof f.rule === "string" && (f.file === null || typeof f.file === "string") &&
      (f.cell === undefined || typeof f.cell === "number") && (f.values === undefined || (typeof f.values === "object" && f.values !== null));
    if (!ok) return { ok: false, problem: `has a malformed finding at /findings/${i}` };
  }
  return { ok: true, findings: report.findings as Finding[] };
}
