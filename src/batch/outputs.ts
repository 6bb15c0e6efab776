// Write a batch's reports into its output folder: batch.json, batch.md, the self-contained batch.html and
// emissions.csv (CodeCarbon's columns, one row per team measured or estimated), and charts/ (each chart
// as SVG, and as PNG when asked).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchReport } from "../model/batch-report.js";
import { renderBatchJson } from "../report/batch-json.js";
import { renderBatchMarkdown } from "../report/batch-md.js";
import { renderBatchChartSvgs, renderBatchHtml } from "../report/batch-html.js";
import { writeChartFiles, type ChartFile } from "./chart-files.js";
import { emissionsCsv } from "../carbon/emissions-csv.js";
import { teamEmissionsRows } from "./team-emissions.js";

export interface BatchFiles {
  json: string;
  md: string;
  html: string;
  emissions: string;
}

export interface BatchOutputs {
  files: BatchFiles;
  /** What was written into each file, so that printing a format reuses it rather than rendering it again. */
  texts: BatchFiles;
  charts: ChartFile[];
  /** Why a chart file could not be written (no Chromium for the PNGs); null when all were. */
  chartNote: string | null;
}

const BATCH_FILES = { json: "batch.json", md: "batch.md", html: "batch.html", emissions: "emissions.csv" } as const;

/** `png`: also draw each chart as PNG (starts Chromium); off by default, the SVGs are always written. */
export async function writeBatchOutputs(
  report: BatchReport,
  outDir: string,
  options: { png?: boolean } = {},
): Promise<BatchOutputs> {
  mkdirSync(outDir, { recursive: true });
  const svgs = await renderBatchChartSvgs(report);
  const files: BatchFiles = {
    json: join(outDir, BATCH_FILES.json),
    md: join(outDir, BATCH_FILES.md),
    html: join(outDir, BATCH_FILES.html),
    emissions: join(outDir, BATCH_FILES.emissions),
  };
  const texts: BatchFiles = {
    json: renderBatchJson(report),
    md: renderBatchMarkdown(report),
    html: await renderBatchHtml(report, { svgs }),
    emissions: emissionsCsv(teamEmissionsRows(report)),
  };
  for (const kind of ["json", "md", "html", "emissions"] as const) {
    const temp = `${files[kind]}.tmp`;
    writeFileSync(temp, texts[kind]);
    renameSync(temp, files[kind]);
  }
  const charts = await writeChartFiles(
    svgs.map((s) => ({ id: s.chart.id, svg: s.svg })),
    outDir,
    { png: options.png === true },
  );
  return { files, texts, charts: charts.files, chartNote: charts.note };
}
