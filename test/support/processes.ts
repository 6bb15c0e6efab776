// Processes as /proc shows them, and a training that beats: for tests that prove no process outlives an audit.
import { readdirSync, readFileSync } from "node:fs";

/** The live (not yet exited) members of a process group; a zombie has exited and only waits to be reaped. */
export function liveMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z" && state !== "X") members.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return members;
}

/** KILL whatever is left of a group: a test's last word, so that nothing survives it even when it fails. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // none left
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done` holds; fails naming `what` only after a bound far beyond a slow machine's worst. */
export async function until(done: () => boolean, what: string, boundMs = 180_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${boundMs / 1000} s`);
    await sleep(100);
  }
}

/** Whether a heartbeat file stands still: read, then read again a second later (the beat comes every 50 ms). */
export async function heartbeatStopped(file: string): Promise<boolean> {
  const before = readFileSync(file, "utf8");
  await sleep(1000);
  return readFileSync(file, "utf8") === before;
}

/**
 * A training that never ends on its own: it writes its process group to `<beat>.pgid`, starts a second Python of
 * its group (beating into `<beat>.child`), then beats into `<beat>` every 50 ms. With `ignore-term` both ignore
 * SIGTERM and note it in `<beat>.term` and `<beat>.child.term`, so only a KILL ends them.
 */
export const HEARTBEAT_TRAINING = `import os, signal, subprocess, sys, time
beat = sys.argv[1]
if "ignore-term" in sys.argv:
    def noted(*_):
        with open(beat + ".term", "a") as f:
            f.write("TERM\\n")
    signal.signal(signal.SIGTERM, noted)
if "child" not in sys.argv:
    subprocess.Popen([sys.executable, sys.argv[0], beat + ".child", "child", *sys.argv[2:]])
    with open(beat + ".pgid.tmp", "w") as f:
        f.write(str(os.getpgrp()))
    os.replace(beat + ".pgid.tmp", beat + ".pgid")
n = 0
while True:
    n += 1
    with open(beat + ".tmp", "w") as f:
        f.write(str(n))
    os.replace(beat + ".tmp", beat)
    time.sleep(0.05)
`;
