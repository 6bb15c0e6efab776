// Write a batch's reports into its output folder: batch.json, batch.md and the self-contained batch.html.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchReport } from "../model/batch-report.js";
import { renderBatchJson } from "../report/batch-json.js";
import { renderBatchMarkdown } from "../report/batch-md.js";
import { renderBatchHtml } from "../report/batch-html.js";

export interface BatchFiles {
  json: string;
  md: string;
  html: string;
}

export const BATCH_FILES = { json: "batch.json", md: "batch.md", html: "batch.html" } as const;

export async function writeBatchOutputs(report: BatchReport, outDir: string): Promise<BatchFiles> {
  mkdirSync(outDir, { recursive: true });
  const files: BatchFiles = { json: join(outDir, BATCH_FILES.json), md: join(outDir, BATCH_FILES.md), html: join(outDir, BATCH_FILES.html) };
  const texts: BatchFiles = { json: renderBatchJson(report), md: renderBatchMarkdown(report), html: await renderBatchHtml(report) };
  for (const kind of ["json", "md", "html"] as const) {
    const temp = `${files[kind]}.tmp`;
    writeFileSync(temp, texts[kind]);
    renameSync(temp, files[kind]);
  }
  return files;
}
