// Starting the training command: the sealed container's engine arguments (pure), and the opt-in host process.
import { execa, type ResultPromise } from "execa";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packagePath } from "../io/package.js";
import { SOCKET_NAME } from "./events-channel.js";
import { endGroup, guardGroup } from "./process-group.js";

/** After the group is ended, how long to wait for its leader to be reaped. */
const REAP_WAIT_MS = 2000;

/** Where things appear inside the container: the repo's writable copy (a sized tmpfs), the read-only sources. */
export const CONTAINER_REPO = "/repo";
const CONTAINER_SOURCE = "/opt/repro-audit/source";
const CONTAINER_HOOK = "/opt/repro-audit/hook";
const CONTAINER_CHANNEL = "/opt/repro-audit/channel";
/** The uid the training runs as; it owns nothing on the host. */
const CONTAINER_USER = "1000:1000";

export interface Limits {
  memory: string;
  cpus: number;
  pids: number;
  /** Size of the writable repo copy (a tmpfs, so it also counts against `memory`). */
  disk?: string;
  /** Size of /tmp, which is also HOME. */
  tmp?: string;
}

export const DEFAULT_LIMITS: Required<Limits> = { memory: "8g", cpus: 2, pids: 1024, disk: "4g", tmp: "1g" };

/** The hook folder: beside this module (src/ or a dist that copied it), else the package's src/measure/hook. */
export function hookDir(): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), "hook");
  if (existsSync(join(here, "sitecustomize.py"))) return here;
  return packagePath("src", "measure", "hook");
}

/** Idle milliseconds the hook waits after its stop event: at least two fast sampler reads land at the measured end. */
const STOP_GRACE_MS = 300;

function hookEnv(
  socketPath: string,
  hookPath: string,
  measureEpochs: number,
  batches: number | undefined,
): Record<string, string> {
  return {
    PYTHONPATH: hookPath,
    PYTHONUNBUFFERED: "1",
    REPRO_AUDIT_EVENTS_SOCKET: socketPath,
    REPRO_AUDIT_MEASURE_EPOCHS: String(measureEpochs),
    REPRO_AUDIT_STOP_GRACE_MS: String(STOP_GRACE_MS),
    ...(batches ? { REPRO_AUDIT_BATCHES: String(batches) } : {}),
  };
}

export interface ContainerRun {
  name: string;
  cidFile: string;
  image: string;
  /** Host folders mounted read-only: the repo's copy, the hook, the folder holding the events socket. */
  sourceDir: string;
  hookDir: string;
  channelDir: string;
  command: string;
  data: Array<{ host: string; container: string }>;
  limits: Limits;
  gpus: boolean;
  measureEpochs: number;
  batches?: number;
}

/** Copies the read-only sources into the sized tmpfs, then runs the command there as its only argument ($1). */
const ENTRY = `cp -R ${CONTAINER_SOURCE}/. ${CONTAINER_REPO}/ && cd ${CONTAINER_REPO} && exec sh -c "$1"`;

/**
 * `docker|podman run` arguments: no network, uid 1000, every capability dropped, no new privileges, a read-only root
 * with sized tmpfs for the repo copy and /tmp, memory/CPU/PID limits, sources and data read-only. No --rm: the
 * container is inspected (out of memory?) and removed by name afterwards.
 */
export function containerRunArgs(r: ContainerRun): string[] {
  const limits = { ...DEFAULT_LIMITS, ...r.limits };
  const env = {
    ...hookEnv(`${CONTAINER_CHANNEL}/${SOCKET_NAME}`, CONTAINER_HOOK, r.measureEpochs, r.batches),
    HOME: "/tmp",
  };
  return [
    "run",
    "--name",
    r.name,
    "--cidfile",
    r.cidFile,
    "--label",
    `repro-audit.run=${r.name}`,
    "--network",
    "none",
    "--user",
    CONTAINER_USER,
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    "--read-only",
    "--tmpfs",
    `${CONTAINER_REPO}:rw,exec,size=${limits.disk},mode=1777`,
    "--tmpfs",
    `/tmp:rw,exec,size=${limits.tmp},mode=1777`,
    "--memory",
    limits.memory,
    "--memory-swap",
    limits.memory,
    "--cpus",
    String(limits.cpus),
    "--pids-limit",
    String(limits.pids),
    ...(r.gpus ? ["--gpus", "all"] : []),
    "-v",
    `${r.sourceDir}:${CONTAINER_SOURCE}:ro`,
    "-v",
    `${r.hookDir}:${CONTAINER_HOOK}:ro`,
    "-v",
    `${r.channelDir}:${CONTAINER_CHANNEL}:ro`,
    ...r.data.flatMap((d) => ["-v", `${d.host}:${d.container}:ro`]),
    ...Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
    "--entrypoint",
    "sh",
    r.image,
    "-c",
    ENTRY,
    "repro-audit",
    r.command,
  ];
}

export interface Launched {
  child: ResultPromise;
  /** Ends the run now (the measured part is done, a timeout, an abort). */
  kill(): Promise<void>;
  pid: number | undefined;
}

/** Host runtime (opt-in): the same command in the repo copy, in its own process group so it can all be ended; the
 * hook from the run's own copy (Python writes its bytecode beside it, never into the package). Until `kill` has
 * ended the group, an interrupt or the exit of this process ends it too: no training outlives the audit. */
export function launchHost(r: {
  repoCopy: string;
  hookDir: string;
  socketPath: string;
  command: string;
  measureEpochs: number;
  batches?: number;
  python?: string;
}): Launched {
  const env = hookEnv(r.socketPath, r.hookDir, r.measureEpochs, r.batches);
  // A python outside PATH (a venv) can be named; its folder goes first on PATH.
  const path = r.python ? `${dirname(r.python)}:${process.env.PATH ?? ""}` : process.env.PATH;
  const child = execa("sh", ["-c", r.command], {
    cwd: r.repoCopy,
    env: { ...env, PATH: path },
    extendEnv: true,
    reject: false,
    buffer: false,
    stdin: "ignore",
    all: true,
    detached: true,
  });
  const pgid = child.pid;
  const unguard = pgid ? guardGroup(pgid) : () => undefined;
  return {
    child,
    pid: pgid,
    async kill() {
      if (!pgid) return;
      // The whole group, what its leader left running included: TERM, then KILL after the grace.
      await endGroup(pgid);
      unguard();
      // The leader may be gone but not yet reaped (a zombie): wait for its exit, bounded, since a member that left
      // the group could still hold its output open.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        child.then(() => undefined).catch(() => undefined),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, REAP_WAIT_MS))),
      ]);
      clearTimeout(timer);
    },
  };
}
