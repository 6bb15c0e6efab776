// Pure energy arithmetic: counter differences and trapezoids over a window, mean power, joules to kWh.
import type { PowerSample } from "../model/carbon.js";

const JOULES_PER_KWH = 3_600_000;

/** A cumulative counter (RAPL energy, CPU time x watts) read at one instant: joules used since its origin. */
export interface CumulativeSample {
  t: number;
  joules: number;
}

/** What a window's energy can be computed from: power samples (gauges) or a cumulative counter's readings. */
export type EnergyInput = readonly PowerSample[] | { readonly cumulative: readonly CumulativeSample[] };

/** Slack at a window's ends within which a counter reading still counts as reading the edge (seconds). */
const EDGE_TOLERANCE = 0.05;

/** The value of a time-sorted series at t: linear between points, held at the first/last value outside them. */
function interpolate<P extends { t: number }>(points: readonly P[], t: number, value: (p: P) => number): number {
  const n = points.length;
  if (n === 0) return 0;
  const first = points[0]!;
  const last = points[n - 1]!;
  if (t <= first.t) return value(first);
  if (t >= last.t) return value(last);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  return b.t === a.t ? value(b) : value(a) + ((value(b) - value(a)) * (t - a.t)) / (b.t - a.t);
}

/** The counter at t: linear between readings, held at the first/last value outside them (no guessing beyond). */
export function cumulativeAt(readings: readonly CumulativeSample[], t: number): number {
  return interpolate(readings, t, (r) => r.joules);
}

/** Joules of a window from a counter: the difference of its values at the window's edges, however few readings. */
export function counterJoules(readings: readonly CumulativeSample[], from: number, to: number): number {
  return to <= from ? 0 : Math.max(0, cumulativeAt(readings, to) - cumulativeAt(readings, from));
}

/** Whether a counter was read at (or within `tolerance` of) both edges of the window, so its difference is the window's. */
export function counterCovers(
  readings: readonly CumulativeSample[],
  from: number,
  to: number,
  tolerance = EDGE_TOLERANCE,
): boolean {
  const n = readings.length;
  return n >= 2 && readings[0]!.t <= from + tolerance && readings[n - 1]!.t >= to - tolerance;
}

/** Joules of one input over a window: counter difference, or trapezoids over power samples. */
export function energyJoules(input: EnergyInput, from: number, to: number): number {
  return Array.isArray(input)
    ? joules(input as readonly PowerSample[], from, to)
    : counterJoules((input as { cumulative: readonly CumulativeSample[] }).cumulative, from, to);
}

/** Watts at time t by linear interpolation; the nearest end value outside the sampled span. */
export function wattsAt(samples: readonly PowerSample[], t: number): number {
  return interpolate(samples, t, (s) => s.watts);
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
export function totalJoules(series: ReadonlyArray<EnergyInput>, from: number, to: number): number {
  return series.reduce((sum, s) => sum + energyJoules(s, from, to), 0);
}

/** Mean of the samples inside [from, to); null when none fall there. */
export function meanWatts(samples: readonly PowerSample[], from: number, to: number): number | null {
  const inside = samples.filter((s) => s.t >= from && s.t < to);
  return inside.length === 0 ? null : inside.reduce((a, s) => a + s.watts, 0) / inside.length;
}

export function toKWh(j: number): number {
  return j / JOULES_PER_KWH;
}
