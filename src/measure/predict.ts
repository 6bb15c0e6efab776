// From epoch spans and power series to what was measured and what the whole training should cost (pure).
import type { Consumption } from "../model/carbon.js";
import { co2Grams, kmByCar } from "../carbon/equivalents.js";
import type { EpochSpan } from "./boundaries.js";
import { toKWh, totalJoules, type EnergyInput } from "./integrate.js";

/** Fewer batches than this in the measured epoch: no warm-up is split off (the spread would be noise). */
const MIN_BATCHES_FOR_WARMUP = 10;
/** z for a two-sided 95% interval on the mean batch time. */
const Z95 = 1.96;

export interface PredictInput {
  spans: readonly EpochSpan[];
  /** Seconds from the run start to its stop. */
  runEnd: number;
  power: ReadonlyArray<EnergyInput>;
  epochs: number;
  runs: number;
  pue: number;
  gPerKWh: number;
}

export interface Prediction {
  measured: Consumption & { batches: number; setupSeconds: number; warmupSeconds: number | null };
  predicted: Consumption & {
    interval: { low: Consumption; high: Consumption };
    basis: "epoch" | "batches";
    /** What gave an epoch's duration: the measured boundaries, the durations the epochs' own lines state when they
     * came faster than the output is read, or, with neither, the run after the first epoch's start as a bound. */
    perEpochBy: "measured" | "stated-duration" | "run-bound";
    runs: number;
    perEpoch: { seconds: number; energyKWh: number };
  };
  /** Half-width of the interval relative to the steady part, e.g. 0.03 = +-3%. */
  relativeSpread: number;
}

interface Steady {
  basis: "epoch" | "batches";
  epochSeconds: number;
  epochJoules: number;
  warmupSeconds: number | null;
  warmupJoules: number;
  spread: number;
  by?: Prediction["predicted"]["perEpochBy"];
  /** The start-up, where the epochs' stated durations place epoch 1's start better than its boundary does. */
  setupSeconds?: number;
}

/** Per-batch durations of the batches after the first `skip`, as (duration, weight) from count jumps. */
function batchDurations(span: EpochSpan, skip: number): Array<{ d: number; w: number }> {
  const out: Array<{ d: number; w: number }> = [];
  let prev = { t: span.start, count: 0 };
  for (const b of span.batches) {
    const dc = b.count - prev.count;
    if (dc > 0 && prev.count >= skip) out.push({ d: (b.t - prev.t) / dc, w: dc });
    if (dc > 0) prev = b;
  }
  return out;
}

/** Relative half-width of a 95% interval on the mean of weighted durations. */
export function relativeSpread(durations: ReadonlyArray<{ d: number; w: number }>): number {
  const n = durations.reduce((a, x) => a + x.w, 0);
  if (n < 2) return 0;
  const mean = durations.reduce((a, x) => a + x.d * x.w, 0) / n;
  if (mean <= 0) return 0;
  const variance = durations.reduce((a, x) => a + x.w * (x.d - mean) ** 2, 0) / (n - 1);
  return (Z95 * Math.sqrt(variance)) / (mean * Math.sqrt(n));
}

export function warmupBatches(n: number): number {
  return n >= MIN_BATCHES_FOR_WARMUP ? Math.min(10, Math.max(1, Math.floor(n / 10))) : 0;
}

function timeAtCount(span: EpochSpan, count: number): number {
  if (count === 0) return span.start;
  return span.batches.find((b) => b.count >= count)?.t ?? span.start;
}

