// The CPU's model from /proc/cpuinfo and its power per busy logical CPU from data/cpu-tdp.json (CodeCarbon's tables),
// matched on the model number; a model the table lacks falls back to its family's median, else a documented default.
import { readFileSync } from "node:fs";
import { readDataJson } from "../../io/package.js";

export interface CpuTdpTable {
  source: { name: string; url: string; commit: string; licence: string };
  defaultWattsPerThread: number;
  defaultSource: string;
  models: Array<{ name: string; tdpWatts: number; threads?: number; cores?: number }>;
}

export interface CpuPower {
  model: string | null;
  tdpWatts: number | null;
  wattsPerThread: number;
  source: string;
  /** null: the model's own row gave the figure. Else which fallback gave it, and why. */
  fallback: string | null;
}

/** What this machine's /proc/cpuinfo says: the model name and hardware threads per core (siblings / cpu cores). */
export interface CpuInfo {
  model: string | null;
  threadsPerCore: number | null;
}

export function cpuModelName(cpuinfo: string): string | null {
  const m = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return m ? m[1]!.trim() : null;
}

export function parseCpuInfo(cpuinfo: string): CpuInfo {
  const field = (name: string) => Number(new RegExp(`^${name}\\s*:\\s*(\\d+)`, "m").exec(cpuinfo)?.[1] ?? NaN);
  const ratio = field("siblings") / field("cpu cores");
  return {
    model: cpuModelName(cpuinfo),
    threadsPerCore: Number.isInteger(ratio) && ratio >= 1 && ratio <= 8 ? ratio : null,
  };
}

const FAMILY_NAMES: Record<string, string> = {
  epyc: "EPYC",
  threadripper: "Threadripper",
  ryzen: "Ryzen",
  opteron: "Opteron",
  athlon: "Athlon",
  phenom: "Phenom",
  xeon: "Xeon",
  core: "Core",
  pentium: "Pentium",
  celeron: "Celeron",
  atom: "Atom",
};
const FAMILIES = Object.keys(FAMILY_NAMES);

/** "Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz" -> vendor intel, family xeon, model number "e5-2686 v4". */
function modelKey(name: string): { vendor: string; family: string | null; number: string } | null {
  const words = name
    .toLowerCase()
    .replace(/\(r\)|\(tm\)|®|™/g, " ")
    .replace(/@.*$/, " ")
    .replace(/\bwith radeon.*$/, " ")
    .replace(/\b\d+(?:st|nd|rd|th) gen\b|\b\d+-cores?\b|\bcpu\b|\bprocessor\b/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const vendor = words.includes("amd") ? "amd" : words.includes("intel") ? "intel" : null;
  if (!vendor) return null;
  const family = FAMILIES.find((f) => words.includes(f)) ?? null;
  const number = words.filter((w) => /\d/.test(w) && !/ghz$/.test(w)).join(" ");
  return { vendor, family, number };
}

const keyText = (k: { vendor: string; family: string | null; number: string }) =>
  `${k.vendor} ${k.family ?? "-"} ${k.number}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Watts per busy logical CPU: the matched row's TDP over its package's threads (AMD's thread counts, or Intel's cores
 * x this machine's threads per core). No row, or no thread count: the median of the same family's parts; no family:
 * the documented default.
 */
export function cpuPowerFor(
  model: string | null,
  table: CpuTdpTable = readDataJson<CpuTdpTable>("cpu-tdp.json"),
  threadsPerCore: number | null = null,
): CpuPower {
  const smt = threadsPerCore ?? 2;
  const from = `${table.source.name} ${table.source.commit.slice(0, 7)}`;
  const threadsOf = (r: CpuTdpTable["models"][number]) => r.threads ?? (r.cores ? r.cores * smt : null);
  const key = model ? modelKey(model) : null;
  const rows = key?.number
    ? table.models.filter((r) => {
        const k = modelKey(r.name);
        return k !== null && keyText(k) === keyText(key);
      })
    : [];
  // Several rows for one model number (steppings): the highest TDP, an estimate should not lean low.
  const hit = rows.sort((a, b) => b.tdpWatts - a.tdpWatts)[0];
  const threads = hit ? threadsOf(hit) : null;
  if (hit && threads) {
    const how = hit.threads
      ? `${threads} threads`
      : `${hit.cores} cores x ${smt} threads per core${threadsPerCore ? "" : " (assumed)"}`;
    return {
      model,
      tdpWatts: hit.tdpWatts,
      wattsPerThread: hit.tdpWatts / threads,
      source: `${from}: ${hit.name}, ${hit.tdpWatts} W / ${how}`,
      fallback: null,
    };
  }
  const why = !model
    ? "no CPU model was readable"
    : !key
      ? `'${model}' names neither AMD nor Intel`
      : !key.number
        ? `no model number in '${model}'`
        : hit
          ? `the table gives ${hit.name} ${hit.tdpWatts} W but not its threads`
          : `'${model}' is not in the table`;
  const family = key?.family
    ? table.models.flatMap((r) => {
        const k = modelKey(r.name);
        const t = threadsOf(r);
        return k && k.vendor === key.vendor && k.family === key.family && t ? [r.tdpWatts / t] : [];
      })
    : [];
  if (family.length > 0) {
    const name = `${key!.vendor === "amd" ? "AMD" : "Intel"} ${FAMILY_NAMES[key!.family!]}`;
    return {
      model,
      tdpWatts: hit?.tdpWatts ?? null,
      wattsPerThread: median(family),
      source: `${from}: median of ${family.length} ${name} parts`,
      fallback: `${name} family median (${why})`,
    };
  }
  return {
    model,
    tdpWatts: hit?.tdpWatts ?? null,
    wattsPerThread: table.defaultWattsPerThread,
    source: table.defaultSource,
    fallback: `default (${why})`,
  };
}

export function thisCpuPower(): CpuPower {
  let info = "";
  try {
    info = readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    // not Linux: the default applies
  }
  const cpu = parseCpuInfo(info);
  return cpuPowerFor(cpu.model, undefined, cpu.threadsPerCore);
}
