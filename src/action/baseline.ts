// The Action's baseline input read leniently (pure): only a saved report's findings, so a report saved by
// another version still serves. Matching them and the gates are the library's (evaluate/finish.ts).
import type { Finding } from "../index.js";

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
  // A finding of an older report may lack values; the matcher reads them.
  return { ok: true, findings: (report.findings as Finding[]).map((f) => ({ ...f, values: f.values ?? {} })) };
}
