// Programs run through node's child_process: exit and output as they were, stopped by a signal, by silence,
// by too much output, and as a whole process group when asked.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProcess } from "../../src/clone/git-process.js";

/** Whether a process is alive (a zombie waiting to be reaped is not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const sh = (script: string, options: Partial<Parameters<typeof runProcess>[2]> = {}) => runProcess("sh", ["-c", script], { cwd: "/", env, ...options });

describe("runProcess", () => {
  it("gives the exit code, stdout as bytes and stderr, whatever the exit", async () => {
    const run = await sh("printf 'a\\0b'; echo oops >&2; exit 3");
    expect(run.exitCode).toBe(3);
    expect([...run.stdout]).toEqual([97, 0, 98]);
    expect(run.stderr).toBe("oops\n");
  });

  it("writes the input to stdin and closes it", async () => {
    const run = await sh("tr a-z A-Z", { input: "one\ntwo\n" });
    expect(run.stdout.toString()).toBe("ONE\nTWO\n");
  });

  it("stops a program that prints nothing for silentMs, saying so", async () => {
    await expect(sh("echo started; exec sleep 30", { silentMs: 300 })).rejects.toThrow("printed nothing for 300 ms");
  });

  it("stops a program whose output passes maxBuffer", async () => {
    await expect(sh("yes", { maxBuffer: 1 << 16 })).rejects.toThrow("printed more than 65536 bytes");
  });

  it("stops at the abort signal, whether it comes before or during the run", async () => {
    const early = new AbortController();
    early.abort();
    await expect(sh("exec sleep 30", { signal: early.signal })).rejects.toThrow("was stopped");
    const late = new AbortController();
    const run = sh("echo go; exec sleep 30", { signal: late.signal });
    setTimeout(() => late.abort(), 200);
    await expect(run).rejects.toThrow("was stopped");
  });

  it("stops the whole group when asked: a child holding the pipe open goes too", async () => {
    const controller = new AbortController();
    const run = sh("sleep 300 & echo \"child $!\" >&2; wait", { group: true, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const error = (await run.catch((e: Error) => e)) as Error;
    expect(error.message).toContain("was stopped");
    const pid = Number(/child (\d+)/.exec(error.message)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(running(pid)).toBe(false);
  });

  it("rejects when the program cannot start", async () => {
    await expect(runProcess("no-such-program-here", [], { cwd: "/", env })).rejects.toThrow(/ENOENT/);
  });
});
