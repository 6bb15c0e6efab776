// `repro-audit audit`: run the pipeline with Ctrl-C wired to its abort signal, then finish the report.
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { audit, type AuditOptions } from "../pipeline.js";
import { gatesFrom } from "../evaluate/finish.js";
import { EXIT } from "../model/errors.js";
import type { AuditArgs } from "./args.js";
import { progressFor, silentProgress } from "./progress.js";
import { finishReport, type Io } from "./report-output.js";
import { checkOutPath, writeOut } from "./out-paths.js";
import { savedFacts } from "../evaluate/saved-facts.js";
import type { Timing } from "../model/timings.js";
import { renderTimings } from "../report/timings-text.js";

export async function auditCommand(args: AuditArgs, io: Io): Promise<number> {
  const controller = new AbortController();
  // First Ctrl-C: stop the stages, which remove their containers. A second one: leave at once.
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal); // the terminal closed: nothing the audit started may outlive it either
  // Only the report goes to stdout; progress goes to stderr (and is silent when stderr is not wanted).
  const progress = args.format === "text" || io.stderr.isTTY ? await progressFor(io.stderr) : silentProgress;
  try {
    const {
      command: _c,
      source,
      ref,
      format: _f,
      out,
      config,
      trustRepo,
      cacheDir,
      facts: factsFile,
      timings,
      debug: _d,
      baseline: _b,
      quiet: _q,
      explainScore: _e,
      ...flags
    } = args;
    // Paths are checked before any work, so a bad --out is one line, not a lost audit.
    const target = out ? checkOutPath(out) : undefined;
    const factsTarget = factsFile ? checkOutPath(factsFile, "--facts") : undefined;
    if (flags.data) flags.data = flags.data.map((d) => ({ host: resolve(d.host), container: d.container }));
    const steps: Timing[] = [];
    const options: AuditOptions = {
      ...flags,
      source,
      progress,
      signal: controller.signal,
      ...(timings ? { onTiming: (t: Timing) => void steps.push(t) } : {}),
    };
    const optional: Partial<AuditOptions> = { ref, configFile: config, cacheDir, trustRepo, outDir: target?.filesDir };
    for (const [key, value] of Object.entries(optional))
      if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;

    const { report, record, facts, rules, settings } = await audit(options);
    if (factsTarget) writeOut(factsTarget, `${JSON.stringify(savedFacts(record, facts))}\n`);
    const code = finishReport(report, args, gatesFrom(settings, "cli"), io, { rules, ...(target ? { target } : {}) });
    // The whole: since this process started, so start-up and module loading show as what the steps leave out.
    if (timings) io.stderr.write(renderTimings(steps, performance.now() / 1000));
    return code;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  }
}
