// One audit at a time on a URL's cache clone: a lock file beside it (works across processes and within one).
// A lock whose holder has died is taken over; one held too long is an internal failure, never bad input.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { hostname } from "node:os";
import { internalError } from "../model/errors.js";

/** How long an audit waits for another one's clone or fetch before giving up. */
const CLONE_LOCK_WAIT_MS = 15 * 60 * 1000;
const POLL_MS = 100;

interface Holder {
  pid: number;
  host: string;
}

function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holderOf(lock: string): Promise<Holder | null> {
  try {
    const parsed = JSON.parse(await readFile(lock, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string"
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

/** The lock file of a clone folder. */
export const lockFileOf = (cloneDir: string) => `${cloneDir}.lock`;

/** Run `work` holding the clone's lock; the lock is released however `work` ends. */
export async function withCloneLock<T>(
  cloneDir: string,
  work: () => Promise<T>,
  waitMs = CLONE_LOCK_WAIT_MS,
): Promise<T> {
  const lock = lockFileOf(cloneDir);
  const deadline = Date.now() + waitMs;
  let unreadableSince: number | null = null;
  await mkdir(dirname(lock), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lock, "wx", 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await holderOf(lock);
    // A lock file without a readable holder is one being written; after a while it is an abandoned one.
    if (holder === null) unreadableSince ??= Date.now();
    else unreadableSince = null;
    const abandoned = holder ? !alive(holder) : Date.now() - (unreadableSince ?? Date.now()) > 5_000;
    if (abandoned) {
      // Read again just before removing: another waiter may have replaced the dead holder's lock meanwhile.
      const again = await holderOf(lock);
      if (again?.pid === holder?.pid && again?.host === holder?.host) await rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw internalError(
        `another audit has held the cache clone ${cloneDir} for over ${Math.round(waitMs / 60000)} min`,
        `Wait for it to finish, or remove ${lock} if no audit is running`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
