// The stdout fallback: the output's progress lines, stamped by the host as they arrive, folded into boundary events.
import type { BoundaryEvent } from "./boundaries.js";
import { bareEpochLines, isTrainingBar, type EpochMarker, type StampedLine } from "./epoch-marker.js";
import { hasProgress, parseProgressLine } from "./stdout-lines.js";

/** A line longer than this without a newline is cut: output without newlines must not grow the host. */
const MAX_PENDING = 64 * 1024;
/** Progress lines kept; epoch lines are kept past it, bar refreshes are dropped. */
const MAX_LINES = 200_000;
/** Lines read per second of output; a flood beyond it is passed over, so it cannot take the host's time. */
const LINES_PER_SECOND = 20_000;
// Every progress form holds a slash (bars, counters) or the word epoch: other lines need no parsing.
const MAYBE_PROGRESS = /\/|poch/i;

/** The output's progress lines with the host's clock, chunk by chunk; carriage returns split bar refreshes. */
export class StdoutLog {
  readonly lines: StampedLine[] = [];
  /** Lines passed over in a flood. */
  skipped = 0;
  private pending = "";
  /** Lines completed so far, kept or not. */
  private seen = 0;
  private second = -1;
  private readThisSecond = 0;

  /** The progress lines this chunk completed. A line followed by more text in the same chunk ended when the next
   * began: a bar printed as "\r" + text is read only when the next refresh comes. */
  push(text: string, t: number): StampedLine[] {
    const parts = (this.pending + text).split(/\r\n|\r|\n/);
    this.pending = parts.pop() ?? "";
    if (this.pending.length > MAX_PENDING) this.pending = this.pending.slice(0, MAX_PENDING);
    const nextBegan = this.pending !== "";
    return parts.flatMap((line, i) => this.keep(line, t, nextBegan || i < parts.length - 1));
  }

  /** Whatever is left after the process ended. */
  flush(t: number): StampedLine[] {
    const rest = this.pending;
    this.pending = "";
    return rest ? this.keep(rest, t, false) : [];
  }

  private keep(line: string, t: number, endedByNext: boolean): StampedLine[] {
    const seq = this.seen++;
    if (Math.floor(t) !== this.second) ((this.second = Math.floor(t)), (this.readThisSecond = 0));
    if (++this.readThisSecond > LINES_PER_SECOND) {
      this.skipped += 1;
      return [];
    }
    if (!MAYBE_PROGRESS.test(line)) return [];
    const p = parseProgressLine(line.length > MAX_PENDING ? line.slice(0, MAX_PENDING) : line);
    if (!hasProgress(p) || (this.lines.length >= MAX_LINES && p.epoch === undefined)) return [];
    const stamped: StampedLine = { t, p, seq, ...(endedByNext ? { endedByNext } : {}) };
    this.lines.push(stamped);
    return [stamped];
  }
}

/** Seconds per batch near line i of the same epoch (the next or previous reading), for a bar first seen mid-epoch. */
function perBatchNear(bars: readonly StampedLine[], i: number): number | null {
  const a = bars[i]!;
  for (const j of [i + 1, i - 1]) {
    const b = bars[j];
    if (!b || b.p.epoch !== a.p.epoch) continue;
    const dc = b.p.bar!.done - a.p.bar!.done;
    if (dc !== 0 && (b.t - a.t) / dc > 0) return (b.t - a.t) / dc;
  }
  return null;
}

/** The batches done when bar i was read: a bar read only when the next line began (a "\r" + text refresh) was read
 * when the next bar of the same pass was printed, so that bar's count is the one reached at its time. */
function doneWhenRead(bars: readonly StampedLine[], i: number): number {
  const bar = bars[i]!;
  const next = bars[i + 1];
  const { done } = bar.p.bar!;
  if (!bar.endedByNext || !next || bar.seq === undefined || next.seq !== bar.seq + 1) return done;
  const ahead = next.p.bar!;
  return next.p.epoch === bar.p.epoch && ahead.total === bar.p.bar!.total && ahead.done > done ? ahead.done : done;
}

