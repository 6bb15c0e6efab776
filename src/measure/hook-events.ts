// The hook's events as boundaries, and whether to believe them: each line checked against the host's clock (when it
// arrived, when the run lived) and against the CPU time a process can have used (pure).
import type { BoundaryEvent } from "./boundaries.js";
import type { HookLine } from "./events-channel.js";
import { hookLines, num } from "./hook-lines.js";

const KINDS = new Set(["epoch_start", "epoch_end", "batch_end", "stop"]);

/** Boundary events from hook records, on the run's clock; a "reset" drops what came before (a validation loader). */
export function hookEvents(records: ReadonlyArray<Record<string, unknown>>, runStartUnix: number): BoundaryEvent[] {
  const out: BoundaryEvent[] = [];
  for (const raw of records) {
    const t = num(raw.t);
    const kind = raw.event;
    if (kind === "reset") out.length = 0;
    if (t === null || typeof kind !== "string" || !KINDS.has(kind)) continue;
    out.push({
      t: t - runStartUnix,
      kind: kind as BoundaryEvent["kind"],
      epoch: num(raw.epoch),
      batch: num(raw.batch),
      batchesPerEpoch: num(raw.batches_per_epoch),
      totalEpochs: num(raw.total_epochs),
    });
  }
  return out.sort((a, b) => a.t - b.t);
}

/** The hook's JSON lines from a file (scripts/gpu-check.sh writes one), bad lines skipped. */
export function parseHookEvents(text: string, runStartUnix: number): BoundaryEvent[] {
  return hookEvents(hookLines(text), runStartUnix);
}

export interface HostClock {
  /** Unix seconds the host launched the run and saw it end. */
  launchUnix: number;
  exitUnix: number;
  /** CPUs the run may use (the container's --cpus, or this machine's). */
  cpus: number;
  /** Seconds the host itself was held up while reading (its event loop's longest stall): added to the allowed lag. */
  stallSeconds?: number;
}

/** A line may reach the host this long after it was stamped (a loaded host's event loop), and never before. */
export const MAX_ARRIVAL_LAG = 1.5;
const EARLY_SLACK = 0.25;
const MAX_COUNT = 1e9;
/** CPU seconds a process may show beyond the wall time since launch x CPUs (clock granularity, interpreter start). */
const CPU_SLACK = 0.5;

const fmt = (s: number) => `${Math.abs(s) < 1e6 ? s.toFixed(2) : s.toExponential(2)} s`;

/** What is wrong with one line, or null. `last`: the previous line's time on the same connection. */
function lineProblem(line: HookLine, clock: HostClock, lastT: number | undefined): string | null {
  const r = line.record;
  const kind = typeof r.event === "string" ? r.event.slice(0, 20) : "event";
  if (typeof r.t !== "number" || !Number.isFinite(r.t)) return `a ${kind} line without a time`;
  const lag = line.arrived - r.t;
  if (lag > MAX_ARRIVAL_LAG + (clock.stallSeconds ?? 0))
    return `a ${kind} stamped ${fmt(lag)} before it reached the host`;
  if (lag < -EARLY_SLACK) return `a ${kind} stamped ${fmt(-lag)} after it reached the host`;
  if (r.t < clock.launchUnix - EARLY_SLACK)
    return `a ${kind} stamped ${fmt(clock.launchUnix - r.t)} before the run was launched`;
  if (r.t > clock.exitUnix + MAX_ARRIVAL_LAG)
    return `a ${kind} stamped ${fmt(r.t - clock.exitUnix)} after the run ended`;
  if (lastT !== undefined && r.t < lastT - 0.05) return `timestamps going back ${fmt(lastT - r.t)} on one connection`;
  for (const field of ["epoch", "batch", "batches_per_epoch", "total_epochs"]) {
    const v = r[field];
    if (v !== undefined && v !== null && !(typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT))
      return `a ${kind} whose ${field} is not a count`;
  }
  return null;
}

/**
 * CPU seconds per process must not go back, nor exceed what every CPU could have given since the launch (a bound that
 * holds for reaped children too: their time lands at once in the parent's count, but they ran after the launch).
 */
function cpuProblems(lines: readonly HookLine[], clock: HostClock): string[] {
  const last = new Map<number, number>();
  for (const { record: r } of lines) {
    const t = num(r.t);
    const cpu = num(r.cpu);
    const pid = num(r.pid);
    if (t === null || cpu === null || pid === null) continue;
    const since = Math.max(0, t - clock.launchUnix);
    if (cpu > since * clock.cpus + CPU_SLACK)
      return [`${fmt(cpu)} of CPU time ${fmt(since)} after the launch on ${clock.cpus} CPU(s)`];
    const prev = last.get(pid);
    if (prev !== undefined && cpu < prev - 0.01) return [`a process's CPU time going back ${fmt(prev - cpu)}`];
    last.set(pid, cpu);
  }
  return [];
}

export interface HookVerdict {
  /** Empty: every line agreed with the host. Else what did not, first problems first. */
  problems: string[];
  records: Array<Record<string, unknown>>;
}

/** Checks every line; the verdict keeps the records in arrival order for the events and the CPU clock. */
export function checkHookLines(lines: readonly HookLine[], clock: HostClock): HookVerdict {
  const problems: string[] = [];
  const lastByConn = new Map<number, number>();
  let bad = 0;
  for (const line of lines) {
    const problem = lineProblem(line, clock, lastByConn.get(line.conn));
    if (problem) {
      bad += 1;
      if (problems.length < 3) problems.push(problem);
    }
    if (typeof line.record.t === "number" && Number.isFinite(line.record.t))
      lastByConn.set(line.conn, Math.max(lastByConn.get(line.conn) ?? -Infinity, line.record.t));
  }
  if (bad > problems.length) problems.push(`${bad - problems.length} more line(s) like these`);
  if (problems.length === 0) problems.push(...cpuProblems(lines, clock));
  return { problems, records: lines.map((l) => l.record) };
}

/** One sentence for the report and the fact. */
export function distrustText(problems: readonly string[]): string {
  return problems.join("; ");
}
