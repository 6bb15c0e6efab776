// Polls the meters on the host beside the run (and streams nvidia-smi): gauges as watts, counters as joules so far.
import type { PolledMeter, RawSeries } from "./meters/meter.js";
import { gpuSeries, parseSmiCsv, startNvidiaSmi } from "./meters/nvidia-smi.js";

export interface SamplerOptions {
  meters: PolledMeter[];
  /** Milliseconds between reads once the run is under way (default 500). */
  intervalMs?: number;
  /** Milliseconds between reads for the first `earlySeconds` (default 100): cheap file reads, short runs. */
  earlyMs?: number;
  earlySeconds?: number;
  /** Stream nvidia-smi's CSV loop too; `inUse` null = every GPU. */
  nvidiaSmi?: { binary?: string; inUse: number[] | null; offsetMinutes: number };
}

export interface Sampler {
  /** Meters that exist only once the run has started (a container's cgroup); read at once.
   * `launchUnix`: when the run was launched, where counters born with it (`zeroAtLaunch`) stood at zero. */
  add(meters: PolledMeter[], launchUnix?: number): void;
  /** One reading of every meter now (a boundary said the measured part ended, before the run is stopped). */
  readNow(): void;
  /** Stops reading and returns every series (the same ones when called again). */
  stop(): Promise<RawSeries[]>;
}

/** Appends one counter reading: never going back (a process tree loses exited children until they are reaped),
 * and the mean power since the previous reading as a display sample at the interval's middle. */
export function pushCounterReading(series: RawSeries, unix: number, joules: number): void {
  const readings = (series.cumulative ??= []);
  const prev = readings[readings.length - 1];
  if (prev && unix <= prev.unix) return;
  const value = prev ? Math.max(prev.joules, joules) : joules;
  readings.push({ unix, joules: value });
  if (prev) series.samples.push({ unix: (prev.unix + unix) / 2, watts: (value - prev.joules) / (unix - prev.unix) });
}

export function startSampler(options: SamplerOptions): Sampler {
  const series = new Map<PolledMeter, RawSeries>();
  const track = (m: PolledMeter, launchUnix?: number) => {
    const s: RawSeries = { meter: m.meter, kind: m.kind, component: m.component, scope: m.scope, samples: [] };
    if (m.type === "counter" && m.zeroAtLaunch && launchUnix !== undefined)
      s.cumulative = [{ unix: launchUnix, joules: 0 }];
    series.set(m, s);
  };
  options.meters.forEach((m) => track(m));
  const readOne = (m: PolledMeter, s: RawSeries, unix: number) => {
    const value = m.read(unix);
    if (value === null || !Number.isFinite(value)) return;
    if (m.type === "counter") pushCounterReading(s, unix, value);
    else s.samples.push({ unix, watts: value });
  };
  const tick = () => {
    const unix = Date.now() / 1000;
    for (const [m, s] of series) readOne(m, s, unix);
  };
  const started = Date.now();
  const early = options.earlyMs ?? 100;
  const later = options.intervalMs ?? 500;
  const earlyUntil = started + (options.earlySeconds ?? 15) * 1000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let result: Promise<RawSeries[]> | null = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => (tick(), schedule()), Date.now() < earlyUntil ? Math.min(early, later) : later);
  };
  tick();
  schedule();
  const smi = options.nvidiaSmi ? startNvidiaSmi(options.nvidiaSmi.binary) : null;
  return {
    add(meters, launchUnix) {
      const unix = Date.now() / 1000;
      for (const m of meters) {
        track(m, launchUnix);
        readOne(m, series.get(m)!, unix);
      }
    },
    readNow: () => (stopped ? undefined : tick()),
    stop() {
      if (result) return result;
      stopped = true;
      if (timer) clearTimeout(timer);
      tick();
      result = (async () => {
        const out = [...series.values()].filter((s) => s.samples.length > 0 || (s.cumulative?.length ?? 0) > 1);
        if (smi && options.nvidiaSmi) {
          const csv = await smi.stop();
          for (const item of gpuSeries(parseSmiCsv(csv, options.nvidiaSmi.offsetMinutes), options.nvidiaSmi.inUse))
            out.push(item);
        }
        return out;
      })();
      return result;
    },
  };
}
