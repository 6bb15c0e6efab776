// Where an audit's time went, step by step (the walk, the rules, the Python index, each extractor,
// judging), for `audit --timings`: steps report to a sink the caller may or may not give.
import { performance } from "node:perf_hooks";

export type TimingPhase = "source" | "walk" | "rules" | "index" | "extract" | "estimate" | "judge";

export interface Timing {
  phase: TimingPhase;
  /** The step within its phase: an extractor's id, "load", "judge and score". */
  name: string;
  seconds: number;
}

export type TimingSink = (timing: Timing) => void;

/** Runs `step` and tells `sink` how long it took; with no sink, only runs it. */
export async function timed<T>(
  sink: TimingSink | undefined,
  phase: TimingPhase,
  name: string,
  step: () => T | Promise<T>,
): Promise<T> {
  if (!sink) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    sink({ phase, name, seconds: (performance.now() - started) / 1000 });
  }
}

/** `timed` for a step that returns at once. */
export function timedSync<T>(sink: TimingSink | undefined, phase: TimingPhase, name: string, step: () => T): T {
  if (!sink) return step();
  const started = performance.now();
  try {
    return step();
  } finally {
    sink({ phase, name, seconds: (performance.now() - started) / 1000 });
  }
}
