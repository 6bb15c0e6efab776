// How git runs on untrusted repos, as plain settings: no hooks, no prompts, no ext transport, no LFS downloads.
// Kept apart from the simple-git wrapper so that the few git calls of a local audit need not load it.

/** `-c` settings for every git call. The repos are untrusted, so anything that could run a program named
 * by the repo (hooks, fsmonitor, the ext:: transport) is switched off, and submodules are never fetched. */
export const SAFE_CONFIG: readonly string[] = [
  "core.hooksPath=/dev/null",
  "core.fsmonitor=false",
  "protocol.ext.allow=never",
  "submodule.recurse=false",
  "fetch.recurseSubmodules=false",
  "advice.detachedHead=false",
  // Audits read the cache clone's objects while another fetches: nothing may prune them meanwhile.
  "gc.auto=0",
  "maintenance.auto=false",
];

/** Variables that name a program git may start (editor, pager, askpass) or move its config; never needed. */
const DROPPED = /^(GIT_.*|EDITOR|VISUAL|PAGER|PREFIX|SSH_ASKPASS)$/i;

/** Environment for git: ambient GIT_* variables removed (a GIT_DIR inherited from a hook would point git
 * at another repo), editors and pagers dropped, prompts off, lazy fetches off (a repo needing credentials fails at once instead of waiting for a
 * person), ssh in batch mode, LFS pointers left as they are (no large downloads). */
export function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !DROPPED.test(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "echo",
    GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o ConnectTimeout=20",
    GIT_LFS_SKIP_SMUDGE: "1",
    // A missing object is an error, never a fetch from a promisor remote (whose upload-pack the repo names).
    GIT_NO_LAZY_FETCH: "1",
  };
}

/** The same settings as plain argv, for git calls made without simple-git (streaming `cat-file --batch`). */
export function safeArgs(args: readonly string[]): string[] {
  return [...SAFE_CONFIG.flatMap((setting) => ["-c", setting]), ...args];
}
