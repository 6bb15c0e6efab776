// One image build with ceilings, through the engine's CLI: the legacy builder (DOCKER_BUILDKIT=0, the one
// Debian's docker.io has and the one that takes per-build memory, CPU and ulimit flags), steps confined to the
// egress holder's network, output captured with a ceiling, writes watched, and the layers of a failed build
// removed. The engine runs the steps of a repo's own Dockerfile as root: inside the build containers only.
import { randomBytes } from "node:crypto";
import { execa } from "execa";
import type { Engine } from "./engine.js";
import { BUILD_LIMITS } from "./limits.js";
import { LogCapture, StepTracker } from "./build-log.js";

export interface BuildRequest {
  tag: string;
  dockerfile: string;
  context: string;
  timeoutMs: number;
  /** --network for the steps: the egress holder's `container:<name>`, or `none`. */
  network: string;
  buildArgs: readonly string[];
  /** Extra environment for the engine's CLI (no registry credentials). */
  env: Record<string, string>;
  signal?: AbortSignal;
}

export type BuildLimit = "disk" | "output";

export interface BuildOutcome {
  ok: boolean;
  timedOut: boolean;
  cancelled: boolean;
  /** A ceiling the build reached, which stopped it. */
  limit: BuildLimit | null;
  /** The output, head and tail kept (see LogCapture). */
  log: string;
  /** Bytes the build printed in all. */
  printed: number;
}

/** Pure: the engine's build arguments with every ceiling set. */
export function buildArgs(engine: Engine, request: BuildRequest, label: string): string[] {
  const memory = String(BUILD_LIMITS.memoryBytes);
  return [
    "build", "--rm", "--force-rm", "--pull=false", "-t", request.tag, "-f", request.dockerfile, "--label", `repro-audit.build=${label}`,
    "--memory", memory, "--memory-swap", memory,
    "--cpu-period", "100000", "--cpu-quota", String(Math.round(BUILD_LIMITS.cpus * 100000)),
    "--ulimit", `fsize=${BUILD_LIMITS.diskBytes}:${BUILD_LIMITS.diskBytes}`,
    "--ulimit", `nofile=${BUILD_LIMITS.openFiles}:${BUILD_LIMITS.openFiles}`,
    "--network", request.network,
    ...request.buildArgs,
    request.context,
  ].filter((arg) => !(engine.name === "podman" && arg === "--pull=false"));
}

async function sizeOf(engine: Engine, container: string): Promise<number | null> {
  const result = await execa(engine.bin, ["container", "inspect", "--size", "--format", "{{.SizeRw}}", container], { reject: false, stdin: "ignore", timeout: 20_000 });
  const n = Number(String(result.stdout).trim());
  return result.exitCode === 0 && Number.isFinite(n) ? n : null;
}

/** Build; never throws for a failed build. Whatever ends it, no step container and no layer of it is left. */
export async function runBuild(engine: Engine, request: BuildRequest): Promise<BuildOutcome> {
  const capture = new LogCapture();
  const label = randomBytes(6).toString("hex");
  const stopper = new AbortController();
  const onAbort = () => stopper.abort();
  request.signal?.addEventListener("abort", onAbort, { once: true });
  let limit: BuildLimit | null = null;
  const stop = (why: BuildLimit) => {
    limit ??= why;
    stopper.abort();
  };
  const child = execa(engine.bin, buildArgs(engine, request, label), {
    reject: false,
    stdin: "ignore",
    buffer: false,
    timeout: request.timeoutMs,
    cancelSignal: stopper.signal,
    forceKillAfterDelay: 5_000,
    env: { DOCKER_BUILDKIT: "0", BUILDKIT_PROGRESS: "plain", ...request.env },
  });
  const steps = new StepTracker();
  const onData = (chunk: Buffer | string) => {
    const text = chunk.toString();
    capture.push(text);
    steps.push(text);
    if (capture.total > BUILD_LIMITS.outputBytes) stop("output");
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  // Writes: the running step's container size, plus what the finished steps wrote.
  const written = new Map<string, number>();
  let measuring = false;
  const watch = setInterval(async () => {
    const current = steps.current();
    if (!current || measuring) return;
    measuring = true;
    const size = await sizeOf(engine, current).finally(() => (measuring = false));
    if (size !== null) written.set(current, size);
    if ([...written.values()].reduce((a, b) => a + b, 0) > BUILD_LIMITS.diskBytes) stop("disk");
  }, BUILD_LIMITS.diskPollMs);
  const result = await child;
  clearInterval(watch);
  request.signal?.removeEventListener("abort", onAbort);

  const log = capture.text();
  const ok = result.exitCode === 0 && !limit;
  if (!ok) {
    // A killed client may leave its step running; a failed build leaves the layers of the steps that passed.
    if (steps.containers.length) await execa(engine.bin, ["rm", "-f", ...steps.containers], { reject: false, stdin: "ignore", timeout: 60_000 });
    for (const image of [...steps.created].reverse()) await execa(engine.bin, ["rmi", image], { reject: false, stdin: "ignore", timeout: 60_000 });
  }
  return {
    ok,
    timedOut: result.timedOut === true,
    cancelled: result.isCanceled === true && !limit && request.signal?.aborted === true,
    limit,
    log,
    printed: capture.total,
  };
}
