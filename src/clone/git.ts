// One place that says how git runs on untrusted repos: no hooks, no prompts, no ext transport, no LFS downloads.
import { runProcess } from "./git-process.js";

/** `-c` settings for every git call. The repos are untrusted, so anything that could run a program named
 * by the repo (hooks, fsmonitor, the ext:: transport) is switched off, and submodules are never fetched. */
const SAFE_CONFIG: readonly string[] = [
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

/** The safe settings as argv, ahead of a git command's own arguments. */
export function safeArgs(args: readonly string[]): string[] {
  return [...SAFE_CONFIG.flatMap((setting) => ["-c", setting]), ...args];
}

/** A repository's git, every command run with the safe settings and environment. */
export interface SafeGit {
  /** git's stdout; rejects with git's stderr as the message when git exits non-zero. */
  raw(args: readonly string[]): Promise<string>;
}

/** git bound to `baseDir` with the safe settings. A command silent for `blockMs` is stopped, and an
 * interrupted audit stops its git at once (SIGTERM: git removes its own lock files as it goes). */
export function safeGit(baseDir: string, blockMs = 120_000, signal?: AbortSignal): SafeGit {
  return {
    async raw(args) {
      const run = await runProcess("git", safeArgs(args), { cwd: baseDir, env: gitEnv(), silentMs: blockMs, ...(signal ? { signal } : {}) });
      if (run.exitCode !== 0) throw new Error(run.stderr.trim() || `git ${args[0] ?? ""} exited ${run.exitCode ?? run.signal}`);
      return run.stdout.toString("utf8");
    },
  };
}

/**
 * A long git command (clone, fetch) in its own process group, so that stopping it stops all of it: git
 * hands a transfer to helpers (upload-pack, index-pack) that would otherwise hold the pipes open for
 * seconds after git itself is gone. Stopped by `signal` (SIGTERM to the group: git removes its lock files)
 * or after `silentMs` without output. Rejects with git's stderr as the message.
 */
export async function runGitGroup(cwd: string, args: readonly string[], signal?: AbortSignal, silentMs = 120_000): Promise<string> {
  const run = await runProcess("git", safeArgs(args), { cwd, env: gitEnv(), group: true, silentMs, ...(signal ? { signal } : {}) });
  if (run.exitCode !== 0) throw new Error(run.stderr.trim() || `git ${args[0] ?? ""} exited ${run.exitCode ?? run.signal}`);
  return run.stdout.toString("utf8");
}
