// Where a prediction from the first K batches of a full run goes wrong, part by part (pure): the window's batch rate
// against the rest of epoch 1 and the later epochs, the time after each epoch's last batch, each epoch's first batch.
import type { EpochSpan } from "./boundaries.js";

export interface PartialParts {
  /** Seconds per batch in the window the prediction reads (its first batch left out, as the prediction does). */
  windowRate: number;
  /** The same over the rest of epoch 1, after the window. */
  restOfFirstRate: number | null;
  /** The same over the later complete epochs, each one's first batch left out. */
  laterRate: number | null;
  /** Median share of a complete epoch spent after its last batch mark (validation, checkpoints): no window sees it. */
  tailShare: number | null;
  /** Median extra seconds of a later epoch's first batch over its rate (a loader started again every epoch). */
  firstBatchExtra: number | null;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Seconds per batch from the first mark at or past `from` to the last mark at or below `to`. */
function rate(span: EpochSpan, from: number, to: number): { seconds: number; batches: number } | null {
  const a = span.batches.find((b) => b.count >= from);
  const b = [...span.batches].reverse().find((x) => x.count <= to);
  if (!a || !b || b.count <= a.count) return null;
  return { seconds: b.t - a.t, batches: b.count - a.count };
}

const perBatch = (r: { seconds: number; batches: number } | null) => (r ? r.seconds / r.batches : null);

/** null when the first epoch has no batch marks up to `fromBatches`. */
export function partialParts(spans: readonly EpochSpan[], fromBatches: number): PartialParts | null {
  const first = spans[0];
  const window = first ? perBatch(rate(first, 1, fromBatches)) : null;
  if (!first || window === null) return null;
  const kth = first.batches.find((b) => b.count >= fromBatches)!;
  const later = spans.slice(1).filter((s): s is EpochSpan & { end: number } => s.end !== null);
  const laterRates = later.map((s) => rate(s, 1, Infinity)).filter((r) => r !== null);
  const laterSeconds = laterRates.reduce((a, r) => a + r.seconds, 0);
  const laterBatches = laterRates.reduce((a, r) => a + r.batches, 0);
  const laterRate = laterBatches > 0 ? laterSeconds / laterBatches : null;
  const complete = spans.filter((s): s is EpochSpan & { end: number } => s.end !== null && s.batches.length > 0);
  const tails = complete.map((s) => (s.end - s.batches.at(-1)!.t) / (s.end - s.start)).filter(Number.isFinite);
  const firstExtras = later.flatMap((s) => {
    const r = perBatch(rate(s, 1, Infinity));
    const one = s.batches.find((b) => b.count >= 1);
    return r !== null && one ? [one.t - s.start - one.count * r] : [];
  });
  return {
    windowRate: window,
    restOfFirstRate: perBatch(rate(first, kth.count, Infinity)),
    laterRate,
    tailShare: median(tails),
    firstBatchExtra: median(firstExtras),
  };
}
