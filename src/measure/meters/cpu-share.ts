// Estimated CPU and memory power from what the run uses: container cgroup or host process tree, x TDP / x 0.3725 W/GB.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MEMORY_WATTS_PER_GB } from "../../carbon/equivalents.js";
import type { PolledMeter } from "./meter.js";

/** What a usage source reports at one instant: CPU seconds used so far and memory in use now. */
export interface UsageSource {
  scope: string;
  read(): { cpuSeconds: number; memoryBytes: number } | null;
}

export function memoryWatts(bytes: number): number {
  return (bytes / 1e9) * MEMORY_WATTS_PER_GB;
}

/** CPU time x TDP per thread (a counter: joules since the source was born) and memory in use (a gauge). */
export function usageMeters(source: UsageSource, wattsPerThread: number): PolledMeter[] {
  let lastRead: { unix: number; value: { cpuSeconds: number; memoryBytes: number } | null } | null = null;
  // One read of the source serves both meters at the same instant.
  const readOnce = (unix: number) => {
    if (lastRead?.unix !== unix) lastRead = { unix, value: source.read() };
    return lastRead.value;
  };
  return [
    {
      type: "counter",
      meter: "cpu-share-tdp",
      kind: "estimated",
      component: "cpu",
      scope: source.scope,
      zeroAtLaunch: true,
      read(unix) {
        const v = readOnce(unix);
        return v ? v.cpuSeconds * wattsPerThread : null;
      },
    },
    {
      type: "gauge",
      meter: "memory",
      kind: "estimated",
      component: "memory",
      scope: source.scope,
      read(unix) {
        const v = readOnce(unix);
        return v ? memoryWatts(v.memoryBytes) : null;
      },
    },
  ];
}

const readNumber = (path: string): number | null => {
  try {
    const n = Number(readFileSync(path, "utf8").trim());
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
};

/** The container's cgroup (v1 cgroupfs/systemd, v2; docker and podman), or null when none is visible here. */
export function containerCgroup(id: string, root = "/sys/fs/cgroup"): UsageSource | null {
  const v1 = [
    `docker/${id}`,
    `system.slice/docker-${id}.scope`,
    `machine.slice/libpod-${id}.scope`,
    `libpod_parent/libpod-${id}`,
  ];
  for (const rel of v1) {
    const cpu = join(root, "cpuacct", rel, "cpuacct.usage");
    if (existsSync(cpu)) {
      const mem = join(root, "memory", rel, "memory.usage_in_bytes");
      return {
        scope: "container cgroup",
        read: () => {
          const ns = readNumber(cpu);
          return ns === null ? null : { cpuSeconds: ns / 1e9, memoryBytes: readNumber(mem) ?? 0 };
        },
      };
    }
  }
  const v2 = [`system.slice/docker-${id}.scope`, `docker/${id}`, `machine.slice/libpod-${id}.scope`];
  for (const rel of v2) {
    const stat = join(root, rel, "cpu.stat");
    if (existsSync(stat)) {
      const mem = join(root, rel, "memory.current");
      return {
        scope: "container cgroup",
        read: () => {
          try {
            const usec = /usage_usec (\d+)/.exec(readFileSync(stat, "utf8"));
            return usec ? { cpuSeconds: Number(usec[1]) / 1e6, memoryBytes: readNumber(mem) ?? 0 } : null;
          } catch {
            return null;
          }
        },
      };
    }
  }
  return null;
}

/** utime+stime (+ reaped children's) in clock ticks, and RSS pages, from /proc/<pid>/stat (comm may hold spaces). */
export function parseProcStat(text: string): { ppid: number; ticks: number; rssPages: number } | null {
  const close = text.lastIndexOf(")");
  if (close < 0) return null;
  const f = text.slice(close + 2).split(" ");
  // After "pid (comm) ": state=0 ppid=1 ... utime=11 stime=12 cutime=13 cstime=14 ... rss=21
  const n = (i: number) => Number(f[i] ?? 0);
  return { ppid: n(1), ticks: n(11) + n(12) + n(13) + n(14), rssPages: n(21) };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

/** The process tree under `pid` on this host (host runtime), read from /proc on every sample. */
export function processTree(pid: number, proc = "/proc"): UsageSource {
  return {
    scope: "process tree",
    read: () => {
      const stats = new Map<number, NonNullable<ReturnType<typeof parseProcStat>>>();
      for (const name of readdirSync(proc)) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const s = parseProcStat(readFileSync(join(proc, name, "stat"), "utf8"));
          if (s) stats.set(Number(name), s);
        } catch {
          continue; // exited between readdir and read
        }
      }
      if (!stats.has(pid)) return null;
      const inTree = new Set([pid]);
      for (let grew = true; grew;) {
        grew = false;
        for (const [p, s] of stats) if (!inTree.has(p) && inTree.has(s.ppid)) (inTree.add(p), (grew = true));
      }
      let ticks = 0;
      let pages = 0;
      for (const p of inTree) ((ticks += stats.get(p)!.ticks), (pages += stats.get(p)!.rssPages));
      return { cpuSeconds: ticks / CLOCK_TICKS, memoryBytes: pages * PAGE_BYTES };
    },
  };
}
