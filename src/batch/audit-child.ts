// A process that runs a batch's audits (audit-child-main.js), one or a few at once, each under a time
// limit. A stopped audit alone in its process takes the process with it: SIGTERM (its stages remove their
// containers, its git and engine commands end), then SIGKILL of the process group after a grace period.
// Beside other audits it is aborted on its own, and only if it does not end within the grace period is the
// process killed: the others are then "lost" (not their fault) and the batch runs them again.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AuditOptions } from "../pipeline.js";
import type { Report } from "../model/report.js";
import type { ErrorCode } from "../model/errors.js";
import { AuditError } from "../model/errors.js";
import { PACKAGE_ROOT } from "../io/package.js";

/** What can cross to the process: the audit's options without the callbacks (progress, timings) and the signal. */
export type ChildAuditOptions = Omit<AuditOptions, "progress" | "signal" | "onTiming">;
export type ParentMessage = { type: "audit"; id: number; options: ChildAuditOptions } | { type: "abort"; id: number };
export type ChildMessage =
  | { id: number; kind: "report"; report: Report; maxRssKB: number }
  | { id: number; kind: "error"; code: ErrorCode; line: string; maxRssKB: number };

export type ChildOutcome =
  | { kind: "report"; report: Report; maxRssKB: number }
  | { kind: "error"; code: ErrorCode; line: string; maxRssKB: number }
  | { kind: "timeout"; seconds: number }
  | { kind: "interrupted" }
  | { kind: "crashed"; line: string }
  /** The process was killed for another audit's sake: run this one again. */
  | { kind: "lost" };

export interface ChildLimits {
  timeoutMs: number;
  /** Between stopping an audit and killing its process group. */
  graceMs: number;
  signal?: AbortSignal;
}

/** The compiled entry: next to this module in dist/, or dist/'s when running from the TypeScript sources. */
function childEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = here.endsWith(".js")
    ? join(here, "..", "audit-child-main.js")
    : join(PACKAGE_ROOT, "dist", "src", "batch", "audit-child-main.js");
  if (!existsSync(entry))
    throw new AuditError("INTERNAL", `the batch's audit process ${entry} is missing`, "Build first: npm run build");
  return entry;
}

const STDERR_TAIL = 2000;

interface Pending {
  resolve: (outcome: ChildOutcome) => void;
  stopped: "timeout" | "interrupted" | null;
  began: number;
  cleanup: () => void;
  /** Set while a stopped audit is given its grace period beside others. */
  graceTimer?: NodeJS.Timeout;
}

/** One audit process and the audits it runs. */
interface Proc {
  child: ChildProcess;
  pending: Map<number, Pending>;
  stderr: string;
  killTimer?: NodeJS.Timeout;
  /** Killed because another audit in it would not stop: its other audits are lost, not failed. */
  killedForOther: boolean;
  /** The process's own temp folder (its TMPDIR): what its audits leave there when it dies is removed with it. */
  tmp: string;
  /** Settles once the process has exited and its group and temp folder are gone. */
  gone: Promise<void>;
}

/** Names the process's own temp folder to it, so that it removes the folder as it exits (a batch killed first). */
export const OWN_TMP_ENV = "REPRO_AUDIT_BATCH_PROCESS_TMP";

/** After the batch lets a process go, how long it may take to exit before its group is killed. */
const CLOSE_GRACE_MS = 10_000;

export class AuditWorker {
  private current: Proc | null = null;
  private nextId = 1;

  /** `env`: set on each process it starts, beside this one's environment (the cores its audits may use). */
  constructor(private readonly env: Record<string, string> = {}) {}

