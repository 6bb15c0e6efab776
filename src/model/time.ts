// Durations the report shows, rounded once the same way everywhere.

/** Seconds since `since` (a performance.now() reading), to the hundredth. */
export function elapsedSeconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/** The resolve stage's time in all, by default, in seconds (`--resolve-budget`): an audit of a stranger's repo, or a
 * batch over a leaderboard, answers in bounded time. */
export const DEFAULT_RESOLVE_BUDGET_SECONDS = 120;
