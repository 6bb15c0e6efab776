// How many audit processes a batch starts, and how many audits each of them runs at once.

export interface AuditProcesses {
  /** Audit processes, long-lived: each pays Node's start-up and JIT warm-up once, then serves audits in turn. */
  processes: number;
  /** Audits one process runs at once. */
  perProcess: number;
  /** Cores each running audit may use for its own helper threads (the Python index's pool): the cores over the
   * audits running at once, so that N lanes on N cores do not also start a pool per audit. */
  coresEach: number;
}

/**
 * At most one process per core: a process more than the cores only adds a cold start-up (about twice a warm
 * audit's CPU) on cores with none to spare. Audits that only read (`--stages static`) spend their time on
 * their process's one thread, so each process runs one at a time and takes the next as it ends: no process
 * is left holding two audits while a core idles at the batch's end. Audits that build or run wait on the
 * engine, so the lanes share the processes. `forced` (REPRO_AUDIT_BATCH_PROCESSES, for tests and measuring)
 * sets the number, still at most one per lane, the lanes spread over them.
 */
export function auditProcesses(concurrency: number, cores: number, readOnly: boolean, forced?: string): AuditProcesses {
  const lanes = Math.max(1, concurrency);
  const machine = Math.max(1, cores);
  // Audits at once: the lanes, or fewer when each process runs one audit at a time.
  const share = (processes: number, perProcess: number) => ({
    processes,
    perProcess,
    coresEach: Math.max(1, Math.floor(machine / Math.min(lanes, processes * perProcess))),
  });
  if (forced !== undefined && /^[1-9]\d*$/.test(forced)) {
    const processes = Math.min(Number(forced), lanes);
    return share(processes, Math.ceil(lanes / processes));
  }
  const processes = Math.min(lanes, machine);
  return share(processes, readOnly ? 1 : Math.ceil(lanes / processes));
}