/** One epoch's steady cost, from its batches when there are enough (warm-up split off), else the epoch whole. */
function steadyFromOneEpoch(
  span: EpochSpan,
  end: number,
  power: PredictInput["power"],
  basis: Steady["basis"],
): Steady {
  const last = span.batches[span.batches.length - 1];
  const n = last?.count ?? 0;
  const perEpochBatches = basis === "batches" ? (span.batchesPerEpoch ?? n) : n;
  // From a few batches, the first (the loader's workers, kernel selection, caches) is never a steady one.
  const w = basis === "batches" && n >= 2 ? Math.max(1, warmupBatches(n)) : warmupBatches(n);
  const seconds = end - span.start;
  const joulesAll = totalJoules(power, span.start, end);
  if (!last || (w === 0 && basis === "epoch")) {
    return {
      basis,
      epochSeconds: seconds,
      epochJoules: joulesAll,
      warmupSeconds: null,
      warmupJoules: 0,
      spread: relativeSpread(batchDurations(span, 0)),
    };
  }
  const tw = timeAtCount(span, w);
  const wCount = w === 0 ? 0 : (span.batches.find((b) => b.count >= w)?.count ?? 0);
  const steadyBatches = n - wCount;
  if (steadyBatches <= 0 || last.t <= tw) {
    return {
      basis,
      epochSeconds: seconds * (perEpochBatches / Math.max(1, n)),
      epochJoules: joulesAll * (perEpochBatches / Math.max(1, n)),
      warmupSeconds: null,
      warmupJoules: 0,
      spread: 0,
    };
  }
  const perBatch = (last.t - tw) / steadyBatches;
  const watts = totalJoules(power, tw, last.t) / (last.t - tw);
  // After the last batch: validation, checkpoints; it recurs every epoch (none when stopped mid-epoch).
  const tailSeconds = basis === "epoch" ? end - last.t : 0;
  const tailJoules = basis === "epoch" ? totalJoules(power, last.t, end) : 0;
  const epochSeconds = perEpochBatches * perBatch + tailSeconds;
  const epochJoules = perEpochBatches * perBatch * watts + tailJoules;
  const warmSeconds = tw - span.start - wCount * perBatch;
  const warmJoules = totalJoules(power, span.start, tw) - wCount * perBatch * watts;
  return {
    basis,
    epochSeconds,
    epochJoules,
    warmupSeconds: wCount > 0 ? Math.max(0, warmSeconds) : null,
    warmupJoules: wCount > 0 ? Math.max(0, warmJoules) : 0,
    spread: relativeSpread(batchDurations(span, wCount)),
  };
}

function steadyCost(input: PredictInput): Steady | null {
  const complete = input.spans.filter((s): s is EpochSpan & { end: number } => s.end !== null);
  if (complete.length >= 2) {
    const [first, ...rest] = complete;
    const seconds = rest.map((s) => s.end - s.start);
    const joules = rest.map((s) => totalJoules(input.power, s.start, s.end));
    const epochSeconds = seconds.reduce((a, b) => a + b, 0) / rest.length;
    const epochJoules = joules.reduce((a, b) => a + b, 0) / rest.length;
    const firstSeconds = first!.end - first!.start;
    const batchSpread = relativeSpread(rest.flatMap((s) => batchDurations(s, 0)));
    const epochSpread = relativeSpread(seconds.map((d) => ({ d, w: 1 })));
    return {
      basis: "epoch",
      epochSeconds,
      epochJoules,
      warmupSeconds: Math.max(0, firstSeconds - epochSeconds),
      warmupJoules: Math.max(0, totalJoules(input.power, first!.start, first!.end) - epochJoules),
      spread: Math.max(batchSpread, epochSpread),
    };
  }
  if (complete.length === 1) return steadyFromOneEpoch(complete[0]!, complete[0]!.end, input.power, "epoch");
  const partial = input.spans[0];
  if (partial && partial.batches.length > 0 && partial.batchesPerEpoch)
    return steadyFromOneEpoch(partial, input.runEnd, input.power, "batches");
  return null;
}

/** Epochs whose lines all came in one read of the output (they ran faster than the output is read) have no measured
 * duration of their own. Where their end lines state how long each took, those durations are the epochs' cost, at
 * the run's mean power, and the start-up is the run before them; else an epoch took at most the run after its start
 * line, so that is its cost, with an interval from nothing to twice it. */
