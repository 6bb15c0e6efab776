// Epoch and batch boundaries, from the hook or the output, folded into epoch spans (pure).

export interface BoundaryEvent {
  /** Seconds since the run started. */
  t: number;
  kind: "epoch_start" | "epoch_end" | "batch_end" | "stop";
  epoch: number | null;
  /** Batches done in this epoch so far (1-based count; 0 = a bar just opened). */
  batch: number | null;
  batchesPerEpoch: number | null;
  totalEpochs: number | null;
  /** An epoch start read from the output: what placed it (a start line, the duration an end line states, a bar's start). */
  placedBy?: "start-line" | "stated-duration" | "progress-bar";
  /** An epoch end read from the output: the seconds its line says the epoch took. */
  statedSeconds?: number;
}

export interface EpochSpan {
  /** 1-based ordinal of the epoch in this run. */
  epoch: number;
  start: number;
  /** null: the run stopped inside this epoch. */
  end: number | null;
  /** Batch ends seen: time and the batch count at that time (counts may jump when a bar refreshes rarely). */
  batches: Array<{ t: number; count: number }>;
  batchesPerEpoch: number | null;
  /** Seconds the epoch's own end line says it took (output boundaries only). */
  statedSeconds?: number;
}

/** Folds events into epoch spans in order; an epoch ends at its end event, the next start, or stays open. */
export function epochSpans(events: readonly BoundaryEvent[]): EpochSpan[] {
  const spans: EpochSpan[] = [];
  let open: EpochSpan | null = null;
  let lastT = 0;
  const openAt = (t: number): EpochSpan => {
    const span: EpochSpan = { epoch: spans.length + 1, start: t, end: null, batches: [], batchesPerEpoch: null };
    spans.push(span);
    return span;
  };
  for (const e of events) {
    if (e.kind === "stop") break;
    if (e.kind === "epoch_start") {
      if (open && open.end === null) open.end = e.t;
      open = openAt(e.t);
    } else if (e.kind === "batch_end") {
      // Batches before any epoch mark: the epoch began where the previous one ended (or at the run start).
      if (!open || open.end !== null) open = openAt(open?.end ?? lastT);
      if (e.batch !== null) open.batches.push({ t: e.t, count: e.batch });
      if (e.batchesPerEpoch !== null) open.batchesPerEpoch = e.batchesPerEpoch;
    } else if (e.kind === "epoch_end") {
      if (!open || open.end !== null) open = openAt(open?.end ?? lastT);
      open.end = e.t;
      if (e.statedSeconds !== undefined) open.statedSeconds = e.statedSeconds;
    }
    lastT = e.t;
  }
  return spans;
}
