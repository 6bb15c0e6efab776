// One place that says how git runs on untrusted repos: no hooks, no prompts, no ext transport, no LFS downloads.
import { simpleGit, type SimpleGit } from "simple-git";

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

/** The same settings as plain argv, for git calls made without simple-git (streaming `cat-file --batch`). */
export function safeArgs(args: readonly string[]): string[] {
  return [...SAFE_CONFIG.flatMap((setting) => ["-c", setting]), ...args];
}

/**
 * simple-git bound to `baseDir` with the safe settings. simple-git's `unsafe` guard refuses `-c` keys and
 * variables that can run programs (core.hooksPath, core.fsmonitor, protocol.*.allow, GIT_ASKPASS,
 * GIT_SSH_COMMAND) because a caller could point them at something harmful; here they are constants that
 * switch those programs off, so exactly those categories are allowed and nothing else.
 */
export function safeGit(baseDir: string, blockMs = 120_000, signal?: AbortSignal): SimpleGit {
  return simpleGit({
    baseDir,
    // An interrupted audit stops its git at once (SIGTERM: git removes its own lock files as it goes).
    ...(signal ? { abort: signal } : {}),
    config: [...SAFE_CONFIG],
    timeout: { block: blockMs },
    maxConcurrentProcesses: 4,
    allowEnvironment: ["GIT_TERMINAL_PROMPT", "GIT_ASKPASS", "GIT_SSH_COMMAND", "GIT_LFS_SKIP_SMUDGE", "GIT_NO_LAZY_FETCH"],
    unsafe: {
      allowUnsafeHooksPath: true,
      allowUnsafeFsMonitor: true,
      allowUnsafeProtocolOverride: true,
      allowUnsafeAskPass: true,
      allowUnsafeSshCommand: true,
    },
  }).env(gitEnv());
}

/**
 * A long git command (clone, fetch) in its own process group, so that stopping it stops all of it: git
 * hands a transfer to helpers (upload-pack, index-pack) that would otherwise hold the pipes open for
 * seconds after git itself is gone. Stopped by `signal` (SIGTERM to the group: git removes its lock files)
 * or after `silentMs` without output. Rejects with git's stderr as the message.
 */
export async function runGitGroup(cwd: string, args: readonly string[], signal?: AbortSignal, silentMs = 120_000): Promise<string> {
  const { execa } = await import("execa");
  const child = execa("git", safeArgs(args), { cwd, env: gitEnv(), extendEnv: false, detached: true, stdin: "ignore", reject: false });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  let timer = setTimeout(stop, silentMs);
  const awake = () => {
    clearTimeout(timer);
    timer = setTimeout(stop, silentMs);
  };
  child.stdout?.on("data", awake);
  child.stderr?.on("data", awake);
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  try {
    const result = await child;
    if (result.exitCode !== 0) throw new Error(String(result.stderr || result.message));
    return String(result.stdout);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
}
