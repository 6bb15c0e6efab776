// Intel/AMD RAPL energy counters from /sys/class/powercap: package (and DRAM) power, wrap-around handled.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolledMeter } from "./meter.js";

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

/** One polled meter per domain: watts = counter delta / elapsed seconds. */
export function raplMeters(domains: readonly RaplDomain[]): PolledMeter[] {
  return domains.map((d) => {
    let prev: { unix: number; uj: number } | null = null;
    return {
      meter: "rapl",
      kind: "measured",
      component: d.name === "dram" ? "memory" : "cpu",
      scope: d.name,
      averaged: true,
      read(unix: number): number | null {
        let uj: number;
        try {
          uj = Number(readFileSync(join(d.dir, "energy_uj"), "utf8").trim());
        } catch {
          return null;
        }
        const last = prev;
        prev = { unix, uj };
        if (!last || unix <= last.unix) return null;
        return energyDeltaUj(last.uj, uj, d.maxRangeUj) / 1e6 / (unix - last.unix);
      },
    };
  });
}