function boundedBelowResolution(
  steady: Steady | null,
  first: EpochSpan | undefined,
  input: PredictInput,
): Steady | null {
  if (!steady || !first || steady.epochSeconds > 0) return steady;
  const complete = input.spans.filter((s) => s.end !== null);
  const stated = complete.map((s) => s.statedSeconds);
  if (complete.length > 0 && stated.every((d): d is number => d !== undefined && d > 0)) {
    const steadyStated = stated.length >= 2 ? stated.slice(1) : stated;
    const epochSeconds = steadyStated.reduce((a, b) => a + b, 0) / steadyStated.length;
    const watts = input.runEnd > 0 ? totalJoules(input.power, 0, input.runEnd) / input.runEnd : 0;
    const lastEnd = complete[complete.length - 1]!.end!;
    const statedTotal = stated.reduce((a, b) => a + b, 0);
    const firstWarmup = stated.length >= 2 ? Math.max(0, stated[0]! - epochSeconds) : null;
    return {
      ...steady,
      epochSeconds,
      epochJoules: epochSeconds * watts,
      warmupSeconds: firstWarmup,
      warmupJoules: (firstWarmup ?? 0) * watts,
      spread: relativeSpread(steadyStated.map((d) => ({ d, w: 1 }))),
      by: "stated-duration",
      setupSeconds: Math.max(0, Math.min(first.start, lastEnd - statedTotal)),
    };
  }
  const from = first.start < input.runEnd ? first.start : 0;
  return {
    ...steady,
    epochSeconds: input.runEnd - from,
    epochJoules: totalJoules(input.power, from, input.runEnd),
    warmupSeconds: null,
    warmupJoules: 0,
    spread: 1,
    by: "run-bound",
  };
}

function consumption(epochs: number, seconds: number, joules: number, pue: number, gPerKWh: number): Consumption {
  const energyKWh = toKWh(joules) * pue;
  const co2g = co2Grams(energyKWh, gPerKWh);
  return { epochs, seconds, energyKWh, co2g, kmByCar: kmByCar(co2g) };
}

/** null when no epoch or batch boundary was seen: nothing to scale from. */
export function predict(input: PredictInput): Prediction | null {
  const first = input.spans[0];
  const steady = boundedBelowResolution(steadyCost(input), first, input);
  if (!steady || !first) return null;
  const { pue, gPerKWh, epochs, runs } = input;
  const setupSeconds = steady.setupSeconds ?? first.start;
  const setupJoules = totalJoules(input.power, 0, setupSeconds);
  const complete = input.spans.filter((s) => s.end !== null);
  const batches = input.spans.reduce((a, s) => a + (s.batches[s.batches.length - 1]?.count ?? 0), 0);
  const measuredEpochs =
    steady.basis === "batches" ? batches / (first.batchesPerEpoch ?? Math.max(1, batches)) : complete.length;
  const total = (scale: number): Consumption =>
    consumption(
      epochs * runs,
      runs * (setupSeconds + (steady.warmupSeconds ?? 0) + epochs * steady.epochSeconds * scale),
      runs * (setupJoules + steady.warmupJoules + epochs * steady.epochJoules * scale),
      pue,
      gPerKWh,
    );
  return {
    measured: {
      ...consumption(measuredEpochs, input.runEnd, totalJoules(input.power, 0, input.runEnd), pue, gPerKWh),
      batches,
      setupSeconds,
      warmupSeconds: steady.warmupSeconds,
    },
    predicted: {
      ...total(1),
      interval: { low: total(1 - steady.spread), high: total(1 + steady.spread) },
      basis: steady.basis,
      perEpochBy: steady.by ?? "measured",
      runs,
      perEpoch: { seconds: steady.epochSeconds, energyKWh: toKWh(steady.epochJoules) * pue },
    },
    relativeSpread: steady.spread,
  };
}
