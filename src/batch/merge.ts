// `repro-audit merge`: join the reports of a batch's shards into the report the unsharded batch would
// have written (same teams, same figures); the footprint and verdict are worked out again from all rows.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BatchReport } from "../model/batch-report.js";
import { badInput } from "../model/errors.js";
import { batchReportProblems } from "../report/batch-json.js";
import { AUDITS_DIR } from "./audit-cache.js";
import { buildBatchReport } from "./assemble.js";

export function readBatchReport(file: string): BatchReport {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw badInput(
      `${file} is not a batch report (${(error as Error).message.split("\n")[0]})`,
      "Give the batch.json files the shards wrote",
      error,
    );
  }
  const problems = batchReportProblems(doc);
  if (problems.length > 0)
    throw badInput(
      `${file} is not a batch report: ${problems.slice(0, 3).join("; ")}`,
      "Give the batch.json files the shards wrote (repro-audit batch --shard i/n)",
    );
  return doc as BatchReport;
}

/** Pure: the shards joined. Every shard must come from the same leaderboard and settings, once each. */
export function mergeBatchReports(
  reports: readonly BatchReport[],
  files: readonly string[] = reports.map((_, i) => `report ${i + 1}`),
): BatchReport {
  if (reports.length === 0)
    throw badInput("merge needs at least one batch report", "Run repro-audit merge <shard>/batch.json ...");
  const first = reports[0]!;
  reports.forEach((r, i) => {
    if (r.leaderboard.fingerprint !== first.leaderboard.fingerprint) {
      throw badInput(
        `${files[i]} comes from another batch than ${files[0]} (another leaderboard, --top or audit settings)`,
        "Merge the shards of one batch run with the same file and flags",
      );
    }
  });
  const count = first.selection.shard?.count ?? 1;
  const seen = new Map<number, string>();
  reports.forEach((r, i) => {
    const shard = r.selection.shard ?? { index: 1, count: 1 };
    if (shard.count !== count)
      throw badInput(
        `${files[i]} is shard ${shard.index}/${shard.count}, not one of ${count}`,
        "Merge the shards of one batch run",
      );
    if (seen.has(shard.index))
      throw badInput(
        `${files[i]} and ${seen.get(shard.index)} are both shard ${shard.index}/${count}`,
        "Give each shard once",
      );
    seen.set(shard.index, files[i]!);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw badInput(
      `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing`,
      "Give every shard's batch.json",
    );
  const rows = reports.flatMap((r) => r.rows);
  const merged = buildBatchReport({
    leaderboard: first.leaderboard,
    selection: {
      top: first.selection.top,
      teams: first.selection.teams,
      shard: null,
      ...(reports.length > 1 ? { merged: reports.length } : {}),
    },
    summary: first.summary,
    rows,
    run: {
      stages: first.run.stages,
      concurrency: Math.max(...reports.map((r) => r.run.concurrency)),
      timeoutSeconds: first.run.timeoutSeconds,
      interrupted: reports.some((r) => r.run.interrupted),
      // Shards run side by side: the batch took as long as its slowest shard.
      seconds: Math.max(...reports.map((r) => r.run.seconds)),
    },
  });
  if (merged.rows.length !== first.selection.teams) {
    throw badInput(
      `the shards hold ${merged.rows.length} teams where the batch has ${first.selection.teams}`,
      "Give every shard's batch.json once",
    );
  }
  return merged;
}

/** Read the shards' batch.json files, join them, and copy each team's audit report beside the merged one. */
export function mergeFiles(files: readonly string[], outDir: string): BatchReport {
  const reports = files.map(readBatchReport);
  const merged = mergeBatchReports(reports, files);
  mkdirSync(join(outDir, AUDITS_DIR), { recursive: true });
  reports.forEach((report, i) => {
    for (const row of report.rows) {
      if (!row.auditFile) continue;
      const from = join(dirname(files[i]!), row.auditFile);
      const to = join(outDir, row.auditFile);
      if (existsSync(from) && from !== to) copyFileSync(from, to);
    }
  });
  return merged;
}
