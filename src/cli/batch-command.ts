// `repro-audit batch` and `merge`: run the library's batch (or join shards), write batch.json, batch.md and
// batch.html into --out, print the chosen format; Ctrl-C writes what is done and exits 130.
import { useColor, type ColorSetting } from "./color.js";
import { resolve } from "node:path";
import { runBatch, type BatchAuditOptions } from "../batch/run-batch.js";
import { mergeFiles } from "../batch/merge.js";
import { writeBatchOutputs } from "../batch/outputs.js";
import type { BatchReport } from "../model/batch-report.js";
import { EXIT } from "../model/errors.js";
import { renderBatchText } from "../report/batch-text.js";
import type { BatchArgs, BatchFormat, MergeArgs } from "./batch-args.js";
import { batchProgress } from "./batch-progress.js";
import type { Io } from "./run-command.js";

export async function batchCommand(args: BatchArgs, io: Io): Promise<number> {
  const controller = new AbortController();
  // First Ctrl-C: stop the audits (they remove their containers) and write what is done. A second: leave.
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    io.stderr.write("repro-audit: stopping the audits; the reports will hold what is done\n");
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal); // the terminal closed: nothing the audits started may outlive it either
  const progress = batchProgress(io.stderr);
  try {
    const report = await runBatch({
      file: args.file,
      outDir: resolve(args.out),
      resume: args.resume,
      shard: args.shard,
      audit: auditOptions(args),
      signal: controller.signal,
      onEvent: progress.onEvent,
      ...(args.top !== undefined ? { top: args.top } : {}),
      ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
      ...(args.timeout !== undefined ? { timeoutSeconds: args.timeout } : {}),
    });
    progress.stop();
    await publish(report, args, io, args.color);
    return report.run.interrupted ? EXIT.interrupted : EXIT.ok;
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  }
}

export async function mergeCommand(args: MergeArgs, io: Io): Promise<number> {
  const report = mergeFiles(args.files, resolve(args.out));
  await publish(report, args, io);
  return EXIT.ok;
}

async function publish(
  report: BatchReport,
  { out, format, png }: { out: string; format: BatchFormat; png: boolean },
  io: Io,
  color: ColorSetting = "auto",
): Promise<void> {
  const { files, texts, charts, chartNote } = await writeBatchOutputs(report, resolve(out), { png });
  // The formats written to files are printed as written (the page and its charts are rendered once).
  const text =
    format === "text"
      ? renderBatchText(report, { color: useColor(color, process.env, io.stdout.isTTY === true) })
      : texts[format];
  io.stdout.write(text);
  io.stderr.write(
    `reports written: ${files.json}, ${files.md}, ${files.html}, ${files.emissions}${charts.length ? `, ${charts.length} chart(s) in ${resolve(out, "charts")}` : ""}\n`,
  );
  if (chartNote) io.stderr.write(`repro-audit: ${chartNote}\n`);
}

/** The settings every audit of the batch runs with; paths are made absolute for the audit processes. */
function auditOptions(args: BatchArgs): BatchAuditOptions {
  const options: BatchAuditOptions = { ...args.flags };
  if (args.config) options.configFile = resolve(args.config);
  if (args.cacheDir) options.cacheDir = resolve(args.cacheDir);
  return options;
}
