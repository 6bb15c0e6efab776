// Re-analysis of a raw run folder (hook events, nvidia-smi CSV, meta.json) such as scripts/gpu-check.sh writes.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { singleRunPlan, type CarbonSection } from "../model/carbon.js";
import { sourced } from "../model/sourced.js";
import { DEFAULT_PUE } from "../carbon/equivalents.js";
import { carbonAssumptions } from "../carbon/assumptions.js";
import { epochSpans } from "./boundaries.js";
import { parseHookEvents } from "./hook-events.js";
import { compareWithActual, type Comparison } from "./compare.js";
import { gpuSeries, parseSmiCsv } from "./meters/nvidia-smi.js";
import { cpuPowerFor } from "./meters/cpu-model.js";
import { buildSection, relativeSeries } from "./section.js";

/** meta.json: unix start/end of the training command, its planned epochs, nvidia-smi's clock offset. */
export interface RawMeta {
  start: number;
  end: number;
  epochs: number;
  command: string;
  /** Minutes east of UTC that nvidia-smi's timestamps are in (the script runs it with TZ=UTC: 0). */
  smiOffsetMinutes: number;
  gpus?: number[];
  cpuModel?: string;
}

export interface Analysis {
  section: CarbonSection;
  comparisons: Comparison[];
}

/** Seconds the meters were read before the training started (the idle window), 0 when never. */
function idleWindow(series: ReadonlyArray<{ samples: ReadonlyArray<{ unix: number }> }>, start: number): number {
  const first = Math.min(...series.flatMap((s) => s.samples.map((p) => p.unix)));
  return Number.isFinite(first) ? Math.max(0, start - first) : 0;
}

export async function analyseRawRun(
  dir: string,
  options: { pue?: number; region?: string; measureEpochs?: number } = {},
): Promise<Analysis> {
  const meta = JSON.parse(await readFile(join(dir, "meta.json"), "utf8")) as RawMeta;
  const events = parseHookEvents(await readFile(join(dir, "events.jsonl"), "utf8"), meta.start);
  const series = gpuSeries(
    parseSmiCsv(await readFile(join(dir, "nvidia-smi.csv"), "utf8"), meta.smiOffsetMinutes),
    meta.gpus ?? null,
  );
  const spans = epochSpans(events);
  const last = spans[spans.length - 1];
  if (last && last.end === null) last.end = meta.end - meta.start;
  const measureEpochs = options.measureEpochs ?? 1;
  const head = spans.slice(0, measureEpochs);
  const cut = head[head.length - 1]?.end ?? meta.end - meta.start;
  const pue = options.pue ?? DEFAULT_PUE;
  const section = buildSection({
    plan: singleRunPlan(meta.command, meta.epochs, "measured", "gpu-check meta.json"),
    runtime: "host",
    outcome: { status: "completed", reason: "re-analysed" },
    spans: head,
    boundaries: "hook",
    runStartUnix: meta.start,
    runEndUnix: meta.start + cut,
    series,
    cpu: cpuPowerFor(meta.cpuModel ?? null),
    idleSeconds: idleWindow(series, meta.start),
    assumptions: carbonAssumptions({
      pue: options.pue ? sourced(options.pue, "flag", "--pue") : sourced(DEFAULT_PUE, "default", "default"),
      region: options.region ? sourced(options.region, "flag", "--region") : null,
    }),
  });
  const power = relativeSeries(series, meta.start, meta.end - meta.start).map((m) => m.samples);
  const runEnd = meta.end - meta.start;
  const comparisons = [
    compareWithActual(spans, runEnd, power, { fromEpochs: 1, pue }),
    compareWithActual(spans, runEnd, power, { fromBatches: 50, pue }),
  ].filter((c): c is Comparison => c !== null);
  return { section, comparisons };
}
