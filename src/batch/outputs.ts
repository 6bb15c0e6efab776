// Write a batch's reports into its output folder: batch.json, batch.md, the self-contained batch.html and
// emissions.csv (CodeCarbon's columns, one row per team measured or estimated).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchReport } from "../model/batch-report.js";
import { renderBatchJson } from "../report/batch-json.js";
import { renderBatchMarkdown } from "../report/batch-md.js";
import { renderBatchHtml } from "../report/batch-html.js";
import { emissionsCsv } from "../carbon/emissions-csv.js";
import { teamEmissionsRows } from "./team-emissions.js";

export interface BatchFiles {
  json: string;
  md: string;
  html: string;
  emissions: string;
}

export const BATCH_FILES = { json: "batch.json", md: "batch.md", html: "batch.html", emissions: "emissions.csv" } as const;

export async function writeBatchOutputs(report: BatchReport, outDir: string): Promise<BatchFiles> {
  mkdirSync(outDir, { recursive: true });
  const files: BatchFiles = { json: join(outDir, BATCH_FILES.json), md: join(outDir, BATCH_FILES.md), html: join(outDir, BATCH_FILES.html), emissions: join(outDir, BATCH_FILES.emissions) };
  const texts: BatchFiles = { json: renderBatchJson(report), md: renderBatchMarkdown(report), html: await renderBatchHtml(report), emissions: emissionsCsv(teamEmissionsRows(report)) };
  for (const kind of ["json", "md", "html", "emissions"] as const) {
    const temp = `${files[kind]}.tmp`;
    writeFileSync(temp, texts[kind]);
    renameSync(temp, files[kind]);
  }
  return files;
}
