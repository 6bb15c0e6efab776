// Intel/AMD RAPL energy counters from /sys/class/powercap: package (and DRAM) power, wrap-around handled.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CounterMeter } from "./meter.js";

export interface RaplDomain {
  /** "package-0", "dram" ... as the kernel names it. */
  name: string;
  dir: string;
  maxRangeUj: number;
}

/** Microjoules between two counter reads; a smaller second read means the counter wrapped at max_energy_range_uj. */
export function energyDeltaUj(prev: number, next: number, maxRangeUj: number): number {
  return next >= prev ? next - prev : maxRangeUj - prev + next;
}

/** Top-level package domains (intel-rapl:N / amd-rapl:N) and their DRAM sub-domains; unreadable ones are left out. */
export function findRaplDomains(root = "/sys/class/powercap"): RaplDomain[] {
  if (!existsSync(root)) return [];
  const domains: RaplDomain[] = [];
  for (const entry of readdirSync(root).sort()) {
    const top = /^(intel|amd)-rapl:\d+$/.test(entry);
    const sub = /^(intel|amd)-rapl:\d+:\d+$/.test(entry);
    if (!top && !sub) continue;
    const dir = join(root, entry);
    try {
      const name = readFileSync(join(dir, "name"), "utf8").trim();
      if (sub && name !== "dram") continue; // core/uncore are inside the package figure already
      readFileSync(join(dir, "energy_uj"), "utf8"); // root-only on recent kernels: EACCES -> skip
      const maxRangeUj = Number(readFileSync(join(dir, "max_energy_range_uj"), "utf8").trim());
      domains.push({ name, dir, maxRangeUj });
    } catch {
      continue;
    }
  }
  return domains;
}

/** One counter per domain: joules since the first read, wrap-arounds unrolled. */
export function raplMeters(domains: readonly RaplDomain[]): CounterMeter[] {
  return domains.map((d) => {
    let prevUj: number | null = null;
    let totalUj = 0;
    return {
      type: "counter",
      meter: "rapl",
      kind: "measured",
      component: d.name === "dram" ? "memory" : "cpu",
      scope: d.name,
      read(): number | null {
        let uj: number;
        try {
          uj = Number(readFileSync(join(d.dir, "energy_uj"), "utf8").trim());
        } catch {
          return null;
        }
        if (!Number.isFinite(uj)) return null;
        if (prevUj !== null) totalUj += energyDeltaUj(prevUj, uj, d.maxRangeUj);
        prevUj = uj;
        return totalUj / 1e6;
      },
    };
  });
}
