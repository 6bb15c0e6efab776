// simple-git and long git commands (clone, fetch) with the safe settings of git-settings.ts.
import { simpleGit, type SimpleGit } from "simple-git";
import { SAFE_CONFIG, gitEnv, safeArgs } from "./git-settings.js";

export { gitEnv, safeArgs } from "./git-settings.js";

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
    allowEnvironment: [
      "GIT_TERMINAL_PROMPT",
      "GIT_ASKPASS",
      "GIT_SSH_COMMAND",
      "GIT_LFS_SKIP_SMUDGE",
      "GIT_NO_LAZY_FETCH",
    ],
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
export async function runGitGroup(
  cwd: string,
  args: readonly string[],
  signal?: AbortSignal,
  silentMs = 120_000,
): Promise<string> {
  const { execa } = await import("execa");
  const child = execa("git", safeArgs(args), {
    cwd,
    env: gitEnv(),
    extendEnv: false,
    detached: true,
    stdin: "ignore",
    reject: false,
  });
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
