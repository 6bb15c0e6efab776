// When the measured part of a run is over: after N epochs, or after K batches of the first (pure).
import type { BoundaryEvent } from "./boundaries.js";
import { decideMarker, type EpochMarker, type MarkerDecision, type StampedLine } from "./epoch-marker.js";
import { stdoutEvents } from "./stdout-boundaries.js";
import type { Sourced } from "../model/sourced.js";

export interface MeasureTarget {
  epochs: number;
  /** Stop after this many batches of the first epoch (a partial-epoch estimate). */
  batches?: number;
}

/** The first event at which the target is reached: the start of epoch N+1, the end of epoch N, batch K of epoch 1. */
function stopPoint(events: readonly BoundaryEvent[], target: MeasureTarget): BoundaryEvent | undefined {
  return events.find(
    (e) =>
      (e.kind === "epoch_start" && (e.epoch ?? 0) > target.epochs) ||
      (e.kind === "epoch_end" && (e.epoch ?? 0) >= target.epochs) ||
      (e.kind === "batch_end" && !!target.batches && (e.epoch ?? 0) === 1 && (e.batch ?? 0) >= target.batches),
  );
}

/**
 * Epochs to run for `measureEpochs` measured ones. Lines that end epochs with nothing to tell where the first began
 * (no elapsed time on it, no bar before it) would count start-up in every predicted epoch: one more epoch is run so
 * that start-up stands apart.
 */
function epochsToRun(measureEpochs: number, marker: EpochMarker | undefined, events: readonly BoundaryEvent[]): number {
  const firstStartKnown = events.some((e) => e.kind === "epoch_start" && e.epoch === 1);
  return marker === "end" && measureEpochs === 1 && !firstStartKnown ? 2 : measureEpochs;
}

export interface StdoutReading {
  decision: MarkerDecision | null;
  events: BoundaryEvent[];
  target: MeasureTarget;
  stop: BoundaryEvent | undefined;
}

/** The output read as a whole: how its epoch lines are read, its events, and where the measured part ended.
 * `exitT`: when the program ended by itself (run clock). */
export function readStdout(
  lines: readonly StampedLine[],
  measure: MeasureTarget,
  given?: Sourced<EpochMarker> | null,
  exitT?: number,
): StdoutReading {
  const decision = decideMarker(lines, given, exitT);
  const marker = decision?.value ?? "start";
  const events = stdoutEvents(lines, marker);
  const target = { ...measure, epochs: epochsToRun(measure.epochs, decision?.value, events) };
  return { decision, events, target, stop: stopPoint(events, target) };
}

/** Whether a new line can move the stop point (an epoch line, a bar opening or reaching K): the rest is not re-read. */
export function mayStop(line: StampedLine, previous: StampedLine | undefined, batches: number | undefined): boolean {
  const { p } = line;
  if (p.epoch !== undefined && (!p.bar || p.epoch !== previous?.p.epoch)) return true;
  if (!p.bar) return false;
  return (
    p.bar.done <= 1 ||
    (previous?.p.bar !== undefined && p.bar.done < previous.p.bar.done) ||
    (!!batches && p.bar.done >= batches)
  );
}
