// Polls the meters on the host beside the run (and streams nvidia-smi), collecting timestamped watts.
import type { PolledMeter, RawSeries } from "./meters/meter.js";
import { gpuSeries, parseSmiCsv, startNvidiaSmi } from "./meters/nvidia-smi.js";

export interface SamplerOptions {
  meters: PolledMeter[];
  intervalMs?: number;
  /** Stream nvidia-smi's CSV loop too; `inUse` null = every GPU. */
  nvidiaSmi?: { binary?: string; inUse: number[] | null; offsetMinutes: number };
}

export interface Sampler {
  /** Meters that exist only once the run has started (a container's cgroup). */
  add(meters: PolledMeter[]): void;
  stop(): Promise<RawSeries[]>;
}

export function startSampler(options: SamplerOptions): Sampler {
  const series = new Map<PolledMeter, RawSeries>();
  const track = (m: PolledMeter) =>
    series.set(m, { meter: m.meter, kind: m.kind, component: m.component, scope: m.scope, samples: [] });
  options.meters.forEach(track);
  const lastRead = new Map<PolledMeter, number>();
  const tick = () => {
    const unix = Date.now() / 1000;
    for (const [m, s] of series) {
      const watts = m.read(unix);
      const since = lastRead.get(m) ?? unix;
      lastRead.set(m, unix);
      if (watts !== null && Number.isFinite(watts)) s.samples.push({ unix: m.averaged ? (since + unix) / 2 : unix, watts });
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 500);
  const smi = options.nvidiaSmi ? startNvidiaSmi(options.nvidiaSmi.binary) : null;
  return {
    add(meters) {
      const unix = Date.now() / 1000;
      for (const m of meters) (track(m), m.read(unix), lastRead.set(m, unix)); // first read primes delta meters
    },
    async stop() {
      clearInterval(timer);
      tick();
      const out = [...series.values()].filter((s) => s.samples.length > 0);
      if (smi && options.nvidiaSmi) {
        const csv = await smi.stop();
        out.push(...gpuSeries(parseSmiCsv(csv, options.nvidiaSmi.offsetMinutes), options.nvidiaSmi.inUse));
      }
      return out;
    },
  };
}
