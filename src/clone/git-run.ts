// Short git commands through node:child_process with the safe settings: a local audit's few git calls take
// less time than loading execa or simple-git would.
import { spawn } from "node:child_process";
import { gitEnv, safeArgs } from "./git-settings.js";

export interface GitRun {
  exitCode: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Output beyond this is refused (git is stopped) rather than held in memory. */
const DEFAULT_MAX_BUFFER = 64 * 1024 * 1024;

/** `git <argv>` in `cwd` with the safe environment (argv as given: add `safeArgs` for a repo's commands).
 * Resolves with what git printed, whatever its exit code; rejects when git cannot start, prints more than
 * `maxBuffer` bytes or is stopped by `signal`. */
export function runGit(
  cwd: string,
  argv: readonly string[],
  options: { signal?: AbortSignal; maxBuffer?: number; timeoutMs?: number } = {},
): Promise<GitRun> {
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  return new Promise((resolve, reject) => {
    const child = spawn("git", argv, {
      cwd,
      env: gitEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: Error | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBuffer) {
        failure ??= new Error(`git ${argv.join(" ")} printed more than ${maxBuffer} bytes`);
        child.kill();
      } else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      failure ??= error;
      // Never started (no git on PATH): no "close" may follow.
      if (child.pid === undefined) reject(error);
    });
    child.on("close", (exitCode) => {
      if (failure) reject(failure);
      else resolve({ exitCode, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

/** A short git command must not hang an audit: stopped after this long, as simple-git's block timeout did. */
const SHORT_COMMAND_MS = 120_000;

/** A repo's git command with the safe settings, as text; rejects with git's stderr when it fails. */
export async function gitText(cwd: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  const run = await runGit(cwd, safeArgs(args), { timeoutMs: SHORT_COMMAND_MS, ...(signal ? { signal } : {}) });
  if (run.exitCode !== 0)
    throw new Error(run.stderr.trim() || `git ${args[0] ?? ""} exited ${run.exitCode ?? "on a signal"}`);
  return run.stdout.toString("utf8");
}

/** The part of simple-git a local audit uses: `raw(args)` -> stdout, rejecting with stderr. */
export interface GitText {
  raw(args: readonly string[]): Promise<string>;
}

export function gitAt(cwd: string, signal?: AbortSignal): GitText {
  return { raw: (args) => gitText(cwd, args, signal) };
}
