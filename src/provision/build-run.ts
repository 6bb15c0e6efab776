// One image build with ceilings, through the engine's CLI: the legacy builder (DOCKER_BUILDKIT=0, the one
// Debian's docker.io has and the one that takes per-build memory, CPU and ulimit flags), steps confined to the
// egress holder's network, output captured with a ceiling, writes watched, and the layers of a failed build
// removed. The engine runs the steps of a repo's own Dockerfile as root: inside the build containers only.
import { randomBytes } from "node:crypto";
import { execa } from "execa";
import type { Engine } from "./engine.js";
import { BUILD_LIMITS, type BuildLimits } from "./limits.js";
import { trackContainer, trackImage, untrackContainer, untrackImage } from "./containers.js";
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
  /** Lower ceilings (tests); the defaults are BUILD_LIMITS. */
  limits?: Partial<BuildLimits>;
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
function buildArgs(engine: Engine, request: BuildRequest, label: string): string[] {
  const limits = { ...BUILD_LIMITS, ...request.limits };
  const memory = String(limits.memoryBytes);
  return [
    "build",
    "--rm",
    "--force-rm",
    "--pull=false",
    "-t",
    request.tag,
    "-f",
    request.dockerfile,
    "--label",
    `repro-audit.build=${label}`,
    "--memory",
    memory,
    "--memory-swap",
    memory,
    "--cpu-period",
    "100000",
    "--cpu-quota",
    String(Math.round(limits.cpus * 100000)),
    "--ulimit",
    `fsize=${limits.diskBytes}:${limits.diskBytes}`,
    "--ulimit",
    `nofile=${limits.openFiles}:${limits.openFiles}`,
    "--network",
    request.network,
    ...request.buildArgs,
    request.context,
  ].filter((arg) => !(engine.name === "podman" && arg === "--pull=false"));
}

async function sizeOf(engine: Engine, container: string): Promise<number | null> {
  const result = await execa(engine.bin, ["container", "inspect", "--size", "--format", "{{.SizeRw}}", container], {
    reject: false,
    stdin: "ignore",
    timeout: 20_000,
  });
  const n = Number(String(result.stdout).trim());
  return result.exitCode === 0 && Number.isFinite(n) ? n : null;
}

/** `rm -f` the step containers until the engine no longer lists them: a cancelled build's daemon side may still
 * be committing or removing the step when the client has already gone. */
async function removeContainers(engine: Engine, ids: readonly string[]): Promise<void> {
  let left = [...ids];
  for (let attempt = 0; attempt < 20 && left.length > 0; attempt++) {
    await execa(engine.bin, ["rm", "-f", ...left], { reject: false, stdin: "ignore", timeout: 60_000 });
    const listed = await execa(engine.bin, ["ps", "-aq", "--no-trunc"], {
      reject: false,
      stdin: "ignore",
      timeout: 20_000,
    });
    const present = String(listed.stdout).split("\n");
    left = left.filter((id) => present.some((full) => full.startsWith(id)));
    if (left.length) await new Promise((r) => setTimeout(r, 500));
  }
}

/** Build; never throws for a failed build. Whatever ends it, no step container and no layer of it is left. */
export async function runBuild(engine: Engine, request: BuildRequest): Promise<BuildOutcome> {
  const limits = { ...BUILD_LIMITS, ...request.limits };
  const capture = new LogCapture(limits.keptHeadBytes, limits.keptTailBytes);
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
    const known = { images: steps.created.length, containers: steps.containers.length };
    steps.push(text);
    // Step containers and layers are tracked as they appear, so a Ctrl-C that exits at once still removes them.
    for (const id of steps.containers.slice(known.containers)) trackContainer(id, engine);
    for (const image of steps.created.slice(known.images)) trackImage(image, engine);
    if (capture.total > limits.outputBytes) stop("output");
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
    if ([...written.values()].reduce((a, b) => a + b, 0) > limits.diskBytes) stop("disk");
  }, limits.diskPollMs);
  const result = await child;
  clearInterval(watch);
  request.signal?.removeEventListener("abort", onAbort);

  const log = capture.text();
  const ok = result.exitCode === 0 && !limit;
  if (!ok) {
    // A killed client may leave its step running; a failed build leaves the layers of the steps that passed.
    await removeContainers(engine, steps.containers);
    for (const image of [...steps.created].reverse())
      await execa(engine.bin, ["rmi", image], { reject: false, stdin: "ignore", timeout: 60_000 });
  }
  for (const image of steps.created) untrackImage(image);
  for (const id of steps.containers) untrackContainer(id);
  return {
    ok,
    timedOut: result.timedOut === true,
    cancelled: result.isCanceled === true && !limit && request.signal?.aborted === true,
    limit,
    log,
    printed: capture.total,
  };
}
