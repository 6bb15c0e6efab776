// The epoch stage: copy the repo, run the train command under the hook and the meters, stop after the measured part.
import { randomBytes } from "node:crypto";
import { chmod, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CarbonAssumptions, CarbonSection, TrainPlan } from "../model/carbon.js";
import type { FactRecord } from "../model/facts.js";
import { engineError } from "../model/errors.js";
import { sourced } from "../model/sourced.js";
import { DEFAULT_PUE } from "../carbon/equivalents.js";
import { carbonAssumptions } from "../carbon/assumptions.js";
import { epochSpans, parseHookEvents, StdoutBoundaries, type BoundaryEvent, type EpochSpan } from "./boundaries.js";
import { CONTAINER_REPO, DEFAULT_LIMITS, EVENTS_FILE, hookDir, launchContainer, launchHost, type Launched, type Limits } from "./launch.js";
import { thisCpuPower } from "./meters/cpu-model.js";
import { containerCgroup, processTree, usageMeters } from "./meters/cpu-share.js";
import { gpusInUse, localOffsetMinutes, nvidiaSmiAnswers } from "./meters/nvidia-smi.js";
import { findRaplDomains, raplMeters } from "./meters/rapl.js";
import { parseHookUsage } from "./hook-usage.js";
import { classifyOutcome, epochRunRecord } from "./outcome.js";
import type { RawSeries } from "./meters/meter.js";
import { startSampler } from "./sampler.js";
import { buildSection } from "./section.js";

export interface EpochStageInput {
  root: string;
  plan: TrainPlan;
  runtime: "container" | "host";
  engine?: "docker" | "podman";
  image?: string;
  data?: Array<{ host: string; container: string }>;
  measureEpochs?: number;
  batches?: number;
  timeoutSeconds?: number;
  limits?: Limits;
  /** true/false forces; undefined: GPUs when nvidia-smi answers. */
  gpus?: boolean;
  /** PUE and grid intensity with their sources (default: the default PUE and the world intensity). */
  assumptions?: CarbonAssumptions;
  signal?: AbortSignal;
  /** Seconds of meter samples before the start, for idle power (default 1). */
  idleSeconds?: number;
  /** Host runtime: the python to put first on PATH (a venv's bin/python). */
  python?: string;
  /** Milliseconds between meter reads once the run is under way (default 500; the first 15 s are read every 100 ms). */
  sampleMs?: number;
  /** false: no cgroup or process-tree meter, the hook's own CPU clock only (what an engine whose cgroup is not
   * visible here leaves; tests use it to exercise that path). Default true. */
  hostUsage?: boolean;
  /** nvidia-smi binary (tests point this at the fake). */
  nvidiaSmi?: string;
}

