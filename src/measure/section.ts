// Assembles the report's carbon section from the plan, the outcome, the meters and the prediction (pure).
import type {
  CarbonAssumptions,
  CarbonSection,
  Factor,
  Measurement,
  MeterSeries,
  Prediction,
  TrainPlan,
} from "../model/carbon.js";
import { co2Grams, kmByCar } from "../carbon/equivalents.js";
import type { EpochSpan } from "./boundaries.js";
import { chooseMeters, energyInput } from "./energy-meters.js";
import type { HookUsage } from "./hook-usage.js";
import { energyJoules, meanWatts, toKWh } from "./integrate.js";
import type { RawSeries } from "./meters/meter.js";
import type { CpuPower } from "./meters/cpu-model.js";
import type { RunOutcome } from "./outcome.js";
import { predict } from "./predict.js";

export interface SectionInput {
  plan: TrainPlan;
  runtime: Measurement["runtime"];
  outcome: RunOutcome;
  spans: EpochSpan[];
  boundaries: Measurement["actual"]["boundaries"];
  /** Unix seconds the command was started and ended. */
  runStartUnix: number;
  runEndUnix: number;
  series: RawSeries[];
  /** PUE, intensity and the rest; `cpu` is filled in here when a CPU-share meter was used. */
  assumptions: CarbonAssumptions;
  cpu: CpuPower;
  /** Seconds of meter samples taken before the start; 0: idle power was not sampled. */
  idleSeconds: number;
  /** CPU time and memory the hook recorded in the Python processes, for windows the host meters could not see. */
  hook?: HookUsage;
  /** How the output's epoch lines were read, when the boundaries came from them. */
  epochMarker?: Measurement["epochMarker"];
  /** What set the start-up apart from epoch 1, when the boundaries were read. */
  startup?: Measurement["actual"]["setupEvidence"];
  notes?: string[];
}

/** Raw series on the run's clock (seconds since start; negative = before it, the idle window). */
export function relativeSeries(series: RawSeries[], startUnix: number, runEnd: number): MeterSeries[] {
  return series.map((s) => {
    const samples = s.samples.map((p) => ({
      t: Math.round((p.unix - startUnix) * 1000) / 1000,
      watts: Math.round(p.watts * 1000) / 1000,
    }));
    // Counters keep full precision: a short window's energy is a small difference of them.
    const cumulative = s.cumulative?.map((c) => ({ t: c.unix - startUnix, joules: c.joules }));
    const m: MeterSeries = {
      meter: s.meter,
      kind: s.kind,
      component: s.component,
      scope: s.scope,
      samples,
      ...(cumulative ? { cumulative } : {}),
      energyKWh: 0,
    };
    return withEnergy(m, runEnd);
  });
}

function withEnergy(m: MeterSeries, runEnd: number): MeterSeries {
  return { ...m, energyKWh: toKWh(energyJoules(energyInput(m), 0, runEnd)) };
}

const seconds = (s: number): string => (s < 1 ? s.toFixed(2) : s.toFixed(1));

/** Why no energy figure exists although boundaries were seen. */
function unmeteredReason(spans: readonly EpochSpan[], runEnd: number, anyReading: boolean): string {
  const first = spans.find((s) => s.end !== null);
  const window = first
    ? `the measured epoch (${seconds(first.end! - first.start)} s)`
    : `the measured part (${seconds(runEnd)} s)`;
  return anyReading
    ? `${window} was shorter than any meter could see`
    : `no meter could read ${window}: no cgroup or process tree was visible and the hook recorded no CPU time`;
}

const BOUNDARY_SOURCE: Record<Measurement["actual"]["boundaries"], string> = {
  hook: "epoch boundaries marked by the hook",
  stdout: "epoch boundaries read from the output",
  "host-timing": "the whole run timed by the host (the hook's events were not trusted)",
  none: "no boundaries",
};

/** Where folds x models x seeds came from: the first count not left at its default, else the default. */
function runsOrigin(plan: TrainPlan): { origin: Factor["origin"]; source: string } {
  const given = [plan.folds, plan.models, plan.seeds].find((c) => c.origin !== "default");
  const counts = `${plan.folds.value} x ${plan.models.value} x ${plan.seeds.value}`;
  return given
    ? { origin: given.origin, source: `${counts} (${given.source})` }
    : { origin: "default", source: counts };
}

/** What the measured prediction rests on: the measured steady epoch, the plan's counts, PUE and intensity. */
function measuredFactors(
  plan: TrainPlan,
  perEpoch: { seconds: number; energyKWh: number },
  from: "epochs" | "batches",
  a: CarbonAssumptions,
  boundaries: Measurement["actual"]["boundaries"],
  meters: readonly MeterSeries[],
): Factor[] {
  const metered = meters.map((m) => `${m.meter} (${m.kind})`).join(", ") || "no meter";
  return [
    {
      name: "steady epoch",
      value: perEpoch.seconds,
      unit: "s",
      origin: "measured",
      source: `${from === "epochs" ? "measured epoch(s)" : "measured batches, scaled to an epoch"}: ${BOUNDARY_SOURCE[boundaries]}`,
    },
    {
      name: "steady epoch energy",
      value: perEpoch.energyKWh,
      unit: "kWh (with PUE)",
      origin: "measured",
      source: metered,
    },
    {
      name: "epochs",
      value: plan.epochs.value,
      unit: "per run",
      origin: plan.epochs.origin,
      source: plan.epochs.source,
    },
    { name: "runs", value: plan.runs, unit: "folds x models x seeds", ...runsOrigin(plan) },
    { name: "PUE", value: a.pue.value, unit: "", origin: a.pue.origin, source: a.pue.source },
    {
      name: "carbon intensity",
      value: a.intensity.value,
      unit: "g CO2eq/kWh",
      origin: a.intensity.origin,
      source: a.intensity.source,
    },
  ];
}

