// Probe a built image with no network: import every module the code imports, then `pip check`.
import type { FactRecord } from "../model/facts.js";
import type { ImportsFact } from "../model/fact-types.js";
import type { ModuleProbe } from "../model/environment.js";
import { containerName, trackContainer, untrackContainer } from "./containers.js";
import { runContainer, type Engine } from "./engine.js";
import { PROBE_LIMITS } from "./limits.js";
import { parseProbeOutput, probeScript, readPipCheck, type ProbeModule } from "./probe-script.js";
import { importFailureCause } from "./failure.js";

export interface ProbeTarget {
  image: string;
  /** Unprivileged user to run as. */
  user: string;
  /** Keep the image's entrypoint (micromamba's activates the environment); else it is cleared. */
  keepEntrypoint: boolean;
  python: string;
}

export interface ProbeResult {
  ran: boolean;
  reason?: string;
  modules: ModuleProbe[];
  pipCheck: { ok: boolean; output: string } | null;
  records: FactRecord[];
}

/** Sealed: no network, no capabilities, a read-only root with a small tmpfs as the only writable place. */
export const PROBE_RUN_ARGS: readonly string[] = [
  "--network",
  "none",
  "--cap-drop",
  "ALL",
  "--security-opt",
  "no-new-privileges",
  "--memory",
  String(PROBE_LIMITS.memoryBytes),
  "--memory-swap",
  String(PROBE_LIMITS.memoryBytes),
  "--cpus",
  String(PROBE_LIMITS.cpus),
  "--pids-limit",
  String(PROBE_LIMITS.pids),
  "--read-only",
  "--tmpfs",
  `/tmp:rw,nosuid,nodev,size=${PROBE_LIMITS.tmpfsBytes}`,
  "--env",
  "HOME=/tmp",
  "--label",
  "repro-audit.probe=1",
];

async function runIn(engine: Engine, target: ProbeTarget, command: string[], timeoutMs: number, signal?: AbortSignal) {
  const name = containerName();
  trackContainer(name, engine);
  try {
    const runArgs = [...PROBE_RUN_ARGS, "--user", target.user, ...(target.keepEntrypoint ? [] : ["--entrypoint", ""])];
    return await runContainer(engine, {
      name,
      image: target.image,
      runArgs,
      command,
      timeoutMs,
      ...(signal ? { signal } : {}),
    });
  } finally {
    untrackContainer(name);
  }
}

function location({ file, line, cell, cellLine }: ImportsFact): FactRecord {
  const out: FactRecord = {};
  for (const [key, value] of Object.entries({ file, line, cell, cellLine })) if (value !== undefined) out[key] = value;
  return out;
}

export async function probeImage(
  engine: Engine,
  target: ProbeTarget,
  modules: ProbeModule[],
  options: {
    timeoutMs?: number;
    signal?: AbortSignal;
    /** The Python the audit chose because the repo states none ("" when a named base image's own), else null. */
    chosenPython?: string | null;
  } = {},
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? Math.min(600_000, 60_000 + 30_000 * modules.length);
  const signal = options.signal;
  const records: FactRecord[] = [];
  const probed: ModuleProbe[] = [];
  if (modules.length > 0) {
    const run = await runIn(engine, target, [target.python, "-c", probeScript(modules)], timeoutMs, signal);
    const answer = parseProbeOutput(run.stdout);
    if (!answer) {
      const why = run.timedOut
        ? "the import probe ran past its time limit"
        : run.cancelled
          ? "the import probe was interrupted"
          : `the import probe did not answer: ${(run.stderr.trim().split("\n").pop() ?? "").slice(0, 300)}`;
      return { ran: false, reason: why, modules: [], pipCheck: null, records: [] };
    }
    for (const m of modules) {
      const verdict = answer[m.module] ?? { ok: false, error: "not probed" };
      probed.push({
        module: m.module,
        ok: verdict.ok,
        files: m.files,
        ...(verdict.error ? { error: verdict.error } : {}),
      });
      // The fact is the error (null: it imported), never a verdict of its own.
      const error = verdict.ok ? null : (verdict.error ?? "import failed");
      records.push({
        kind: "import",
        module: m.module,
        files: m.files.join(","),
        ...location(m.first),
        error,
        ...(error ? importFailureCause(error, options.chosenPython ?? null) : null),
      });
    }
  }
  const check = await runIn(engine, target, [target.python, "-m", "pip", "check"], 120_000, signal);
  const pipCheck = readPipCheck(check.exitCode, `${check.stdout}\n${check.stderr}`);
  if (pipCheck)
    records.push({
      kind: "pip-check",
      module: "(pip check)",
      error: pipCheck.ok ? null : pipCheck.output.slice(0, 2000) || "pip check failed",
    });
  return { ran: true, modules: probed, pipCheck, records };
}
