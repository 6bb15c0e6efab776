// The hook's own clock of the run: CPU seconds and peak memory that the Python processes recorded at each event (pure).
import { hookLines, num } from "./hook-lines.js";

/** On the run clock (seconds since launch). */
export interface HookUsage {
  /** CPU seconds (process time + reaped children) summed over the top-level Python processes the hook ran in. */
  cpuSeconds: Array<{ t: number; seconds: number }>;
  /** Peak resident memory so far (self or reaped children), bytes. */
  maxRssBytes: Array<{ t: number; bytes: number }>;
}

interface Reading {
  t: number;
  cpu: number;
  rssBytes: number | null;
}

/** Per-process readings from the hook's records ({t, pid, ppid, cpu, rss_kb}); records without CPU time are skipped. */
function readingsByPid(
  records: ReadonlyArray<Record<string, unknown>>,
  runStartUnix: number,
): { byPid: Map<number, Reading[]>; parent: Map<number, number> } {
  const byPid = new Map<number, Reading[]>();
  const parent = new Map<number, number>();
  for (const raw of records) {
    const t = num(raw.t);
    const cpu = num(raw.cpu);
    const pid = num(raw.pid);
    if (t === null || cpu === null || pid === null) continue;
    const ppid = num(raw.ppid);
    if (ppid !== null) parent.set(pid, ppid);
    const rss = num(raw.rss_kb);
    const list = byPid.get(pid) ?? [];
    list.push({ t: t - runStartUnix, cpu, rssBytes: rss === null ? null : rss * 1024 });
    byPid.set(pid, list);
  }
  return { byPid, parent };
}

/** A process's CPU seconds at t: zero before it could have started, linear between readings, held after the last. */
function cpuAt(readings: readonly Reading[], t: number): number {
  let prev: Reading | null = null;
  for (const r of readings) {
    if (r.t >= t) {
      if (!prev) return r.cpu;
      return r.t === prev.t ? r.cpu : prev.cpu + ((r.cpu - prev.cpu) * (t - prev.t)) / (r.t - prev.t);
    }
    prev = r;
  }
  return prev?.cpu ?? 0;
}

/** The hook's JSON lines from a file, read as `hookUsage` reads records. */
export function parseHookUsage(text: string, runStartUnix: number): HookUsage {
  return hookUsage(hookLines(text), runStartUnix);
}

/** Sums the top-level processes (a child's time shows in its parent's RUSAGE_CHILDREN once reaped: counted once). */
export function hookUsage(records: ReadonlyArray<Record<string, unknown>>, runStartUnix: number): HookUsage {
  const { byPid, parent } = readingsByPid(records, runStartUnix);
  const top = [...byPid.entries()]
    .filter(([pid]) => !byPid.has(parent.get(pid) ?? -1))
    .map(([, list]) => {
      const sorted = list.sort((a, b) => a.t - b.t);
      const first = sorted[0]!;
      // Zero CPU when the process began: no earlier than its first reading less the CPU it had used by then.
      const born = Math.min(first.t, Math.max(0, first.t - first.cpu));
      return [{ t: born, cpu: 0, rssBytes: null }, ...sorted];
    });
  // Zero at the launch too: no process the hook ran in existed before it.
  const times = [...new Set([0, ...top.flatMap((list) => list.map((r) => r.t))])]
    .filter((t) => top.length > 0 || t !== 0)
    .sort((a, b) => a - b);
  const cpuSeconds = times.map((t) => ({
    t,
    seconds: top.reduce((sum, list) => sum + (t < list[0]!.t ? 0 : cpuAt(list, t)), 0),
  }));
  const maxRssBytes = top
    .flatMap((list) => list.filter((r) => r.rssBytes !== null).map((r) => ({ t: r.t, bytes: r.rssBytes! })))
    .sort((a, b) => a.t - b.t);
  return { cpuSeconds, maxRssBytes };
}
