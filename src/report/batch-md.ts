// The batch report as GitHub-flavoured Markdown: the teams table, the footprint, the verdict and the
// sources of every cost. Pure.
import type { BatchReport, Bound } from "../model/batch-report.js";
import { mdText } from "./md-sections.js";
import { printableDeep } from "../model/printable.js";
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
  repoText,
  reproText,
  scoreText,
  statusText,
  verdictLines,
} from "./batch-format.js";

function table(head: string[], align: Array<"l" | "r">, rows: string[][]): string[] {
  const sep = align.map((a) => (a === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((row) => `| ${row.join(" | ")} |`);
}

export function renderBatchMarkdown(raw: BatchReport): string {
  const report = printableDeep(raw);
  const c = report.competition;
  const out: string[] = [`## repro-audit batch: ${mdText(headline(report))}`, ""];
  out.push(
    ...table(
      ["Rank", "Team", "Private", "Public", "Entries", "Repro score", "kWh", "g CO2eq", "Basis", "Status", "Repo"],
      ["r", "l", "r", "r", "r", "r", "r", "r", "l", "l", "l"],
      report.rows.map((r) => [
        String(r.rank),
        mdText(r.name),
        scoreText(r.privateScore),
        scoreText(r.publicScore),
        String(r.entries),
        reproText(r.score),
        kwhText(r.cost?.kwh),
        mdText(co2Text(r)),
        r.cost?.basis ?? "-",
        mdText(statusText(r) + (r.reason ? `: ${r.reason}` : "")),
        mdText(repoText(r)),
      ]),
    ),
  );
  const missing = c.models > 0 ? noCentralText(report) : "no team has a per-model cost";
  const bound = (label: string, b: Bound | null): string[] =>
    b
      ? [label, `**${mass(b.co2g)}**`, kmText(b.kmByCar), mdText(boundBasis(b, c.submissionsCounted, c.models))]
      : [label, "unknown", "-", mdText(missing)];
  out.push(
    "",
    "### Competition footprint",
    "",
    `Method: ${mdText(methodText(report))}. ${mdText(countedText(report))}.`,
    "",
  );
  out.push(
    ...table(
      ["Bound", "CO2eq", "Equivalent", "Rests on"],
      ["l", "r", "r", "l"],
      [bound("Lower", c.lower), bound("Central", c.central), bound("Upper", c.upper)],
    ),
  );
  out.push("", `${mdText(basesText(report))}.`);
  out.push("", "### Are the winners worth it?", "", ...verdictLines(report).map((l) => `- ${mdText(l)}`));
  const costed = report.rows.filter((r) => r.cost);
  if (costed.length)
    out.push(
      "",
      "### What the costs rest on",
      "",
      ...costed.map((r) => `- ${mdText(r.name)}: ${r.cost!.basis}, ${mdText(r.cost!.source)}`),
    );
  if (report.notes.length) out.push("", ...report.notes.map((n) => `> ${mdText(n)}`));
  return `${out.join("\n")}\n`;
}