/**
 * Boundary events from the progress lines. Epoch lines without a bar mark starts or ends as `marker` says (a second
 * line of the same epoch with end words closes it); bars count batches; a bar starting over or a new label on a bar
 * opens an epoch, placed back by the batches it already shows. With ends, epochs tile the run: each opens where the
 * previous one closed.
 */
export function stdoutEvents(lines: readonly StampedLine[], marker: EpochMarker): BoundaryEvent[] {
  const labelled = lines.some((l) => l.p.bar && !l.p.evaluation && l.p.epoch !== undefined);
  const allBars = lines.filter((l) => isTrainingBar(l, labelled));
  const barTotal = labelled ? null : (allBars[0]?.p.bar!.total ?? null);
  const bars = allBars.filter((l) => barTotal === null || l.p.bar!.total === barTotal);
  const barIndex = new Map(bars.map((b, i) => [b, i]));
  const firstBare = bareEpochLines(lines)[0];
  const events: BoundaryEvent[] = [];
  const s = {
    ordinal: 0,
    open: false,
    label: undefined as number | undefined,
    lastDone: -1,
    offset: 0,
    lastT: 0,
    carried: false,
  };
  let perBatch: number | null = null;
  const push = (kind: BoundaryEvent["kind"], t: number, extra: Partial<BoundaryEvent> = {}) =>
    events.push({
      t,
      kind,
      epoch: s.ordinal || null,
      batch: null,
      batchesPerEpoch: barTotal,
      totalEpochs: null,
      ...extra,
    });
  const startEpoch = (t: number, placedBy: NonNullable<BoundaryEvent["placedBy"]>) => {
    s.ordinal += 1;
    s.open = true;
    push("epoch_start", Math.max(s.lastT, t), { placedBy });
  };
  const endEpoch = (t: number, statedSeconds: number | undefined) => {
    if (!s.open) s.ordinal += 1; // the epoch that ran since the previous end (or the launch)
    push("epoch_end", t, statedSeconds !== undefined ? { statedSeconds } : {});
    s.open = false;
  };
  for (const line of lines) {
    const { p, t } = line;
    if (p.epoch !== undefined && !p.bar) {
      if (p.epoch === s.label) {
        if (s.open && marker === "start" && p.endWords?.length) endEpoch(t, p.elapsedSeconds);
      } else if (marker === "start") {
        startEpoch(t, "start-line");
        ((s.lastDone = -1), (s.offset = 0));
      } else {
        if (s.ordinal === 0 && line === firstBare && p.elapsedSeconds !== undefined)
          startEpoch(Math.max(0, t - p.elapsedSeconds), "stated-duration");
        endEpoch(t, p.elapsedSeconds);
        ((s.offset = Math.max(0, s.lastDone)), (s.carried = true));
      }
      ((s.label = p.epoch), (s.lastT = t));
      continue;
    }
    const i = barIndex.get(line);
    if (i === undefined) continue;
    const { done, total } = p.bar!;
    const restart = done < s.lastDone;
    const newLabel = labelled && p.epoch !== s.label;
    // A bar starting over opens an epoch unless an end line just opened it (its bar may run on, Hugging Face's does).
    const opens = newLabel || s.ordinal === 0 || (restart && !s.carried && (marker === "start" || !firstBare));
    const reached = doneWhenRead(bars, i);
    if (opens) {
      perBatch = perBatchNear(bars, i) ?? perBatch;
      startEpoch(done > 0 && perBatch !== null ? t - done * perBatch : t, "progress-bar");
      if (newLabel) s.label = p.epoch;
    } else if (!s.open) {
      if (marker === "start") continue; // between a closing line and the next epoch line: not training
      ((s.ordinal += 1), (s.open = true)); // after an end line: the epoch that line opened
    }
    if (opens || restart) ((s.lastDone = -1), (s.offset = 0));
    s.carried = false;
    if (reached > s.lastDone) {
      s.lastDone = reached;
      const count = reached - s.offset;
      if (count > 0) push("batch_end", t, { batch: count, batchesPerEpoch: s.offset > 0 ? null : total });
    }
    s.lastT = t;
  }
  return events;
}
