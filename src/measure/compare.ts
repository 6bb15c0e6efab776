// Prediction from the first epoch (or K batches) of a full run set against what the whole run really cost (pure).
import type { EpochSpan } from "./boundaries.js";
import { toKWh, totalJoules, type EnergyInput } from "./integrate.js";
import { predict } from "./predict.js";

export interface Comparison {
  basis: string;
  predictedSeconds: number;
  actualSeconds: number;
  predictedKWh: number;
  actualKWh: number;
  timeErrorPct: number;
  energyErrorPct: number;
}

const pct = (predicted: number, actual: number) => (actual > 0 ? ((predicted - actual) / actual) * 100 : 0);

/** `spans`: every epoch of a run that went to the end at `runEnd` (seconds); power on the same clock. */
export function compareWithActual(
  spans: readonly EpochSpan[],
  runEnd: number,
  power: ReadonlyArray<EnergyInput>,
  options: { fromEpochs?: number; fromBatches?: number; pue?: number },
): Comparison | null {
  const pue = options.pue ?? 1;
  const epochs = spans.length;
  const actualKWh = toKWh(totalJoules(power, 0, runEnd)) * pue;
  let head: EpochSpan[];
  let cut: number;
  if (options.fromBatches) {
    const first = spans[0];
    const kth = first?.batches.find((b) => b.count >= options.fromBatches!);
    if (!first || !kth) return null;
    head = [
      {
        ...first,
        end: null,
        batches: first.batches.filter((b) => b.count <= kth.count),
        batchesPerEpoch: first.batchesPerEpoch ?? first.batches[first.batches.length - 1]!.count,
      },
    ];
    cut = kth.t;
  } else {
    head = spans.slice(0, options.fromEpochs ?? 1);
    cut = head[head.length - 1]?.end ?? runEnd;
  }
  const p = predict({ spans: head, runEnd: cut, power, epochs, runs: 1, pue, gPerKWh: 0 });
  if (!p) return null;
  return {
    basis: options.fromBatches ? `${options.fromBatches} batches` : `${options.fromEpochs ?? 1} epoch(s)`,
    predictedSeconds: p.predicted.seconds,
    actualSeconds: runEnd,
    predictedKWh: p.predicted.energyKWh,
    actualKWh,
    timeErrorPct: pct(p.predicted.seconds, runEnd),
    energyErrorPct: pct(p.predicted.energyKWh, actualKWh),
  };
}
