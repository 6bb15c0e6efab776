// The batch's lanes beyond its audit processes: they clone (or fetch) the next teams' URLs into the cache while
// the audits run, so an audit finds its clone made and fetches no more. I/O only: git, under the clone's lock
// and the same settings as an audit's, each clone within the per-audit time limit.
import { classifyInput } from "../clone/input.js";
import { runPool } from "./pool.js";

export interface CloneAheadOptions {
  /** The clone cache the audits use (their --cache-dir). */
  cacheDir?: string;
  /** Each clone's limit: the per-audit timeout. */
  timeoutMs: number;
  /** The batch's stop (Ctrl-C) or the audits' end: a clone under way is stopped and its temp folder removed. */
  signal: AbortSignal;
}

/** Clone ahead the URLs among `repos`, in order, on `lanes` lanes, skipping those an audit has taken; `cloned`
 * hears of each one brought up to date, whose audit then need not fetch it again. */
export async function cloneAhead(
  repos: readonly string[],
  lanes: number,
  taken: (index: number) => boolean,
  cloned: (index: number) => void,
  options: CloneAheadOptions,
): Promise<void> {
  const urls = repos.map((repo) => {
    const input = classifyInput(repo);
    return input.kind === "url" ? input.url : null;
  });
  if (lanes < 1 || urls.every((url) => url === null)) return;
  // Loaded only here: a batch of local folders needs neither simple-git nor the clone code.
  const [{ ensureClone }, { withCloneLock }, { cacheDirFor }] = await Promise.all([
    import("../clone/remote.js"),
    import("../clone/clone-lock.js"),
    import("../clone/input.js"),
  ]);
  await runPool(
    urls,
    lanes,
    async (url, index) => {
      if (url === null || taken(index)) return;
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), options.timeoutMs);
      const onStop = () => stop.abort();
      options.signal.addEventListener("abort", onStop, { once: true });
      try {
        await withCloneLock(cacheDirFor(url, options.cacheDir), () => ensureClone(url, options.cacheDir, stop.signal));
        cloned(index);
      } catch {
        // The audit meets the same failure and reports it in its row.
      } finally {
        clearTimeout(timer);
        options.signal.removeEventListener("abort", onStop);
      }
    },
    options.signal,
  );
}
