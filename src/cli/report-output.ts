// Show and write a finished report the same way for `audit`, `report` and `judge`: the library finishes it
// (baseline, explained score, gates, --quiet); this file renders it, writes it and says why it exits 1.
import { finish, type Gates } from "../evaluate/finish.js";
import { useColor } from "./color.js";
import { EXIT } from "../model/errors.js";
import type { Report } from "../model/report.js";
import { render, type RuleMeta } from "../report/index.js";
import type { OutputArgs } from "./args.js";
import { readSavedReport } from "../report/saved-report.js";
import { writeOut, type OutTarget } from "./out-paths.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emissionsCsv } from "../carbon/emissions-csv.js";
import { auditEmissionsRows } from "../report/audit-emissions.js";

export type { Gates };

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** `target`: where --out writes, checked by the caller before any work (cli/out-paths.ts). */
export function finishReport(
  report: Report,
  args: OutputArgs,
  gates: Gates,
  io: Io,
  extra: { rules?: readonly RuleMeta[]; target?: OutTarget } = {},
): number {
  const baseline = args.baseline
    ? { file: args.baseline, findings: readSavedReport(args.baseline, "--baseline").findings }
    : undefined;
  const { shown, verdict } = finish(report, {
    gates,
    ...(baseline ? { baseline } : {}),
    explainScore: args.explainScore === true,
    quiet: args.quiet === true,
  });
  const color =
    args.format === "text" && !extra.target && useColor(args.color ?? "auto", process.env, io.stdout.isTTY === true);
  const text = render(shown, args.format, { color, ...(extra.rules ? { rules: extra.rules } : {}) });
  if (extra.target) {
    writeEmissions(report, extra.target);
    writeOut(extra.target, text);
    io.stderr.write(`report written to ${extra.target.report}\n`);
  } else io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  for (const check of verdict.checks) if (check.failed) io.stderr.write(`repro-audit: ${check.text}\n`);
  return verdict.failed ? EXIT.belowThreshold : EXIT.ok;
}

/** emissions.csv (CodeCarbon's columns) in the report's files folder, when the training has a measured or
 * estimated figure; written before the report so that writeOut marks the folder as the audit's. */
function writeEmissions(report: Report, target: OutTarget): void {
  const rows = auditEmissionsRows(report);
  if (rows.length === 0) return;
  mkdirSync(target.filesDir, { recursive: true });
  writeFileSync(join(target.filesDir, EMISSIONS_FILE), emissionsCsv(rows));
}

const EMISSIONS_FILE = "emissions.csv";
