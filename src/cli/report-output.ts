// Finish a report the same way for `audit` and `report`: compare with a baseline, explain the score, apply
// the gates (--fail-under, --max-warnings) on everything found, then show (--quiet: errors only) and write.
import { compareToBaseline } from "../evaluate/baseline.js";
import { explainScore } from "../evaluate/score-explain.js";
import { EXIT } from "../model/errors.js";
import type { Report } from "../model/report.js";
import { render, type RuleMeta } from "../report/index.js";
import { errorsOnly } from "../report/quiet.js";
import type { OutputArgs } from "./args.js";
import { readSavedReport } from "./saved-report.js";
import { writeOut, type OutTarget } from "./out-paths.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emissionsCsv } from "../carbon/emissions-csv.js";
import { auditEmissionsRows } from "../report/audit-emissions.js";

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface Gates {
  failUnder?: number;
  maxWarnings?: number;
}

/** Exit 1 reasons, each one line; empty when the gates pass. Findings of the baseline do not count. */
export function gateFailures(report: Report, gates: Gates): string[] {
  const reasons: string[] = [];
  const baseline = report.suppressions?.baseline;
  const total = baseline ? baseline.totalWithoutThem : report.score.total;
  if (gates.failUnder !== undefined && (total ?? 0) < gates.failUnder) {
    const what = baseline ? `score ${total ?? "n/a"} (without the ${baseline.unchanged} finding(s) of the baseline)` : `score ${total ?? "n/a"}`;
    reasons.push(`${what} is below --fail-under ${gates.failUnder}`);
  }
  if (gates.maxWarnings !== undefined) {
    const warnings = report.findings.filter((f) => f.severity === "warning" && f.baseline !== "unchanged").length;
    if (warnings > gates.maxWarnings) reasons.push(`${warnings} warning(s)${baseline ? " not in the baseline" : ""}, more than --max-warnings ${gates.maxWarnings}`);
  }
  return reasons;
}

/** `target`: where --out writes, checked by the caller before any work (cli/out-paths.ts). */
export function finishReport(report: Report, args: OutputArgs, gates: Gates, io: Io, extra: { rules?: readonly RuleMeta[]; target?: OutTarget } = {}): number {
  let shown = report;
  if (args.baseline) shown = compareToBaseline(shown, readSavedReport(args.baseline, "--baseline"), args.baseline);
  if (args.explainScore) shown = { ...shown, score: { ...shown.score, explanation: explainScore(shown.score) } };
  const failures = gateFailures(shown, gates);
  if (args.quiet) shown = errorsOnly(shown);
  const color = args.format === "text" && !extra.target && io.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = render(shown, args.format, { color, ...(extra.rules ? { rules: extra.rules } : {}) });
  if (extra.target) {
    writeEmissions(report, extra.target);
    writeOut(extra.target, text);
    io.stderr.write(`report written to ${extra.target.report}\n`);
  } else io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  for (const reason of failures) io.stderr.write(`repro-audit: ${reason}\n`);
  return failures.length ? EXIT.belowThreshold : EXIT.ok;
}

/** emissions.csv (CodeCarbon's columns) in the report's files folder, when the training has a measured or
 * estimated figure; written before the report so that writeOut marks the folder as the audit's. */
function writeEmissions(report: Report, target: OutTarget): void {
  const rows = auditEmissionsRows(report);
  if (rows.length === 0) return;
  mkdirSync(target.filesDir, { recursive: true });
  writeFileSync(join(target.filesDir, EMISSIONS_FILE), emissionsCsv(rows));
}

export const EMISSIONS_FILE = "emissions.csv";
