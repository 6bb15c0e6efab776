// Which meters a run's energy comes from: host counters that read the window's edges, else the hook's CPU clock (pure).
import type { MeterSeries } from "../model/carbon.js";
import { memoryWatts } from "./meters/cpu-share.js";
import type { HookUsage } from "./hook-usage.js";
import { counterCovers, type CumulativeSample, type EnergyInput, totalJoules } from "./integrate.js";

/** What integration reads from a meter: its counter when it has one, else its power samples. */
export function energyInput(m: MeterSeries): EnergyInput {
  return m.cumulative && m.cumulative.length > 0 ? { cumulative: m.cumulative } : m.samples;
}

/** Mean power between consecutive counter readings, at the middle of each interval (for the per-second series). */
function counterPower(cumulative: readonly CumulativeSample[]): MeterSeries["samples"] {
  const out: MeterSeries["samples"] = [];
  for (let i = 1; i < cumulative.length; i++) {
    const a = cumulative[i - 1]!;
    const b = cumulative[i]!;
    if (b.t > a.t) out.push({ t: (a.t + b.t) / 2, watts: (b.joules - a.joules) / (b.t - a.t) });
  }
  return out;
}

/** The hook's CPU seconds x watts per busy logical CPU, as a counter meter. */
function hookCpuMeter(usage: HookUsage, wattsPerThread: number): MeterSeries | null {
  if (usage.cpuSeconds.length < 2) return null;
  const cumulative = usage.cpuSeconds.map((r) => ({ t: r.t, joules: r.seconds * wattsPerThread }));
  return {
    meter: "cpu-time-tdp",
    kind: "estimated",
    component: "cpu",
    scope: "hook",
    samples: counterPower(cumulative),
    cumulative,
    energyKWh: 0,
  };
}

/** The hook's peak memory x 0.3725 W/GB, as a gauge (an upper bound on what was in use). */
function hookMemoryMeter(usage: HookUsage): MeterSeries | null {
  if (usage.maxRssBytes.length === 0) return null;
  const samples = usage.maxRssBytes.map((r) => ({ t: r.t, watts: memoryWatts(r.bytes) }));
  return { meter: "memory", kind: "estimated", component: "memory", scope: "hook (peak RSS)", samples, energyKWh: 0 };
}

/**
 * CPU: host CPU counters when one read both edges of [from, to]; else the hook's CPU clock when it did, or when the host
 * saw nothing there (an epoch shorter than the sampling); else whatever the host saw. Memory: the host's readings, else
 * the hook's peak RSS. GPUs as they are.
 */
export function chooseMeters(
  host: readonly MeterSeries[],
  hook: HookUsage | null,
  from: number,
  to: number,
  wattsPerThread: number,
): MeterSeries[] {
  const cpu = host.filter((m) => m.component === "cpu");
  const hasMemory = host.some((m) => m.component === "memory" && m.samples.length > 0);
  const hookCpu = hook ? hookCpuMeter(hook, wattsPerThread) : null;
  const hostCovers = cpu.some((m) => m.cumulative && counterCovers(m.cumulative, from, to));
  const hostSaw = totalJoules(cpu.map(energyInput), from, to) > 0;
  const useHook = !hostCovers && hookCpu !== null && (counterCovers(hookCpu.cumulative!, from, to) || !hostSaw);
  const hookMemory = !hasMemory && hook ? hookMemoryMeter(hook) : null;
  const kept = host.filter((m) => (m.component === "cpu" ? !useHook : m.component === "gpu" || m.samples.length > 0));
  return [...kept, ...(useHook ? [hookCpu!] : []), ...(hookMemory ? [hookMemory] : [])];
}
