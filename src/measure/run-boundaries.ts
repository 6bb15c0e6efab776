// Which boundaries a finished run is measured by: the hook's when it marked any and every line agreed with the host,
// the host's own timing of the run when any did not, else the output's progress lines (pure).
import type { Measurement } from "../model/carbon.js";
import type { Sourced } from "../model/sourced.js";
import { epochSpans, type BoundaryEvent, type EpochSpan } from "./boundaries.js";
import type { EpochMarker, MarkerDecision, StampedLine } from "./epoch-marker.js";
import type { HookLine } from "./events-channel.js";
import { checkHookLines, distrustText, hookEvents, type HostClock } from "./hook-events.js";
import { hookUsage, type HookUsage } from "./hook-usage.js";
import { readStdout, type MeasureTarget } from "./stop-rule.js";
import { startupEvidence, type StartupEvidence } from "./startup-evidence.js";

export interface RunRecord {
  hookLines: readonly HookLine[];
  stdout: readonly StampedLine[];
  clock: HostClock;
  measure: MeasureTarget;
  marker?: Sourced<EpochMarker> | null;
  /** We ended the run on a stdout stop, at this run-clock time. */
  stdoutStopT: number | null;
  stoppedByUs: boolean;
  exitCode: number | null;
}

export interface RunBoundaries {
  spans: EpochSpan[];
  boundaries: Measurement["actual"]["boundaries"];
  /** Unix seconds the measured part ended. */
  runEndUnix: number;
  /** The hook's stop event: the hook ended the program after the measured part. */
  hookStopped: boolean;
  /** The hook's CPU clock, only when its lines were trusted. */
  usage: HookUsage | null;
  epochMarker: MarkerDecision | null;
  /** Why the hook's lines were set aside, when they were. */
  distrust: string | null;
  /** What set the start-up apart from epoch 1. */
  startup: StartupEvidence;
  notes: string[];
}

/** The whole run on the host's clock, split evenly into the epochs it was asked to measure. */
function hostTimingSpans(runEnd: number, epochs: number): EpochSpan[] {
  return Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    start: (runEnd * i) / epochs,
    end: (runEnd * (i + 1)) / epochs,
    batches: [],
    batchesPerEpoch: null,
  }));
}

/** What the output showed up to the stop point, in the order it came: lines in flight after it (often in the same
 * chunk, so with the same time) are dropped, and an epoch they would have closed stays open. */
function upToStop(events: readonly BoundaryEvent[], stop: BoundaryEvent | undefined): EpochSpan[] {
  const kept = stop ? events.slice(0, events.indexOf(stop) + 1) : events;
  const spans = epochSpans(kept);
  // A stop at the next epoch's start opens that epoch: it was never measured.
  const last = spans[spans.length - 1];
  if (stop?.kind === "epoch_start" && last && last.end === null && last.batches.length === 0) spans.pop();
  return spans;
}

function batchNote(
  measure: MeasureTarget,
  spans: readonly EpochSpan[],
  boundaries: RunBoundaries["boundaries"],
): string[] {
  if (!measure.batches || (spans[0]?.batches.length ?? 0) > 0) return [];
  const basis =
    boundaries === "none"
      ? "no basis: no epoch boundary either"
      : `${spans.filter((s) => s.end !== null).length} whole epoch(s), ${boundaries}`;
  return [
    `--batches ${measure.batches} asked, but no batch boundary was seen (no framework hook, progress bar or batch print): measured ${basis}`,
  ];
}

export function runBoundaries(r: RunRecord): RunBoundaries {
  const { launchUnix, exitUnix } = r.clock;
  const exitT = exitUnix - launchUnix;
  const verdict = checkHookLines(r.hookLines, r.clock);
  const events = hookEvents(verdict.records, launchUnix);
  const hookMarked = events.some((e) => e.kind !== "stop");
  if (verdict.problems.length > 0) {
    const distrust = distrustText(verdict.problems);
    const spans = hostTimingSpans(exitT, r.measure.epochs);
    return {
      spans,
      boundaries: "host-timing",
      runEndUnix: exitUnix,
      hookStopped: false,
      usage: null,
      epochMarker: null,
      distrust,
      startup: startupEvidence("host-timing", [], spans),
      notes: [
        `The hook's events were not trusted (${distrust}): the whole run, timed by the host, counts as ${r.measure.epochs} epoch(s)`,
        ...batchNote(r.measure, spans, "host-timing"),
      ],
    };
  }
  const usage = hookUsage(verdict.records, launchUnix);
  const stop = events.find((e) => e.kind === "stop");
  if (hookMarked) {
    const spans = epochSpans(events);
    const last = spans[spans.length - 1];
    // A program that ended by itself closes its last epoch at exit (no next epoch will).
    if (last && last.end === null && !stop && !r.stoppedByUs && r.exitCode === 0) last.end = exitT;
    return {
      spans,
      boundaries: "hook",
      runEndUnix: launchUnix + (stop?.t ?? exitT),
      hookStopped: !!stop,
      usage,
      epochMarker: null,
      distrust: null,
      startup: startupEvidence("hook", events, spans),
      notes: batchNote(r.measure, spans, "hook"),
    };
  }
  const endedByItself = !r.stoppedByUs && r.exitCode === 0;
  const reading = readStdout(r.stdout, r.measure, r.marker, endedByItself ? exitT : undefined);
  const spans = r.stoppedByUs ? upToStop(reading.events, reading.stop) : epochSpans(reading.events);
  const last = spans[spans.length - 1];
  if (last && last.end === null && !r.stoppedByUs && r.exitCode === 0) last.end = exitT;
  const cut = r.stoppedByUs ? (reading.stop?.t ?? r.stdoutStopT ?? exitT) : null;
  const boundaries = reading.events.length === 0 ? "none" : "stdout";
  const extra =
    reading.target.epochs > r.measure.epochs
      ? [
          `The output's epoch lines end epochs without telling where the first began: ${reading.target.epochs} epochs were measured so that start-up is not counted in each`,
        ]
      : [];
  return {
    spans,
    boundaries,
    runEndUnix: launchUnix + (cut ?? exitT),
    hookStopped: false,
    usage,
    epochMarker: reading.decision,
    distrust: null,
    startup: startupEvidence(boundaries, reading.events, spans),
    notes: [...extra, ...batchNote(r.measure, spans, boundaries)],
  };
}
