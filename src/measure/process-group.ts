// Ending a process group for good (TERM, a short grace, then KILL, until none of it is left), and a guard that does
// so when this process is interrupted or exits while the group still runs.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Between TERM and KILL: time for a training to unwind, short enough that an interrupt still feels immediate. */
const GRACE_MS = 2000;
/** After KILL, how long to wait for the kernel to take the members away. */
const KILL_WAIT_MS = 2000;
const POLL_MS = 20;
/** After the followers are gone, how long the leader (a shell that waited for them) has to exit on its own. */
const LEADER_WAIT_MS = 300;
const HAS_PROC = existsSync("/proc/self/stat");

/** Whether a member of the group still runs. /proc tells a zombie (exited, its parent not yet told) from a live
 * process; without it, whether a signal still reaches the group. */
function groupAlive(pgid: number): boolean {
  if (!HAS_PROC) return signalGroup(pgid, 0);
  return liveMembers(pgid).length > 0;
}

/** The group's live members, by /proc (none where there is no /proc). */
function liveMembers(pgid: number): number[] {
  if (!HAS_PROC) return [];
  const live: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z" && state !== "X") live.push(Number(entry));
    } catch {
      // it ended while we looked
    }
  }
  return live;
}

/** TERM to the members other than the leader: the leader (a shell waiting for them) then reaps them and exits on
 * its own, so none is orphaned to init and left a zombie there. Returns whether there were any. */
function termFollowers(pgid: number): boolean {
  const followers = liveMembers(pgid).filter((pid) => pid !== pgid);
  for (const pid of followers) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // gone already
    }
  }
  return followers.length > 0;
}

const followersGone = (pgid: number) => liveMembers(pgid).every((pid) => pid === pgid);

/** TERM to the leader alone; true while some of the group still runs (the leader may be gone before its followers). */
function signalLeader(pgid: number): boolean {
  try {
    process.kill(pgid, "SIGTERM");
  } catch {
    // the leader is gone; its followers may not be
  }
  return groupAlive(pgid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // none of it left
  }
}

/** TERM to the group's followers, then to its leader (to the whole group at once where /proc lists none); KILL to
 * what is left after `graceMs`; returns once none of it runs (or KILL's wait is over). */
export async function endGroup(pgid: number, graceMs = GRACE_MS): Promise<void> {
  const until = Date.now() + graceMs;
  const goneWithin = async (ms: number) => {
    for (const deadline = Date.now() + ms; groupAlive(pgid); await sleep(POLL_MS))
      if (Date.now() > deadline) return false;
    return true;
  };
  // The followers first, within the same grace; then the leader.
  if (termFollowers(pgid)) {
    // At most half the grace for them: a leader that must be told too gets the rest.
    const half = Date.now() + graceMs / 2;
    while (!followersGone(pgid) && Date.now() < half) await sleep(POLL_MS);
    if (await goneWithin(Math.min(LEADER_WAIT_MS, Math.max(0, until - Date.now())))) return;
    // The followers had their TERM: now the leader's, once each.
    if (!signalLeader(pgid) || (await goneWithin(Math.max(0, until - Date.now())))) return;
  } else if (!signalGroup(pgid, "SIGTERM") || (await goneWithin(graceMs))) return;
  signalGroup(pgid, "SIGKILL");
  await goneWithin(KILL_WAIT_MS);
}

/** The same without the event loop: for a signal or exit listener, where nothing awaited would ever run. */
function endGroupSync(pgid: number, graceMs = GRACE_MS): void {
  const until = Date.now() + graceMs;
  const goneWithin = (ms: number) => {
    for (const deadline = Date.now() + ms; groupAlive(pgid); sleepSync(POLL_MS))
      if (Date.now() > deadline) return false;
    return true;
  };
  if (termFollowers(pgid)) {
    const half = Date.now() + graceMs / 2;
    while (!followersGone(pgid) && Date.now() < half) sleepSync(POLL_MS);
    if (goneWithin(Math.min(LEADER_WAIT_MS, Math.max(0, until - Date.now())))) return;
    if (!signalLeader(pgid) || goneWithin(Math.max(0, until - Date.now()))) return;
  } else if (!signalGroup(pgid, "SIGTERM") || goneWithin(graceMs)) return;
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
