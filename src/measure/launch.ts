// Starting the training command: engine arguments (pure) and the process, in a container or on the host.
import { execa, type ResultPromise } from "execa";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packagePath } from "../io/package.js";

/** Where the repo copy, the hook and the events folder appear inside the container. */
export const CONTAINER_REPO = "/repo";
export const CONTAINER_HOOK = "/opt/repro-audit/hook";
export const CONTAINER_OUT = "/opt/repro-audit/out";
export const EVENTS_FILE = "events.jsonl";

export interface Limits {
  memory: string;
  cpus: number;
  pids: number;
}

export const DEFAULT_LIMITS: Limits = { memory: "8g", cpus: 2, pids: 1024 };

/** The hook folder: beside this module (src/ or a dist that copied it), else the package's src/measure/hook. */
export function hookDir(): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), "hook");
  if (existsSync(join(here, "sitecustomize.py"))) return here;
  return packagePath("src", "measure", "hook");
}

/** Idle milliseconds the hook waits after its stop event: at least two fast sampler reads land at the measured end. */
export const STOP_GRACE_MS = 300;

export function hookEnv(eventsPath: string, hookPath: string, measureEpochs: number, batches: number | undefined): Record<string, string> {
  return {
    PYTHONPATH: hookPath,
    PYTHONUNBUFFERED: "1",
    REPRO_AUDIT_EVENTS: eventsPath,
    REPRO_AUDIT_MEASURE_EPOCHS: String(measureEpochs),
    REPRO_AUDIT_STOP_GRACE_MS: String(STOP_GRACE_MS),
    ...(batches ? { REPRO_AUDIT_BATCHES: String(batches) } : {}),
  };
}

export interface ContainerRun {
  name: string;
  cidFile: string;
  image: string;
  repoCopy: string;
  hookDir: string;
  outDir: string;
  command: string;
  data: Array<{ host: string; container: string }>;
  limits: Limits;
  gpus: boolean;
  measureEpochs: number;
  batches?: number;
}

/** `docker|podman run` arguments: no network, non-root, limits, the copy and the hook mounted, data read-only. */
export function containerRunArgs(r: ContainerRun): string[] {
  const env = { ...hookEnv(`${CONTAINER_OUT}/${EVENTS_FILE}`, CONTAINER_HOOK, r.measureEpochs, r.batches), HOME: "/tmp" };
  return [
    "run", "--rm", "--name", r.name, "--cidfile", r.cidFile,
    "--network", "none", "--user", "1000:1000",
    "--memory", r.limits.memory, "--cpus", String(r.limits.cpus), "--pids-limit", String(r.limits.pids),
    "--security-opt", "no-new-privileges",
    ...(r.gpus ? ["--gpus", "all"] : []),
    "-v", `${r.repoCopy}:${CONTAINER_REPO}`,
    "-v", `${r.hookDir}:${CONTAINER_HOOK}:ro`,
    "-v", `${r.outDir}:${CONTAINER_OUT}`,
    ...r.data.flatMap((d) => ["-v", `${d.host}:${d.container}:ro`]),
    "-w", CONTAINER_REPO,
    ...Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
    "--entrypoint", "sh",
    r.image, "-c", r.command,
  ];
}

export interface Launched {
  child: ResultPromise;
  /** Ends the run now (the measured part is done, a timeout, an abort). */
  kill(): Promise<void>;
  pid: number | undefined;
}

export function launchContainer(engine: "docker" | "podman", r: ContainerRun): Launched {
  const child = execa(engine, containerRunArgs(r), { reject: false, buffer: false, stdin: "ignore", all: true });
  return {
    child,
    pid: child.pid,
    async kill() {
      await execa(engine, ["rm", "-f", r.name], { reject: false, timeout: 30_000 });
      child.kill("SIGKILL");
    },
  };
}

/** Host runtime (opt-in): the same command in the repo copy, in its own process group so it can all be ended. */
export function launchHost(r: { repoCopy: string; outDir: string; command: string; measureEpochs: number; batches?: number; python?: string }): Launched {
  const env = hookEnv(join(r.outDir, EVENTS_FILE), hookDir(), r.measureEpochs, r.batches);
  // A python outside PATH (a venv) can be named; its folder goes first on PATH.
  const path = r.python ? `${dirname(r.python)}:${process.env.PATH ?? ""}` : process.env.PATH;
  const child = execa("sh", ["-c", r.command], {
    cwd: r.repoCopy, env: { ...env, PATH: path }, extendEnv: true, reject: false, buffer: false, stdin: "ignore", all: true, detached: true,
  });
  return {
    child,
    pid: child.pid,
    async kill() {
      if (child.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
  };
}
