// Ending a process group for good (TERM, a short grace, then KILL, until none of it is left), and a guard that does
// so when this process is interrupted or exits while the group still runs.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Between TERM and KILL: time for a training to unwind, short enough that an interrupt still feels immediate. */
const GRACE_MS = 2000;
/** After KILL, how long to wait for the kernel to take the members away. */
const KILL_WAIT_MS = 2000;
const POLL_MS = 20;
const HAS_PROC = existsSync("/proc/self/stat");

/** Whether a member of the group still runs. /proc tells a zombie (exited, its parent not yet told) from a live
 * process; without it, whether a signal still reaches the group. */
function groupAlive(pgid: number): boolean {
  if (!HAS_PROC) return signalGroup(pgid, 0);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z" && state !== "X") return true;
    } catch {
      // it ended while we looked
    }
  }
  return false;
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // none of it left
  }
}

/** TERM to the whole group; KILL to what is left after `graceMs`; returns once none of it runs (or KILL's wait is
 * over). */
export async function endGroup(pgid: number, graceMs = GRACE_MS): Promise<void> {
  const goneWithin = async (ms: number) => {
    for (const deadline = Date.now() + ms; groupAlive(pgid); await sleep(POLL_MS))
      if (Date.now() > deadline) return false;
    return true;
  };
  if (!signalGroup(pgid, "SIGTERM") || (await goneWithin(graceMs))) return;
  signalGroup(pgid, "SIGKILL");
  await goneWithin(KILL_WAIT_MS);
}

/** The same without the event loop: for a signal or exit listener, where nothing awaited would ever run. */
function endGroupSync(pgid: number, graceMs = GRACE_MS): void {
  const goneWithin = (ms: number) => {
    for (const deadline = Date.now() + ms; groupAlive(pgid); sleepSync(POLL_MS))
      if (Date.now() > deadline) return false;
    return true;
  };
  if (!signalGroup(pgid, "SIGTERM") || goneWithin(graceMs)) return;
  signalGroup(pgid, "SIGKILL");
  goneWithin(KILL_WAIT_MS);
}

const INTERRUPTS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * While installed, SIGINT, SIGTERM or SIGHUP to this process, or its exit for any reason (`process.exit`, an
 * uncaught error), ends the group first. The listener is prepended, so the group is gone before the program's own
 * handler runs; where the program has none, the signal is raised again, so it still ends this process as it would
 * have without the guard. Returns the uninstall (safe to call more than once).
 */
export function guardGroup(pgid: number, graceMs = GRACE_MS): () => void {
  const onExit = () => endGroupSync(pgid, graceMs);
  const onSignal = (signal: NodeJS.Signals) => {
    uninstall();
    endGroupSync(pgid, graceMs);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const uninstall = () => {
    for (const signal of INTERRUPTS) process.removeListener(signal, onSignal);
    process.removeListener("exit", onExit);
  };
  for (const signal of INTERRUPTS) process.prependListener(signal, onSignal);
  process.on("exit", onExit);
  return uninstall;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);
