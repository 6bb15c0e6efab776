// The container engine, spoken through the docker or podman CLI (execa): find one, inspect, build, run.
import { execa } from "execa";

export type EngineName = "docker" | "podman";
export type EnginePreference = EngineName | "auto";

export interface Engine {
  name: EngineName;
  /** The CLI to call (the name itself, or an override for tests: REPRO_AUDIT_DOCKER / REPRO_AUDIT_PODMAN). */
  bin: string;
}

export type EngineLookup =
  | { ok: true; engine: Engine }
  | { ok: false; tried: EngineName[]; message: string; hint: string };

const INFO_TIMEOUT_MS = 20_000;

function binOf(name: EngineName): string {
  return process.env[`REPRO_AUDIT_${name.toUpperCase()}`] || name;
}

async function answers(engine: Engine): Promise<boolean> {
  const result = await execa(engine.bin, ["info", "--format", "{{json .}}"], { reject: false, timeout: INFO_TIMEOUT_MS, stdin: "ignore" });
  return result.exitCode === 0;
}

/** The first engine that answers `info`: the one asked for, or docker then podman for "auto". */
export async function findEngine(preference: EnginePreference = "auto"): Promise<EngineLookup> {
  const tried: EngineName[] = preference === "auto" ? ["docker", "podman"] : [preference];
  for (const name of tried) {
    const engine = { name, bin: binOf(name) };
    if (await answers(engine)) return { ok: true, engine };
  }
  return {
    ok: false,
    tried,
    message: preference === "auto" ? "no container engine (docker or podman) answered" : `${preference} did not answer`,
    hint:
      preference === "podman"
        ? "install podman (apt-get install podman), or pass --stages static"
        : "install docker.io and start dockerd (scripts/ensure-engine.sh does both), or pass --stages static",
  };
}

export async function imageExists(engine: Engine, tag: string): Promise<boolean> {
  const result = await execa(engine.bin, ["image", "inspect", tag], { reject: false, stdin: "ignore", timeout: INFO_TIMEOUT_MS });
  return result.exitCode === 0;
}

/** Size in bytes and configured user of an image; null when it is not there. */
export async function imageDetails(engine: Engine, tag: string): Promise<{ size: number; user: string } | null> {
  const result = await execa(engine.bin, ["image", "inspect", "--format", "{{.Size}} {{.Config.User}}", tag], {
    reject: false,
    stdin: "ignore",
    timeout: INFO_TIMEOUT_MS,
  });
  if (result.exitCode !== 0) return null;
  const [size = "0", user = ""] = String(result.stdout).trim().split(" ");
  return { size: Number(size), user };
}

export interface BuildOutcome {
  ok: boolean;
  timedOut: boolean;
  cancelled: boolean;
  log: string;
}

/** `build` with the Dockerfile outside the context, killed at the time limit or when `signal` aborts. */
export async function buildImage(
  engine: Engine,
  args: { tag: string; dockerfile: string; context: string; timeoutMs: number; signal?: AbortSignal },
): Promise<BuildOutcome> {
  const result = await execa(
    engine.bin,
    ["build", "--rm", "--force-rm", "-t", args.tag, "-f", args.dockerfile, args.context],
    {
      reject: false,
      all: true,
      stdin: "ignore",
      timeout: args.timeoutMs,
      ...(args.signal ? { cancelSignal: args.signal } : {}),
      env: { BUILDKIT_PROGRESS: "plain" },
      forceKillAfterDelay: 5_000,
    },
  );
  return {
    ok: result.exitCode === 0,
    timedOut: result.timedOut === true,
    cancelled: result.isCanceled === true,
    log: String(result.all ?? ""),
  };
}

export interface RunOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
}

/** `run --rm` a named container; the caller removes it by name if this is interrupted. */
export async function runContainer(
  engine: Engine,
  args: { name: string; image: string; runArgs: string[]; command: string[]; timeoutMs: number; signal?: AbortSignal },
): Promise<RunOutcome> {
  const result = await execa(engine.bin, ["run", "--rm", "--name", args.name, ...args.runArgs, args.image, ...args.command], {
    reject: false,
    stdin: "ignore",
    timeout: args.timeoutMs,
    ...(args.signal ? { cancelSignal: args.signal } : {}),
    forceKillAfterDelay: 5_000,
  });
  return {
    exitCode: result.exitCode ?? null,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? ""),
    timedOut: result.timedOut === true,
    cancelled: result.isCanceled === true,
  };
}