/** Epochs faster than the output is read: which figure gave their duration. */
function perEpochNote(prediction: ReturnType<typeof predict>): string[] {
  const by = prediction?.predicted.perEpochBy;
  if (by === "stated-duration")
    return [
      "The epochs ran faster than the output is read: each epoch's duration is the one its own line states, the start-up the run before them",
    ];
  if (by === "run-bound")
    return [
      "The epochs ran faster than the output is read and no line states their duration: an epoch is bounded by the run after its start (interval 0 to 2x)",
    ];
  return [];
}

export function buildSection(input: SectionInput): CarbonSection {
  const runEnd = Math.max(0, input.runEndUnix - input.runStartUnix);
  const host = relativeSeries(input.series, input.runStartUnix, runEnd);
  const meters = chooseMeters(host, input.hook ?? null, 0, runEnd, input.cpu.wattsPerThread).map((m) =>
    withEnergy(m, runEnd),
  );
  const idle = meters.map((m) => meanWatts(m.samples, -Infinity, 0));
  const idleWatts =
    input.idleSeconds > 0 && idle.some((w) => w !== null) ? idle.reduce<number>((sum, w) => sum + (w ?? 0), 0) : null;
  const cpuMetered = meters.some((m) => m.component === "cpu" && m.kind === "estimated");
  const assumptions: CarbonAssumptions = { ...input.assumptions, cpu: cpuMetered ? { ...input.cpu } : null };
  const pue = assumptions.pue.value;
  const gPerKWh = assumptions.intensity.value;
  const prediction = predict({
    spans: input.spans,
    runEnd,
    power: meters.map(energyInput),
    epochs: input.plan.epochs.value,
    runs: input.plan.runs,
    pue,
    gPerKWh,
  });
  const completed = input.outcome.status === "completed";
  const status: Measurement["status"] =
    completed && prediction ? "measured" : input.outcome.status === "missing-data" ? "stopped" : "failed";
  const energyKWh = meters.reduce((sum, m) => sum + m.energyKWh, 0) * pue;
  const energyMeasured = status === "measured" && energyKWh > 0;
  const anyReading =
    host.some((m) => m.samples.length > 0 || (m.cumulative?.length ?? 0) > 0) ||
    (input.hook?.cpuSeconds.length ?? 0) > 0;
  const reason =
    completed && !prediction
      ? "no epoch or batch boundary was seen in the hook events or the output"
      : !completed
        ? input.outcome.reason
        : !energyMeasured
          ? unmeteredReason(input.spans, runEnd, anyReading)
          : undefined;
  const co2g = co2Grams(energyKWh, gPerKWh);
  const actual: Measurement["actual"] = prediction
    ? {
        ...prediction.measured,
        idleWatts,
        boundaries: input.boundaries,
        ...(input.startup ? { setupEvidence: input.startup } : {}),
      }
    : {
        epochs: 0,
        seconds: runEnd,
        energyKWh,
        co2g,
        kmByCar: kmByCar(co2g),
        batches: 0,
        idleWatts,
        setupSeconds: runEnd,
        warmupSeconds: null,
        boundaries: input.boundaries,
      };
  // Host timing counts the run as the epochs it was asked for: it never stands for the whole training.
  const complete =
    status === "measured" &&
    input.plan.runs === 1 &&
    prediction !== null &&
    prediction.predicted.basis === "epoch" &&
    actual.epochs >= input.plan.epochs.value &&
    input.boundaries !== "host-timing";
  const notes = [...(input.notes ?? []), ...perEpochNote(prediction)];
  const measurement: Measurement = {
    runtime: input.runtime,
    status,
    ...(reason ? { reason } : {}),
    energyMeasured,
    complete,
    actual,
    ...(input.epochMarker ? { epochMarker: input.epochMarker } : {}),
    ...(notes.length ? { notes } : {}),
    meters,
  };
  let predicted: Prediction | null = null;
  if (prediction && status === "measured" && !complete) {
    const p = prediction.predicted;
    const from = p.basis === "epoch" ? "epochs" : "batches";
    predicted = {
      basis: "measured",
      from,
      epochs: input.plan.epochs.value,
      runs: p.runs,
      total: { epochs: p.epochs, seconds: p.seconds, energyKWh: p.energyKWh, co2g: p.co2g, kmByCar: p.kmByCar },
      interval: p.interval,
      perEpoch: p.perEpoch,
      factors: measuredFactors(input.plan, p.perEpoch, from, assumptions, input.boundaries, meters),
    };
  }
  return { plan: input.plan, measurement, prediction: predicted, assumptions };
}
