// nvidia-smi's CSV loop: parse its lines, keep the GPUs the run uses, stream them while the run goes.
import { execa, type ResultPromise } from "execa";
import type { RawSeries } from "./meter.js";

/** The query the sampler runs; `-lms 500` repeats it every 500 ms until killed. */
const NVIDIA_SMI_ARGS = [
  "--query-gpu=index,timestamp,power.draw,utilization.gpu,memory.used",
  "--format=csv,noheader,nounits",
  "-lms",
  "500",
];

export interface GpuRow {
  index: number;
  unix: number;
  watts: number | null;
  utilization: number | null;
  memoryMiB: number | null;
}

const value = (s: string | undefined): number | null => {
  const n = Number((s ?? "").trim());
  return (s ?? "").trim() === "" || !Number.isFinite(n) ? null : n; // "[N/A]", "[Not Supported]"
};

/** "2024/05/01 12:34:56.789" read as a wall clock `offsetMinutes` east of UTC (nvidia-smi prints local time). */
export function parseSmiTimestamp(text: string, offsetMinutes: number): number | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + Number(`0.${m[7] ?? "0"}`) * 1000;
  return ms / 1000 - offsetMinutes * 60;
}

/** Lines like "0, 2024/05/01 12:34:56.789, 71.23, 0, 1" (index, timestamp, W, %, MiB); others are skipped. */
export function parseSmiCsv(text: string, offsetMinutes: number): GpuRow[] {
  const rows: GpuRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length < 3) continue;
    const index = value(cells[0]);
    const unix = parseSmiTimestamp(cells[1] ?? "", offsetMinutes);
    if (index === null || unix === null) continue;
    rows.push({ index, unix, watts: value(cells[2]), utilization: value(cells[3]), memoryMiB: value(cells[4]) });
  }
  return rows;
}

/** The GPU indices a run may use: `--gpus` device list or CUDA_VISIBLE_DEVICES (numeric), else null = all. */
export function gpusInUse(options: { cudaVisibleDevices?: string; gpusFlag?: string }): number[] | null {
  const spec = options.gpusFlag?.replace(/^"?device=/, "").replace(/"$/, "") ?? options.cudaVisibleDevices;
  if (spec === undefined || spec === "all" || spec.trim() === "") return null;
  const parts = spec.split(",").map((p) => p.trim());
  if (!parts.every((p) => /^\d+$/.test(p))) return null; // UUIDs or MIG names: cannot map to indices, keep all
  return parts.map(Number);
}

/** One series per GPU in use, watts only where nvidia-smi reported a number. */
export function gpuSeries(rows: readonly GpuRow[], inUse: number[] | null): RawSeries[] {
  const byGpu = new Map<number, RawSeries>();
  for (const r of rows) {
    if (r.watts === null || (inUse && !inUse.includes(r.index))) continue;
    let s = byGpu.get(r.index);
    if (!s) {
      s = { meter: "nvidia-smi", kind: "measured", component: "gpu", scope: `GPU ${r.index}`, samples: [] };
      byGpu.set(r.index, s);
    }
    s.samples.push({ unix: r.unix, watts: r.watts });
  }
  return [...byGpu.values()].sort((a, b) => a.scope.localeCompare(b.scope));
}

/** This machine's UTC offset in minutes east, as nvidia-smi's local timestamps need. */
export function localOffsetMinutes(at = new Date()): number {
  return -at.getTimezoneOffset();
}

/** Runs the CSV loop until `stop()`; `binary` lets tests point at the fake. */
export function startNvidiaSmi(binary = "nvidia-smi"): { stop(): Promise<string> } {
  let out = "";
  const child: ResultPromise = execa(binary, NVIDIA_SMI_ARGS, {
    reject: false,
    buffer: false,
    stdin: "ignore",
    stderr: "ignore",
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    if (out.length < 64 * 1024 * 1024) out += chunk.toString("utf8");
  });
  return {
    async stop() {
      child.kill("SIGTERM");
      await child;
      return out;
    },
  };
}

/** Whether nvidia-smi answers with at least one GPU. */
export async function nvidiaSmiAnswers(binary = "nvidia-smi"): Promise<boolean> {
  const r = await execa(binary, ["-L"], { reject: false, timeout: 10_000 }).catch(() => null);
  return !!r && r.exitCode === 0 && /GPU \d+/.test(String(r.stdout));
}
