// Watching a launched run until it ends: its output read for progress, a stop once the output shows the measured
// part over (when the hook marked nothing itself), the wall-clock limit and the caller's abort.
import type { Sourced } from "../model/sourced.js";
import type { EpochMarker } from "./epoch-marker.js";
import type { EventsChannel } from "./events-channel.js";
import type { Launched } from "./launch.js";
import { OutputTail } from "./output-tail.js";
import type { Sampler } from "./sampler.js";
import { StdoutLog } from "./stdout-boundaries.js";
import { mayStop, readStdout, type MeasureTarget } from "./stop-rule.js";

export interface WatchInput {
  launched: Launched;
  channel: EventsChannel;
  sampler: Sampler;
  launchUnix: number;
  measure: MeasureTarget;
  marker?: Sourced<EpochMarker> | null;
  timeoutSeconds: number;
  signal?: AbortSignal;
}

export interface Watched {
  exitCode: number | null;
  exitUnix: number;
  stdout: StdoutLog;
  output: OutputTail;
  /** We ended it: the output showed the measured part over (at `stdoutStopT`), a timeout, an abort. */
  stoppedByUs: boolean;
  stdoutStopT: number | null;
  timedOut: boolean;
  aborted: boolean;
}

const BOUNDARY_EVENTS = new Set(["epoch_start", "epoch_end", "batch_end"]);

export async function watchRun(w: WatchInput): Promise<Watched> {
  const { launched } = w;
  const stdout = new StdoutLog();
  const output = new OutputTail();
  const state = { stoppedByUs: false, stdoutStopT: null as number | null, timedOut: false, aborted: false };
  let killing: Promise<void> | null = null;
  const end = (why: "measured" | "timeout" | "abort", t?: number) => {
    if (state.stoppedByUs) return;
    state.stoppedByUs = true;
    if (why === "measured") ((state.stdoutStopT = t ?? null), w.sampler.readNow()); // counters at the measured end
    if (why === "timeout") state.timedOut = true;
    if (why === "abort") state.aborted = true;
    killing = launched.kill();
  };
  // The hook stops the program itself once it marked boundaries: the output is then read, never acted on.
  const hookMarked = () =>
    w.channel.lines.some((l) => typeof l.record.event === "string" && BOUNDARY_EVENTS.has(l.record.event));
  launched.child.all?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output.push(text);
    const t = Date.now() / 1000 - w.launchUnix;
    const before = stdout.lines.at(-1);
    const fresh = stdout.push(text, t);
    if (
      state.stoppedByUs ||
      !fresh.some((line, i) => mayStop(line, i === 0 ? before : fresh[i - 1], w.measure.batches))
    )
      return;
    const reading = readStdout(stdout.lines, w.measure, w.marker);
    if (reading.stop && !hookMarked()) end("measured", reading.stop.t);
  });
  const timer = setTimeout(() => end("timeout"), w.timeoutSeconds * 1000);
  const onAbort = () => end("abort");
  if (w.signal?.aborted) onAbort();
  w.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const result = await launched.child;
    const exitUnix = Date.now() / 1000;
    if (killing) await killing;
    stdout.flush(exitUnix - w.launchUnix);
    return { exitCode: result.exitCode ?? null, exitUnix, stdout, output, ...state };
  } finally {
    clearTimeout(timer);
    w.signal?.removeEventListener("abort", onAbort);
  }
}