  /** Run one audit in this worker's process (started on first use, and afresh after one was stopped or died). */
  run(options: ChildAuditOptions, limits: ChildLimits): Promise<ChildOutcome> {
    // A process that crashed (killed for its memory, say) cannot take audits: a message to it would go nowhere.
    if (this.current && !this.current.child.connected) this.current = null;
    const proc = this.current ?? (this.current = start(this.env));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onAbort = () => this.stop(proc, id, "interrupted", limits.graceMs);
      const timer = setTimeout(() => this.stop(proc, id, "timeout", limits.graceMs), limits.timeoutMs);
      const entry: Pending = { resolve, stopped: null, began: Date.now(), cleanup: () => {} };
      entry.cleanup = () => {
        clearTimeout(timer);
        clearTimeout(entry.graceTimer);
        limits.signal?.removeEventListener("abort", onAbort);
      };
      proc.pending.set(id, entry);
      limits.signal?.addEventListener("abort", onAbort, { once: true });
      proc.child.send({ type: "audit", id, options } satisfies ParentMessage);
      if (limits.signal?.aborted) onAbort();
    });
  }

  /** Let the process end (it exits once its IPC channel closes); resolves once it has, its group and temp
   * folder removed. */
  close(): Promise<void> {
    const proc = this.current;
    this.current = null;
    if (!proc) return Promise.resolve();
    if (proc.child.connected) proc.child.disconnect();
    const timer = setTimeout(() => killGroup(proc.child), CLOSE_GRACE_MS);
    return proc.gone.finally(() => clearTimeout(timer));
  }

  private retire(proc: Proc): void {
    if (this.current === proc) this.current = null;
  }

  private stop(proc: Proc, id: number, why: "timeout" | "interrupted", graceMs: number): void {
    const entry = proc.pending.get(id);
    if (!entry || entry.stopped) return;
    entry.stopped = why;
    const others = [...proc.pending.values()].filter((p) => !p.stopped).length;
    if (others === 0) {
      // Alone (or every audit stopping): the whole process goes, git and engine commands with it.
      this.retire(proc);
      proc.child.kill("SIGTERM");
      proc.killTimer ??= setTimeout(() => killGroup(proc.child), graceMs);
      return;
    }
    proc.child.send({ type: "abort", id } satisfies ParentMessage);
    entry.graceTimer = setTimeout(() => {
      if (!proc.pending.has(id)) return;
      proc.killedForOther = true;
      this.retire(proc);
      killGroup(proc.child);
    }, graceMs);
  }
}

function settle(proc: Proc, id: number, outcome: ChildOutcome): void {
  const entry = proc.pending.get(id);
  if (!entry) return;
  proc.pending.delete(id);
  entry.cleanup();
  entry.resolve(outcome);
}

function stoppedOutcome(entry: Pending): ChildOutcome {
  return entry.stopped === "timeout"
    ? { kind: "timeout", seconds: Math.round((Date.now() - entry.began) / 1000) }
    : { kind: "interrupted" };
}

function start(env: Record<string, string>): Proc {
  // detached: a process group of its own, so a stopped audit's git and engine commands go with it.
  // A temp folder of its own: each audit's folders live in it, so a process that dies mid-audit (killed for
  // its memory, say) leaves nothing behind once the folder is removed.
  const tmp = mkdtempSync(join(tmpdir(), "repro-audit-w-"));
  const child = fork(childEntry(), [], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: { ...process.env, ...env, TMPDIR: tmp, [OWN_TMP_ENV]: tmp },
  });
  let ended = () => {};
  const gone = new Promise<void>((resolve) => (ended = resolve));
  const proc: Proc = { child, pending: new Map(), stderr: "", killedForOther: false, tmp, gone };
  child.stderr!.on(
    "data",
    (chunk: Buffer) => (proc.stderr = (proc.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL)),
  );
  child.on("error", () => {}); // a failed spawn ends in "exit", which reports it
  child.on("message", (m: ChildMessage) => {
    const entry = proc.pending.get(m.id);
    if (!entry) return;
    if (entry.stopped) return settle(proc, m.id, stoppedOutcome(entry));
    settle(
      proc,
      m.id,
      m.kind === "report"
        ? { kind: "report", report: m.report, maxRssKB: m.maxRssKB }
        : m.code === "INTERRUPTED"
          ? { kind: "interrupted" }
          : { kind: "error", code: m.code, line: m.line, maxRssKB: m.maxRssKB },
    );
  });
  child.on("exit", (code, signal) => {
    clearTimeout(proc.killTimer);
    killGroup(child);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    ended();
    const last = proc.stderr.trim().split("\n").pop() ?? "";
    const crashed = `the audit process ended (${signal ?? `exit ${code}`}) without a report${last ? `: ${last.slice(0, 300)}` : ""}`;
    for (const [id, entry] of [...proc.pending]) {
      if (entry.stopped) settle(proc, id, stoppedOutcome(entry));
      else settle(proc, id, proc.killedForOther ? { kind: "lost" } : { kind: "crashed", line: crashed });
    }
  });
  return proc;
}

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}
