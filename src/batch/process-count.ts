// How many audit processes a batch spreads its lanes over.

/** Lanes share processes beyond this many per core: each process holds an audit's memory of its own. */
const PROCESSES_PER_CORE = 2;

/**
 * One process per lane, at most two per core. Two audits in one process share its one thread, so a batch
 * whose last audits fell into the same process left a core idle while they finished; one per lane lets the
 * system spread them over the cores. `forced` (REPRO_AUDIT_BATCH_PROCESSES, for tests and measuring) sets the
 * number, still at most one per lane.
 */
export function auditProcessCount(concurrency: number, cores: number, forced?: string): number {
  const lanes = Math.max(1, concurrency);
  if (forced !== undefined && /^[1-9]\d*$/.test(forced)) return Math.min(Number(forced), lanes);
  return Math.min(lanes, Math.max(1, cores) * PROCESSES_PER_CORE);
}
