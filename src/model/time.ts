// Durations the report shows, rounded once the same way everywhere.

/** Seconds since `since` (a performance.now() reading), to the hundredth. */
export function elapsedSeconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}
