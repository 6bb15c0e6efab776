// The epoch stage: a private copy of the repo, the training run sealed in a container (or, opted in, on the host)
// under the hook and the meters, stopped after the measured part; every temp folder and container removed after.
import { randomBytes } from "node:crypto";
import { availableParallelism, tmpdir } from "node:os";
import type { CarbonAssumptions, CarbonSection, TrainPlan } from "../model/carbon.js";
import type { FactRecord } from "../model/facts.js";
import { engineError, interrupted } from "../model/errors.js";
import { sourced, type Sourced } from "../model/sourced.js";
import { DEFAULT_PUE } from "../carbon/equivalents.js";
import { carbonAssumptions } from "../carbon/assumptions.js";
import type { EpochSpan } from "./boundaries.js";
import { launchContainer, type ContainerEnd, type ContainerHandle } from "./container-run.js";
import type { EpochMarker } from "./epoch-marker.js";
import { openEventsChannel, type EventsChannel } from "./events-channel.js";
import { CONTAINER_REPO, DEFAULT_LIMITS, launchHost, type Launched, type Limits } from "./launch.js";
import type { RawSeries } from "./meters/meter.js";
import { classifyOutcome, epochRunRecord } from "./outcome.js";
import { runBoundaries, type RunBoundaries } from "./run-boundaries.js";
import { meterContainer, meterProcessTree, startMeters, type Meters } from "./run-meters.js";
import { watchRun, type Watched } from "./run-watch.js";
import { buildSection } from "./section.js";
import { prepareWorkspace, removeWorkspace, type Workspace } from "./workspace.js";

export interface EpochStageInput {
  root: string;
  plan: TrainPlan;
  runtime: "container" | "host";
  engine?: "docker" | "podman";
  image?: string;
  data?: Array<{ host: string; container: string }>;
  measureEpochs?: number;
  batches?: number;
  /** How the output's epoch lines are read (the user's setting); undefined: decided from the output. */
  epochMarker?: Sourced<EpochMarker> | null;
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
  /** The run's name: its container's name and label, its temp folder's name (default repro-audit-epoch-<random>). */
  name?: string;
  /** Where the run's temp folder goes (default the system's). */
  tempRoot?: string;
}

export interface EpochStageResult {
  section: CarbonSection;
  records: { "epoch-run": FactRecord[] };
  /** Sentences a person watching the audit should read now (also in the section's measurement notes). */
  notes: string[];
  /** What the section was computed from, for benches and re-analysis. */
  raw: { spans: EpochSpan[]; series: RawSeries[]; runStartUnix: number; runEndUnix: number; exitUnix: number };
}

interface Settled {
  command: string;
  name: string;
  measureEpochs: number;
  timeoutSeconds: number;
  limits: Required<Limits>;
  assumptions: CarbonAssumptions;
}

/** 1. The run's settings with their defaults; a run that cannot start is refused before anything is made. */
function settle(input: EpochStageInput): Settled {
  const command = input.plan.commands[0]?.value;
  if (!command) throw new Error("runEpochStage needs a plan with a command");
  if (input.runtime === "container" && !input.image)
    throw engineError("no image to run the epoch in", "Run the build stage first or pass --image");
  return {
    command,
    name: input.name ?? `repro-audit-epoch-${randomBytes(6).toString("hex")}`,
    measureEpochs: input.measureEpochs ?? 1,
    timeoutSeconds: input.timeoutSeconds ?? 3600,
    limits: { ...DEFAULT_LIMITS, ...input.limits },
    assumptions: input.assumptions ?? carbonAssumptions({ pue: sourced(DEFAULT_PUE, "default", "default") }),
  };
}

/** 3. The command started in its sealed container or on the host, with its usage metered from its launch. */
function launch(
  input: EpochStageInput,
  s: Settled,
  ws: Workspace,
  channel: EventsChannel,
  meters: Meters,
  launchUnix: number,
) {
  let ended = false;
  const container: ContainerHandle | null =
    input.runtime === "container"
      ? launchContainer(input.engine ?? "docker", {
          name: s.name,
          cidFile: ws.cidFile,
          image: input.image!,
          sourceDir: ws.source,
          hookDir: ws.hook,
          channelDir: ws.channel,
          command: s.command,
          data: input.data ?? [],
          limits: s.limits,
          gpus: meters.gpus,
          measureEpochs: s.measureEpochs,
          batches: input.batches,
        })
      : null;
  const launched: Launched =
    container ??
    launchHost({
      repoCopy: ws.source,
      hookDir: ws.hook,
      socketPath: channel.path,
      command: s.command,
      measureEpochs: s.measureEpochs,
      batches: input.batches,
      python: input.python,
    });
  if (input.hostUsage !== false) {
    if (container) void meterContainer(meters, ws.cidFile, launchUnix, () => ended);
    else if (launched.pid) meterProcessTree(meters, launched.pid, launchUnix);
  }
  return { launched, container, stopMetering: () => void (ended = true) };
}

