// The container engine, spoken through the docker or podman CLI (execa): find one, inspect, build, run.
import { execa } from "execa";
import { engineBin } from "../io/engine-bin.js";

export type EngineName = "docker" | "podman";
export type EnginePreference = EngineName | "auto";

export interface Engine {
  name: EngineName;
  /** The CLI to call (the name itself, or an override for tests: REPRO_AUDIT_DOCKER / REPRO_AUDIT_PODMAN). */
  bin: string;
}

export type EngineLookup =
  { ok: true; engine: Engine } | { ok: false; tried: EngineName[]; message: string; hint: string };

const INFO_TIMEOUT_MS = 20_000;

async function answers(engine: Engine): Promise<boolean> {
  const result = await execa(engine.bin, ["info", "--format", "{{json .}}"], {
    reject: false,
    timeout: INFO_TIMEOUT_MS,
    stdin: "ignore",
  });
  return result.exitCode === 0;
}

/** The first engine that answers `info`: the one asked for, or docker then podman for "auto". */
export async function findEngine(preference: EnginePreference = "auto"): Promise<EngineLookup> {
  const tried: EngineName[] = preference === "auto" ? ["docker", "podman"] : [preference];
  for (const name of tried) {
    const engine = { name, bin: engineBin(name) };
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
  const result = await execa(engine.bin, ["image", "inspect", tag], {
    reject: false,
    stdin: "ignore",
    timeout: INFO_TIMEOUT_MS,
  });
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

export interface RunOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
}

/** Create a named container, then start it attached: a kill or abort before it starts leaves it in state
 * "Created", so the name is removed however this ends (the caller tracks it for a Ctrl-C meanwhile). */
export async function runContainer(
  engine: Engine,
  args: { name: string; image: string; runArgs: string[]; command: string[]; timeoutMs: number; signal?: AbortSignal },
): Promise<RunOutcome> {
  const quiet = { reject: false, stdin: "ignore", timeout: 60_000 } as const;
  try {
    if (args.signal?.aborted) return { exitCode: null, stdout: "", stderr: "", timedOut: false, cancelled: true };
    const created = await execa(
      engine.bin,
      ["create", "--name", args.name, ...args.runArgs, args.image, ...args.command],
      quiet,
    );
    if (created.exitCode !== 0)
      return {
        exitCode: created.exitCode ?? null,
        stdout: "",
        stderr: String(created.stderr ?? ""),
        timedOut: false,
        cancelled: false,
      };
    if (args.signal?.aborted) return { exitCode: null, stdout: "", stderr: "", timedOut: false, cancelled: true };
    const result = await execa(engine.bin, ["start", "--attach", args.name], {
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
  } finally {
    await execa(engine.bin, ["rm", "-f", args.name], quiet);
  }
}
