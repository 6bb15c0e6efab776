// Whether a script's epoch lines mark where epochs start or where they end, decided from its own output (pure).
import type { Origin, Sourced } from "../model/sourced.js";
import type { ProgressLine } from "./stdout-lines.js";

export type EpochMarker = "start" | "end";

/** A line of output that said something about progress, stamped with the host's clock (seconds since launch). */
export interface StampedLine {
  t: number;
  p: ProgressLine;
  /** Its place among every line of the output, kept or not: tells whether two kept lines were neighbours. */
  seq?: number;
  /** The line was complete only when the next line began in the same read (a bar refreshed as "\r" + text): `t` is
   * when the next line was printed, not this one. */
  endedByNext?: boolean;
}

export interface MarkerDecision {
  value: EpochMarker;
  origin: Origin;
  source: string;
  /** What the decision rests on, in words. */
  evidence: string[];
}

/** Epoch lines without a bar, first of each label (a second "Epoch 3 done" after "Epoch 3" closes that epoch). */
export function bareEpochLines(lines: readonly StampedLine[]): StampedLine[] {
  const out: StampedLine[] = [];
  let label: number | undefined;
  for (const l of lines) {
    if (l.p.epoch === undefined || l.p.bar) continue;
    if (l.p.epoch !== label) out.push(l);
    label = l.p.epoch;
  }
  return out;
}

/** Training bars: labelled ones when there are any (Lightning), never validation or sanity-check bars. */
export function isTrainingBar(l: StampedLine, labelledBars: boolean): boolean {
  return !!l.p.bar && !l.p.evaluation && (!labelledBars || l.p.epoch !== undefined);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const secs = (s: number) => `${s.toFixed(1)} s`;

/** Evidence from the words on the lines: metrics, "done", elapsed times mean the line is printed after its epoch. */
function wordsSay(bare: readonly StampedLine[]): { value: EpochMarker; why: string } | null {
  const withWords = bare.filter((l) => l.p.endWords?.length);
  if (withWords.length === 0 || withWords.length * 2 < bare.length) return null;
  const kinds = [...new Set(withWords.flatMap((l) => l.p.endWords!))].join(", ");
  return {
    value: "end",
    why: `${withWords.length} of ${bare.length} epoch line(s) carry ${kinds}: printed once the epoch is over`,
  };
}

/** Evidence from progress bars: bars before the first epoch line belong to an epoch that line ends. */
function barsSay(lines: readonly StampedLine[], first: StampedLine): { value: EpochMarker; why: string } | null {
  const labelled = lines.some((l) => l.p.bar && !l.p.evaluation && l.p.epoch !== undefined);
  const bars = lines.filter((l) => isTrainingBar(l, labelled));
  if (bars.length === 0) return null;
  const before = bars.some((b) => lines.indexOf(b) < lines.indexOf(first));
  return before
    ? { value: "end", why: "training progress bars ran before the first epoch line" }
    : { value: "start", why: "training progress bars follow each epoch line" };
}

/**
 * Evidence from timing. A first line well inside one epoch's gap after launch is a start (an end needs a whole epoch
 * before it). About one gap proves nothing (start-up can be that long). A run that ended by itself tells by its
 * tail: an end line just before the exit, or a start line a whole epoch before it.
 */
function timingSays(
  bare: readonly StampedLine[],
  exitT: number | undefined,
): { value: EpochMarker | null; why: string } | null {
  if (bare.length < 2) return null;
  const gaps = bare.slice(1).map((l, i) => l.t - bare[i]!.t);
  const gap = median(gaps);
  const first = bare[0]!.t;
  if (gap <= 0) return null;
  const apart = `lines ${secs(gap)} apart`;
  if (exitT !== undefined) {
    const tail = exitT - bare[bare.length - 1]!.t;
    if (tail < 0.25 * gap)
      return { value: "end", why: `the program exited ${secs(tail)} after its last epoch line (${apart})` };
    if (tail > 0.5 * gap && first < 0.5 * gap)
      return { value: "start", why: `the program ran ${secs(tail)} after its last epoch line (${apart})` };
  }
  if (first < 0.5 * gap)
    return {
      value: "start",
      why: `the first epoch line came ${secs(first)} after launch, well inside one epoch (${apart})`,
    };
  return {
    value: null,
    why: `the first epoch line came ${secs(first)} after launch (${apart}): timing alone does not tell`,
  };
}

/**
 * The user's setting when given; else words on the lines, then the order of bars and lines, then timing (`exitT`: when
 * the program ended by itself); else starts (the common form, e.g. Keras' "Epoch 1/30"). null: no epoch line to read.
 */
export function decideMarker(
  lines: readonly StampedLine[],
  given?: Sourced<EpochMarker> | null,
  exitT?: number,
): MarkerDecision | null {
  const bare = bareEpochLines(lines);
  if (given)
    return { value: given.value, origin: given.origin, source: given.source, evidence: [`set by ${given.source}`] };
  if (bare.length === 0) return null;
  const measured = (value: EpochMarker, evidence: string[]): MarkerDecision => ({
    value,
    origin: "measured",
    source: "the run's output",
    evidence,
  });
  const words = wordsSay(bare);
  const bars = barsSay(lines, bare[0]!);
  const timing = timingSays(bare, exitT);
  const also = (picked: { why: string }) =>
    [bars, timing].filter((e): e is NonNullable<typeof e> => !!e && e !== picked).map((e) => `also: ${e.why}`);
  if (words) return measured("end", [words.why, ...also(words)]);
  if (bars) return measured(bars.value, [bars.why, ...also(bars)]);
  if (timing?.value) return measured(timing.value, [timing.why]);
  const none = "no words, bars or timing told: read as starts, the usual form (--epoch-marker end if not)";
  return measured("start", timing ? [none, `also: ${timing.why}`] : [none]);
}
