// The cores one audit may use for threads of its own (the Python index's helpers). A batch runs several audits
// side by side, one per lane on the cores, and names each audit process's share, so that those audits do not
// each start helpers for cores the other lanes keep busy.

/** Set by a batch on its audit processes: the cores each of their audits may use. */
export const AUDIT_CORES_ENV = "REPRO_AUDIT_CORES";

/** The cores one audit may use: the share it is given (a positive whole number), never more than the machine's. */
export function auditCores(share: string | undefined, machine: number): number {
  const cores = Math.max(1, machine);
  return share !== undefined && /^[1-9]\d*$/.test(share) ? Math.min(Number(share), cores) : cores;
}
