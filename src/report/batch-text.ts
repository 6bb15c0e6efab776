// The batch report for a terminal: one row per team, the competition's footprint, the verdict, and what
// each number rests on. Pure.
import type { BatchReport, Bound } from "../model/batch-report.js";
import { paint } from "./ansi.js";
import { printableDeep } from "../model/printable.js";
import { columns } from "./format.js";
import {
  basesText,
  boundBasis,
  co2Text,
  countedText,
  headline,
  kmText,
  kwhText,
  mass,
  methodText,
  noCentralText,
  plain,
  reproText,
  scoreText,
  statusText,
  verdictLines,
} from "./batch-format.js";

export function renderBatchText(raw: BatchReport, options: { color?: boolean } = {}): string {
  const report = printableDeep(raw);
  const p = paint(options.color ?? false);
  const out: string[] = [p.bold(`Batch ${plain(headline(report))}`), ""];

  const head = ["rank", "team", "private", "repro", "kWh", "g CO2eq", "basis", "status"];
  const body = report.rows.map((r) => [
    String(r.rank),
    plain(r.name),
    scoreText(r.privateScore),
    reproText(r.score),
    kwhText(r.cost?.kwh),
    co2Text(r),
    r.cost?.basis ?? "-",
    statusText(r),
  ]);
  for (const line of columns([head, ...body], [true, false, true, true, true, true, false, false]))
    out.push(`  ${line.join("  ").trimEnd()}`);
  const failures = report.rows.filter((r) => r.reason);
  if (failures.length) {
    out.push("");
    for (const r of failures) out.push(`  ${plain(r.name)}: ${plain(r.reason!)}`);
  }

  const c = report.competition;
  out.push("", p.bold("Competition footprint"), `  Method: ${methodText(report)}.`, `  ${countedText(report)}.`);
  const missing = c.models > 0 ? noCentralText(report) : "no team has a per-model cost";
  const bound = (label: string, b: Bound | null) =>
    b
      ? `  ${label} ${p.bold(mass(b.co2g))} CO2eq (${kmText(b.kmByCar)}) = ${plain(boundBasis(b, c.submissionsCounted, c.models))}`
      : `  ${label} unknown (${missing})`;
  out.push(
    bound("Lower:  ", c.lower),
    bound("Central:", c.central),
    bound("Upper:  ", c.upper),
    `  ${basesText(report)}.`,
  );

  out.push("", p.bold("Are the winners worth it?"), ...verdictLines(report).map((l) => `  ${plain(l)}`));

  const costed = report.rows.filter((r) => r.cost);
  if (costed.length) {
    out.push("", p.bold("What the costs rest on"));
    for (const r of costed) out.push(`  ${plain(r.name)}: ${r.cost!.basis}, ${plain(r.cost!.source)}`);
  }
  if (report.notes.length) out.push("", ...report.notes.map((n) => `note: ${plain(n)}`));
  return `${out.join("\n")}\n`;
}