export interface EpochStageResult {
  section: CarbonSection;
  records: { "epoch-run": FactRecord[] };
  /** What the section was computed from, for benches and re-analysis. */
  raw: { spans: EpochSpan[]; series: RawSeries[]; runStartUnix: number; runEndUnix: number; exitUnix: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SKIP_IN_COPY = new Set([".git", "node_modules", ".venv", "venv", "__pycache__"]);

/** A private copy of the repo the run may write into (mode a+rwX: the container user is uid 1000). */
async function copyRepo(root: string, into: string): Promise<void> {
  await cp(root, into, {
    recursive: true,
    verbatimSymlinks: true, // a link stays a link; inside the container it resolves there, never to the host
    filter: (src) => !SKIP_IN_COPY.has(src.slice(root.length + 1).split("/").pop() ?? ""),
  });
  await makeWritable(into);
}

async function makeWritable(dir: string): Promise<void> {
  const { execa } = await import("execa");
  await execa("chmod", ["-R", "a+rwX", dir], { reject: false });
}

async function readCid(file: string, deadline: number): Promise<string | null> {
  while (Date.now() < deadline) {
    const text = await readFile(file, "utf8").catch(() => "");
    if (text.trim()) return text.trim();
    await sleep(20); // the counter is read as soon as the cgroup exists: a short run is over in a second
  }
  return null;
}

/** What the output showed up to the moment we stopped it (lines already in flight are dropped). */
function cutSpans(spans: EpochSpan[], cut: number, batches: number | undefined): EpochSpan[] {
  return spans
    .filter((s) => s.start < cut)
    .map((s) => ({
      ...s,
      end: s.end !== null && s.end > cut ? cut : s.end,
      batches: s.batches.filter((b) => b.t <= cut && (!batches || s.epoch !== 1 || b.count <= batches)),
    }));
}

export async function runEpochStage(input: EpochStageInput): Promise<EpochStageResult> {
  const measureEpochs = input.measureEpochs ?? 1;
  const timeoutSeconds = input.timeoutSeconds ?? 3600;
  const assumptions = input.assumptions ?? carbonAssumptions({ pue: sourced(DEFAULT_PUE, "default", "default") });
  const idleSeconds = input.idleSeconds ?? 1;
  const command = input.plan.commands[0]?.value;
  if (!command) throw new Error("runEpochStage needs a plan with a command");
  if (input.runtime === "container" && !input.image)
    throw engineError("no image to run the epoch in", "Run the build stage first or pass --image");

  // 1. A private copy of the repo and an events folder the hook writes into.
  const work = await mkdtemp(join(tmpdir(), "repro-audit-epoch-"));
  const repoCopy = join(work, "repo");
  const outDir = join(work, "out");
  await copyRepo(input.root, repoCopy);
  await cp(hookDir(), join(work, "hook"), { recursive: true });
  await (await import("node:fs/promises")).mkdir(outDir);
  await chmod(outDir, 0o777);

  // 2. Meters that exist before the run: RAPL, nvidia-smi; a short idle window first.
  const cpu = thisCpuPower();
  const rapl = findRaplDomains();
  const gpus = input.runtime === "container" ? (input.gpus ?? (await nvidiaSmiAnswers(input.nvidiaSmi))) : input.gpus ?? (await nvidiaSmiAnswers(input.nvidiaSmi));
  const sampler = startSampler({
    meters: raplMeters(rapl),
    intervalMs: input.sampleMs ?? 500,
    ...(gpus ? { nvidiaSmi: { binary: input.nvidiaSmi, inUse: gpusInUse({ cudaVisibleDevices: process.env.CUDA_VISIBLE_DEVICES }), offsetMinutes: localOffsetMinutes() } } : {}),
  });
  await sleep(idleSeconds * 1000);

  // 3. Launch; the hook stops the program itself, the stdout markers let us stop it when no hook spoke.
  const name = `repro-audit-epoch-${randomBytes(6).toString("hex")}`;
  const runStartUnix = Date.now() / 1000;
  const launched: Launched =
    input.runtime === "container"
      ? launchContainer(input.engine ?? "docker", {
          name, cidFile: join(work, "cid"), image: input.image!, repoCopy, hookDir: join(work, "hook"), outDir, command,
          data: input.data ?? [], limits: input.limits ?? DEFAULT_LIMITS, gpus, measureEpochs, batches: input.batches,
        })
      : launchHost({ repoCopy, outDir, command, measureEpochs, batches: input.batches, python: input.python });
  const hostUsage = input.hostUsage ?? true;
  if (input.runtime === "host" && launched.pid && hostUsage) sampler.add(usageMeters(processTree(launched.pid), cpu.wattsPerThread), runStartUnix);

  let output = "";
  const stdoutEvents: BoundaryEvent[] = [];
  const parser = new StdoutBoundaries();
  let stoppedByUs = false;
  let ended = false;
  let timedOut = false;
  let aborted = false;
  const eventsPath = join(outDir, EVENTS_FILE);
  // Every Python process writes a "start" event: the hook spoke only when it marked a boundary.
  let hookMarked = false;
  const hookSpoke = async () =>
    (hookMarked ||= parseHookEvents(await readFile(eventsPath, "utf8").catch(() => ""), runStartUnix).some((e) => e.kind !== "stop"));
  const reachedMeasure = (e: BoundaryEvent) =>
    (e.kind === "epoch_start" && (e.epoch ?? 0) > measureEpochs) ||
    (e.kind === "epoch_end" && (e.epoch ?? 0) >= measureEpochs) ||
    (e.kind === "batch_end" && !!input.batches && (e.epoch ?? 0) === 1 && (e.batch ?? 0) >= input.batches);
  const stopNow = async () => {
    if (stoppedByUs) return;
    stoppedByUs = true;
    sampler.readNow(); // the counters at the measured end, while the run still exists
    await launched.kill();
  };
  launched.child.all?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    if (output.length < 4 * 1024 * 1024) output += text;
    else output = output.slice(-2 * 1024 * 1024) + text;
    const events = parser.push(text, Date.now() / 1000 - runStartUnix);
    stdoutEvents.push(...events);
    if (events.some(reachedMeasure)) void hookSpoke().then((spoke) => (spoke ? undefined : stopNow()));
  });
  const timer = setTimeout(() => ((timedOut = true), void launched.kill()), timeoutSeconds * 1000);
  const onAbort = () => ((aborted = true), void launched.kill());
  input.signal?.addEventListener("abort", onAbort, { once: true });
  if (input.runtime === "container" && hostUsage) {
    // The cid file appears at create, the cgroup only once the container starts: wait for both, polling fast.
    void (async () => {
      const deadline = Date.now() + 60_000;
      const id = await readCid(join(work, "cid"), deadline);
      while (id && !ended && Date.now() < deadline) {
        const cg = containerCgroup(id);
        if (cg) return sampler.add(usageMeters(cg, cpu.wattsPerThread), runStartUnix);
        await sleep(20);
      }
    })();
  }

