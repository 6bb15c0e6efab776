// Tell an interrupted git apart from a failed one: Ctrl-C reaches git and the audit at once, and git may
// be seen to fail a moment before the audit's own signal handler has run.
import { interrupted } from "../model/errors.js";

/** How long a failure waits for the audit's signal handler before it is taken as a failure of its own. */
const SIGNAL_GRACE_MS = 150;

/** Where a source-stage interrupt landed, and what was undone there. */
export const SOURCE_INTERRUPTED = [
  "the opening of the repository",
  "its temporary folders were removed and the clone cache left usable",
] as const;

/** Throws the interrupt when `signal` is (or, within a moment, becomes) aborted; returns otherwise. */
export async function stopIfInterrupted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, SIGNAL_GRACE_MS));
  if (signal.aborted) throw interrupted(...SOURCE_INTERRUPTED);
}
