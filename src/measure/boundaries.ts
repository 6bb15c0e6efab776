// Epoch and batch boundaries: the hook's JSON lines and the stdout fallback, folded into epoch spans (pure).
import { hookLines, num } from "./hook-lines.js";

export interface BoundaryEvent {
  /** Seconds since the run started. */
  t: number;
  kind: "epoch_start" | "epoch_end" | "batch_end" | "stop";
  epoch: number | null;
  /** Batches done in this epoch so far (1-based count; 0 = a bar just opened). */
  batch: number | null;
  batchesPerEpoch: number | null;
  totalEpochs: number | null;
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
}


/** The hook's JSON lines ({t (unix seconds), event, epoch, batch, batches_per_epoch}); bad lines are skipped. */
export function parseHookEvents(text: string, runStartUnix: number): BoundaryEvent[] {
  const out: BoundaryEvent[] = [];
  for (const raw of hookLines(text)) {
    const t = num(raw.t);
    const kind = raw.event;
    if (kind === "reset") out.length = 0; // the hook took a validation loader for training at first
    if (t === null || (kind !== "epoch_start" && kind !== "epoch_end" && kind !== "batch_end" && kind !== "stop")) continue;
    out.push({
      t: t - runStartUnix,
      kind,
      epoch: num(raw.epoch),
      batch: num(raw.batch),
      batchesPerEpoch: num(raw.batches_per_epoch),
      totalEpochs: num(raw.total_epochs),
    });
  }
  return out.sort((a, b) => a.t - b.t);
}

const EPOCH_RE = /\bepoch\s*[:#[(]?\s*(\d+)\s*(?:(?:\/|of)\s*(\d+))?/i;
// "37/120 [====" (tqdm, Keras 2) and "37/120 ━━━━" (Keras 3, after its colour codes are stripped).
const BAR_RE = /(\d+)\/(\d+)\s*(?:\[|━)/;
const ANSI_RE = /\x1b\[[0-9;]*m/g;
const METRIC_RE = /\b(loss|acc|accuracy|auc|f1|score|val)\b/i;

/** What one line of output says about progress: an epoch number (and total), a progress bar count. */
export function parseProgressLine(raw: string): { epoch?: number; totalEpochs?: number; endMarker?: boolean; bar?: { done: number; total: number } } {
  const out: ReturnType<typeof parseProgressLine> = {};
  const line = raw.replace(ANSI_RE, "");
  const bar = BAR_RE.exec(line);
  const epoch = EPOCH_RE.exec(bar ? line.slice(0, bar.index) : line);
  if (epoch) {
    out.epoch = Number(epoch[1]);
    if (epoch[2]) out.totalEpochs = Number(epoch[2]);
    // "Epoch 3: loss 0.41" is printed after an epoch; "Epoch 3/30" alone before it (Keras, most loops).
    if (!bar && METRIC_RE.test(line.slice(epoch.index + epoch[0].length))) out.endMarker = true;
  }
  if (bar) out.bar = { done: Number(bar[1]), total: Number(bar[2]) };
  return out;
}

/** Turns stdout/stderr text, chunk by chunk, into boundary events; carriage returns split bar refreshes. */
export class StdoutBoundaries {
  private pending = "";
  private lastEpochLabel: number | null = null;
  private ordinal = 0;
  private barTotal: number | null = null;
  private lastDone = -1;

  push(text: string, t: number): BoundaryEvent[] {
    const parts = (this.pending + text).split(/\r\n|\r|\n/);
    this.pending = parts.pop() ?? "";
    return parts.flatMap((line) => this.line(line, t));
  }

  /** Whatever is left after the process ended. */
  flush(t: number): BoundaryEvent[] {
    const rest = this.pending;
    this.pending = "";
    return rest ? this.line(rest, t) : [];
  }

  private line(line: string, t: number): BoundaryEvent[] {
    const p = parseProgressLine(line);
    const events: BoundaryEvent[] = [];
    const ev = (kind: BoundaryEvent["kind"], extra: Partial<BoundaryEvent> = {}): BoundaryEvent => ({
      t, kind, epoch: this.ordinal || null, batch: null, batchesPerEpoch: this.barTotal, totalEpochs: null, ...extra,
    });
    if (p.epoch !== undefined && p.epoch !== this.lastEpochLabel) {
      this.lastEpochLabel = p.epoch;
      if (p.endMarker) {
        if (this.ordinal === 0) this.ordinal = 1;
        events.push(ev("epoch_end", { totalEpochs: p.totalEpochs ?? null }));
        this.ordinal += 1;
        this.lastDone = -1;
      } else {
        this.ordinal += 1;
        this.lastDone = -1;
        events.push(ev("epoch_start", { totalEpochs: p.totalEpochs ?? null }));
      }
    }
    if (p.bar) {
      // Only the training bar counts: the first bar's total fixes which one it is (validation bars differ).
      this.barTotal ??= p.bar.total;
      if (p.bar.total !== this.barTotal) return events;
      if (p.bar.done < this.lastDone) {
        // A bar starting over without an epoch line: a new epoch.
        this.ordinal += 1;
        events.push(ev("epoch_start"));
        this.lastDone = -1;
      }
      if (this.ordinal === 0) {
        this.ordinal = 1;
        events.push(ev("epoch_start"));
      }
      if (p.bar.done > this.lastDone) {
        this.lastDone = p.bar.done;
        if (p.bar.done > 0) events.push(ev("batch_end", { batch: p.bar.done, batchesPerEpoch: p.bar.total }));
      }
    }
    return events;
  }
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
    }
    lastT = e.t;
  }
  return spans;
}
