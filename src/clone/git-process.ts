// One program run through node's child_process: its exit, its output as bytes, stopped on a signal, on
// long silence or on too much output. The clone stage starts git through it: no process library to load.
import { spawn } from "node:child_process";

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  /** Written to stdin, then stdin closed; stdin is /dev/null without it. */
  input?: string;
  /** Stops the program (SIGTERM) and rejects. */
  signal?: AbortSignal;
  /** Stops the program when it prints nothing for this long. */
  silentMs?: number;
  /** Stops the program and rejects when stdout grows past this (default 64 MiB). */
  maxBuffer?: number;
  /** Its own process group, stopped as a whole (git hands transfers to helpers that hold pipes open). */
  group?: boolean;
}

/** Runs `file` with `args`; resolves whatever its exit, rejects only when it could not start or was stopped. */
export function runProcess(file: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      detached: options.group === true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let stoppedBecause: string | null = null;
    const limit = options.maxBuffer ?? 64 * 1024 * 1024;
    const stop = (why: string) => {
      stoppedBecause ??= why;
      try {
        if (options.group && child.pid) process.kill(-child.pid, "SIGTERM");
        else child.kill("SIGTERM");
      } catch {
        // already gone
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const awake = () => {
      if (options.silentMs === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => stop(`${file} printed nothing for ${options.silentMs} ms`), options.silentMs);
    };
    awake();
    const onAbort = () => stop(`${file} was stopped`);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    child.stdout!.on("data", (chunk: Buffer) => {
      awake();
      outBytes += chunk.length;
      if (outBytes > limit) {
        // Reading no more: a writer that outlives the signal (a shell's child) meets a closed pipe.
        child.stdout!.destroy();
        return stop(`${file} printed more than ${limit} bytes`);
      }
      out.push(chunk);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      awake();
      err.push(chunk);
    });
    if (child.stdin) {
      // A program that exits before reading all its input closes the pipe: that is its answer, not ours to fail on.
      child.stdin.on("error", () => undefined);
      child.stdin.end(options.input);
    }
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (error) => {
      done();
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      done();
      const stderr = Buffer.concat(err).toString("utf8");
      if (stoppedBecause) return reject(new Error(`${stoppedBecause}${stderr.trim() ? `: ${stderr.trim()}` : ""}`));
      resolve({ exitCode, signal, stdout: Buffer.concat(out), stderr });
    });
  });
}