/** 5. What the run measured: its outcome, its boundaries, the section and the epoch-run fact. */
function measured(
  input: EpochStageInput,
  s: Settled,
  ws: Workspace,
  w: Watched,
  b: RunBoundaries,
  end: ContainerEnd,
  series: RawSeries[],
  meters: Meters,
  launchUnix: number,
  idleSeconds: number,
): EpochStageResult {
  const complete = b.spans.filter((sp) => sp.end !== null).length;
  const batches = b.spans.reduce((a, sp) => a + (sp.batches[sp.batches.length - 1]?.count ?? 0), 0);
  const outcome = classifyOutcome({
    exitCode: w.exitCode,
    stoppedAfterMeasure: b.hookStopped || (w.stoppedByUs && !w.timedOut && !w.aborted),
    timedOut: w.timedOut,
    aborted: w.aborted,
    epochsCompleted: complete,
    batchesSeen: batches,
    output: w.output.text(),
    repoDir: input.runtime === "container" ? CONTAINER_REPO : ws.source,
    timeoutSeconds: s.timeoutSeconds,
    oomKilled: end.oomKilled,
    memory: s.limits.memory,
    neverStarted: end.neverStarted,
  });
  const section = buildSection({
    plan: input.plan,
    runtime: input.runtime,
    outcome,
    spans: b.spans,
    boundaries: b.boundaries,
    runStartUnix: launchUnix,
    runEndUnix: b.runEndUnix,
    series,
    assumptions: s.assumptions,
    cpu: meters.cpu,
    idleSeconds,
    ...(b.usage ? { hook: b.usage } : {}),
    ...(b.epochMarker ? { epochMarker: b.epochMarker } : {}),
    startup: b.startup,
    notes: b.notes,
  });
  const startupSeconds = section.measurement?.actual.setupEvidence ? section.measurement.actual.setupSeconds : null;
  const record = epochRunRecord(outcome, {
    seconds: b.runEndUnix - launchUnix,
    epochs: complete,
    batches,
    boundaries: b.boundaries,
    distrust: b.distrust,
    startup: b.startup,
    startupSeconds,
  });
  return {
    section,
    records: { "epoch-run": [record] },
    notes: b.notes,
    raw: { spans: b.spans, series, runStartUnix: launchUnix, runEndUnix: b.runEndUnix, exitUnix: w.exitUnix },
  };
}

export async function runEpochStage(input: EpochStageInput): Promise<EpochStageResult> {
  const s = settle(input);
  const idleSeconds = input.idleSeconds ?? 1;
  if (input.signal?.aborted) throw interrupted("the epoch", "nothing had been started");

  // 2. The private temp folder (the repo's copy, the hook, the events socket) and the meters, idle window first.
  const ws = await prepareWorkspace(input.root, input.tempRoot ?? tmpdir(), s.name);
  let channel: EventsChannel | null = null;
  let meters: Meters | null = null;
  let container: ContainerHandle | null = null;
  let running: Launched | null = null;
  try {
    channel = await openEventsChannel(ws.channel);
    meters = await startMeters({ gpus: input.gpus, nvidiaSmi: input.nvidiaSmi, sampleMs: input.sampleMs, idleSeconds });
    if (input.signal?.aborted)
      throw interrupted("the epoch", "no container had been started; its temp folder was removed");

    // 3. Launch; 4. watch until it ends: the hook stops the program itself, the output's progress when it is silent.
    const measure = { epochs: s.measureEpochs, ...(input.batches ? { batches: input.batches } : {}) };
    const launchUnix = Date.now() / 1000;
    const run = launch(input, s, ws, channel, meters, launchUnix);
    container = run.container;
    running = run.launched;
    const watched = await watchRun({
      launched: run.launched,
      channel,
      sampler: meters.sampler,
      launchUnix,
      timeoutSeconds: s.timeoutSeconds,
      measure,
      marker: input.epochMarker ?? null,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    // A host run's group can outlive its leader (a command ending in `&`): none of it outlives the run.
    if (!container) await run.launched.kill();
    running = null;
    run.stopMetering();
    const series = await meters.sampler.stop();
    await channel.close();
    const end = container ? await container.finish() : { oomKilled: false, neverStarted: false };

    // 5. Boundaries (the hook's if trusted, the host's timing if not, else the output), outcome, section.
    const cpus = input.runtime === "container" ? s.limits.cpus : availableParallelism();
    const boundaries = runBoundaries({
      hookLines: channel.lines,
      stdout: watched.stdout.lines,
      clock: { launchUnix, exitUnix: watched.exitUnix, cpus, stallSeconds: channel.maxStallSeconds() },
      measure,
      marker: input.epochMarker ?? null,
      stdoutStopT: watched.stdoutStopT,
      stoppedByUs: watched.stoppedByUs,
      exitCode: watched.exitCode,
    });
    return measured(input, s, ws, watched, boundaries, end, series, meters, launchUnix, idleSeconds);
  } finally {
    // 6. Nothing left behind, whatever happened above: the run, meters, container (and its volumes), socket, temp folder.
    await running?.kill().catch(() => undefined);
    await meters?.sampler.stop().catch(() => undefined);
    await container?.remove().catch(() => undefined);
    await channel?.close(0).catch(() => undefined);
    await removeWorkspace(ws);
  }
}
