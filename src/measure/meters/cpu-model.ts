// The CPU's model from /proc/cpuinfo and its power per busy logical CPU from data/cpu-tdp.json.
import { readFileSync } from "node:fs";
import { readDataJson } from "../../io/package.js";

export interface CpuTdpTable {
  defaultWattsPerThread: number;
  defaultSource: string;
  models: Array<{ match: string; tdpWatts: number; threads: number }>;
}

export interface CpuPower {
  model: string | null;
  tdpWatts: number | null;
  wattsPerThread: number;
  source: string;
  /** No table entry matched the model: the documented default was used. */
  fallback: boolean;
}

export function cpuModelName(cpuinfo: string): string | null {
  const m = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return m ? m[1]!.trim() : null;
}

/** First table entry whose `match` is in the model name (case-insensitive); else the documented default. */
export function cpuPowerFor(model: string | null, table: CpuTdpTable = readDataJson<CpuTdpTable>("cpu-tdp.json")): CpuPower {
  const hit = model ? table.models.find((m) => model.toLowerCase().includes(m.match.toLowerCase())) : undefined;
  if (hit) return { model, tdpWatts: hit.tdpWatts, wattsPerThread: hit.tdpWatts / hit.threads, source: `data/cpu-tdp.json: ${hit.match} ${hit.tdpWatts} W / ${hit.threads} threads`, fallback: false };
  return { model, tdpWatts: null, wattsPerThread: table.defaultWattsPerThread, source: table.defaultSource, fallback: true };
}

export function thisCpuPower(): CpuPower {
  let info = "";
  try {
    info = readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    // not Linux: the default applies
  }
  return cpuPowerFor(cpuModelName(info));
}