  // 4. Wait for the end, stop the meters, read what the hook wrote.
  const result = await launched.child;
  ended = true;
  const exitUnix = Date.now() / 1000;
  clearTimeout(timer);
  input.signal?.removeEventListener("abort", onAbort);
  const series = await sampler.stop();
  stdoutEvents.push(...parser.flush(exitUnix - runStartUnix));
  const hookText = await readFile(eventsPath, "utf8").catch(() => "");
  const hookEvents = parseHookEvents(hookText, runStartUnix);
  const hookUsage = parseHookUsage(hookText, runStartUnix);
  await rm(work, { recursive: true, force: true }).catch(() => undefined);

  // 5. Boundaries from the hook when it marked anything, else from the output.
  const useHook = hookEvents.some((e) => e.kind !== "stop");
  const events = useHook ? hookEvents : stdoutEvents;
  const spans = epochSpans(events);
  // A program that ended by itself closes its last epoch at exit (no next "Epoch" line will).
  const last = spans[spans.length - 1];
  if (last && last.end === null && !stoppedByUs && !hookEvents.some((e) => e.kind === "stop") && result.exitCode === 0)
    last.end = exitUnix - runStartUnix;
  const stopEvent = hookEvents.find((e) => e.kind === "stop");
  const stopCut = stoppedByUs ? (events.find(reachedMeasure)?.t ?? exitUnix - runStartUnix) : null;
  const runEndUnix = runStartUnix + (stopEvent?.t ?? stopCut ?? exitUnix - runStartUnix);
  const measuredSpans = stopCut !== null && !useHook ? cutSpans(spans, stopCut, input.batches) : spans;
  const complete = measuredSpans.filter((s) => s.end !== null).length;
  const batches = measuredSpans.reduce((a, s) => a + (s.batches[s.batches.length - 1]?.count ?? 0), 0);
  const outcome = classifyOutcome({
    exitCode: result.exitCode ?? null,
    stoppedAfterMeasure: !!stopEvent || (stoppedByUs && !timedOut && !aborted),
    timedOut, aborted, epochsCompleted: complete, batchesSeen: batches, output,
    repoDir: input.runtime === "container" ? CONTAINER_REPO : repoCopy, timeoutSeconds,
  });
  const section = buildSection({
    plan: input.plan, runtime: input.runtime, outcome, spans: measuredSpans,
    boundaries: events.length === 0 ? "none" : useHook ? "hook" : "stdout",
    runStartUnix, runEndUnix, series, assumptions, cpu, idleSeconds, hook: hookUsage,
  });
  return {
    section,
    records: { "epoch-run": [epochRunRecord(outcome, { seconds: runEndUnix - runStartUnix, epochs: complete, batches })] },
    raw: { spans: measuredSpans, series, runStartUnix, runEndUnix, exitUnix },
  };
}
