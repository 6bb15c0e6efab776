// A process that runs a batch's audits one after another (audit-child-main.js), each under a time limit:
// past it, or when the batch is stopped, the process gets SIGTERM (its stages remove their containers) and
// its whole process group SIGKILL after a grace period; the next audit gets a fresh process.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AuditOptions } from "../pipeline.js";
import type { Report } from "../model/report.js";
import type { ErrorCode } from "../model/errors.js";
import { AuditError } from "../model/errors.js";
import { PACKAGE_ROOT } from "../io/package.js";

/** What can cross to the process: the audit's options without the progress callbacks and the signal. */
export type ChildAuditOptions = Omit<AuditOptions, "progress" | "signal">;
export interface ChildRequest {
  id: number;
  options: ChildAuditOptions;
}
export type ChildMessage =
  | { id: number; kind: "report"; report: Report; maxRssKB: number }
  | { id: number; kind: "error"; code: ErrorCode; line: string; maxRssKB: number };

export type ChildOutcome =
  | { kind: "report"; report: Report; maxRssKB: number }
  | { kind: "error"; code: ErrorCode; line: string; maxRssKB: number }
  | { kind: "timeout"; seconds: number }
  | { kind: "interrupted" }
  | { kind: "crashed"; line: string };

export interface ChildLimits {
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL of the process group. */
  graceMs: number;
  signal?: AbortSignal;
}

/** The compiled entry: next to this module in dist/, or dist/'s when running from the TypeScript sources. */
export function childEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = here.endsWith(".js") ? join(here, "..", "audit-child-main.js") : join(PACKAGE_ROOT, "dist", "src", "batch", "audit-child-main.js");
  if (!existsSync(entry)) throw new AuditError("INTERNAL", `the batch's audit process ${entry} is missing`, "Build first: npm run build");
  return entry;
}

const STDERR_TAIL = 2000;

export class AuditWorker {
  private child: ChildProcess | null = null;
  private stderr = "";
  private nextId = 1;

  /** Run one audit; the worker stays up for the next unless this one was stopped or crashed. */
  run(options: ChildAuditOptions, limits: ChildLimits): Promise<ChildOutcome> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      let stopped: "timeout" | "interrupted" | null = null;
      let killTimer: NodeJS.Timeout | undefined;
      const began = Date.now();
      const settle = (outcome: ChildOutcome) => {
        clearTimeout(timer);
        limits.signal?.removeEventListener("abort", onAbort);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(outcome);
      };
      const stop = (why: "timeout" | "interrupted") => {
        if (stopped) return;
        stopped = why;
        child.kill("SIGTERM");
        killTimer = setTimeout(() => killGroup(child), limits.graceMs);
      };
      const onAbort = () => stop("interrupted");
      const onMessage = (m: ChildMessage) => {
        if (m.id !== id) return;
        if (stopped) return; // the process is on its way out; its exit settles this audit
        settle(m.kind === "report" ? { kind: "report", report: m.report, maxRssKB: m.maxRssKB } : m.code === "INTERRUPTED" ? { kind: "interrupted" } : { kind: "error", code: m.code, line: m.line, maxRssKB: m.maxRssKB });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(killTimer);
        killGroup(child);
        this.child = null;
        if (stopped === "timeout") return settle({ kind: "timeout", seconds: Math.round((Date.now() - began) / 1000) });
        if (stopped === "interrupted") return settle({ kind: "interrupted" });
        const last = this.stderr.trim().split("\n").pop() ?? "";
        settle({ kind: "crashed", line: `the audit process ended (${signal ?? `exit ${code}`}) without a report${last ? `: ${last.slice(0, 300)}` : ""}` });
      };
      const timer = setTimeout(() => stop("timeout"), limits.timeoutMs);
      if (limits.signal?.aborted) stop("interrupted");
      limits.signal?.addEventListener("abort", onAbort, { once: true });
      child.on("message", onMessage);
      child.on("exit", onExit);
      if (!stopped) child.send({ id, options } satisfies ChildRequest);
    });
  }

  /** Let the process end (it exits once its IPC channel closes) and take anything it left with its group. */
  close(): void {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.once("exit", () => killGroup(child));
    if (child.connected) child.disconnect();
  }

  private start(): ChildProcess {
    // detached: a process group of its own, so a stopped audit's git and engine commands go with it.
    const child = fork(childEntry(), [], { detached: true, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL)));
    child.on("error", () => {}); // a failed spawn ends in "exit", which reports it
    this.child = child;
    return child;
  }
}

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}
