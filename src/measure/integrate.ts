// Pure power arithmetic: trapezoid integration over a window, mean power, joules to kWh.
import type { PowerSample } from "../model/carbon.js";

export const JOULES_PER_KWH = 3_600_000;

/** Watts at time t by linear interpolation; the nearest end value outside the sampled span. */
export function wattsAt(samples: readonly PowerSample[], t: number): number {
  const n = samples.length;
  if (n === 0) return 0;
  const first = samples[0]!;
  const last = samples[n - 1]!;
  if (t <= first.t) return first.watts;
  if (t >= last.t) return last.watts;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = samples[lo]!;
  const b = samples[hi]!;
  return b.t === a.t ? b.watts : a.watts + ((b.watts - a.watts) * (t - a.t)) / (b.t - a.t);
}

/** Joules between `from` and `to` (seconds), trapezoids over the samples, ends interpolated. Samples sorted by t. */
export function joules(samples: readonly PowerSample[], from: number, to: number): number {
  if (samples.length === 0 || to <= from) return 0;
  const points: PowerSample[] = [{ t: from, watts: wattsAt(samples, from) }];
  for (const s of samples) if (s.t > from && s.t < to) points.push(s);
  points.push({ t: to, watts: wattsAt(samples, to) });
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    total += ((a.watts + b.watts) / 2) * (b.t - a.t);
  }
  return total;
}

/** Sum of several meters' joules over one window. */
export function totalJoules(series: ReadonlyArray<readonly PowerSample[]>, from: number, to: number): number {
  return series.reduce((sum, s) => sum + joules(s, from, to), 0);
}

/** Mean of the samples inside [from, to); null when none fall there. */
export function meanWatts(samples: readonly PowerSample[], from: number, to: number): number | null {
  const inside = samples.filter((s) => s.t >= from && s.t < to);
  return inside.length === 0 ? null : inside.reduce((a, s) => a + s.watts, 0) / inside.length;
}

export function toKWh(j: number): number {
  return j / JOULES_PER_KWH;
}
