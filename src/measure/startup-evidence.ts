// What set the run's start-up apart from its first epoch, in words the report and the facts carry (pure).
import type { Measurement } from "../model/carbon.js";
import type { BoundaryEvent, EpochSpan } from "./boundaries.js";

export type StartupEvidence = NonNullable<Measurement["actual"]["setupEvidence"]>;

const WORDS: Record<StartupEvidence["by"], string> = {
  "hook-mark": "the hook marked where epoch 1 began",
  "stated-duration": "epoch 1's line states its own duration",
  "start-line": "a line marks where epoch 1 began",
  "progress-bar": "epoch 1's progress bar opened, placed back by the batches it already showed",
  "second-epoch":
    "a second epoch was measured: the first's excess over it (start-up and warm-up) is counted once per run",
  none: "nothing told where epoch 1 began: the start-up is inside the measured epoch and counted in each predicted one",
};

/** Which evidence decided where epoch 1 began, so that the time before it is start-up, paid once per run. */
export function startupEvidence(
  boundaries: Measurement["actual"]["boundaries"],
  events: readonly BoundaryEvent[],
  spans: readonly EpochSpan[],
): StartupEvidence {
  const by = decidedBy(boundaries, events, spans);
  return { by, words: WORDS[by] };
}

function decidedBy(
  boundaries: Measurement["actual"]["boundaries"],
  events: readonly BoundaryEvent[],
  spans: readonly EpochSpan[],
): StartupEvidence["by"] {
  if (boundaries === "host-timing" || boundaries === "none") return "none";
  const first = events.find((e) => e.kind === "epoch_start" && e.epoch === 1);
  if (first) return boundaries === "hook" ? "hook-mark" : (first.placedBy ?? "start-line");
  // No mark where epoch 1 began: a second whole epoch is the steady one, the first carries the start-up.
  return spans.filter((s) => s.end !== null).length >= 2 ? "second-epoch" : "none";
}
