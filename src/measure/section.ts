// Assembles the report's carbon section from the plan, the outcome, the meters and the prediction (pure).
import type { CarbonSection, Consumption, MeterSeries, TrainPlan } from "../model/carbon.js";
import { co2Grams, G_CO2_PER_KM, kmByCar, MEMORY_WATTS_PER_GB } from "../carbon/equivalents.js";
import type { Intensity } from "../carbon/intensity.js";
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
  runtime: CarbonSection["runtime"];
  outcome: RunOutcome;
  spans: EpochSpan[];
  boundaries: "hook" | "stdout" | "none";
  /** Unix seconds the command was started and ended. */
  runStartUnix: number;
  runEndUnix: number;
  series: RawSeries[];
  pue: number;
  intensity: Intensity;
  cpu: CpuPower;
  /** CPU time and memory the hook recorded in the Python processes, for windows the host meters could not see. */
  hook?: HookUsage;
}

const zero = (epochs = 0): Consumption => ({ epochs, seconds: 0, energyKWh: 0, co2g: 0, kmByCar: 0 });

/** Raw series on the run's clock (seconds since start; negative = before it, the idle window). */
export function relativeSeries(series: RawSeries[], startUnix: number, runEnd: number): MeterSeries[] {
  return series.map((s) => {
    const samples = s.samples.map((p) => ({ t: Math.round((p.unix - startUnix) * 1000) / 1000, watts: Math.round(p.watts * 1000) / 1000 }));
    // Counters keep full precision: a short window's energy is a small difference of them.
    const cumulative = s.cumulative?.map((c) => ({ t: c.unix - startUnix, joules: c.joules }));
    const m: MeterSeries = { meter: s.meter, kind: s.kind, component: s.component, scope: s.scope, samples, ...(cumulative ? { cumulative } : {}), energyKWh: 0 };
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
  const window = first ? `the measured epoch (${seconds(first.end! - first.start)} s)` : `the measured part (${seconds(runEnd)} s)`;
  return anyReading
    ? `${window} was shorter than any meter could see`
    : `no meter could read ${window}: no cgroup or process tree was visible and the hook recorded no CPU time`;
}

export function buildSection(input: SectionInput): CarbonSection {
  const runEnd = Math.max(0, input.runEndUnix - input.runStartUnix);
  const host = relativeSeries(input.series, input.runStartUnix, runEnd);
  const meters = chooseMeters(host, input.hook ?? null, 0, runEnd, input.cpu.wattsPerThread).map((m) => withEnergy(m, runEnd));
  const idleWatts = meters.reduce((sum, m) => sum + (meanWatts(m.samples, -Infinity, 0) ?? 0), 0);
  const prediction = predict({
    spans: input.spans, runEnd, power: meters.map(energyInput),
    epochs: input.plan.epochs.value, runs: input.plan.runs, pue: input.pue, gPerKWh: input.intensity.gPerKWh,
  });
  const assumptions: CarbonSection["assumptions"] = {
    pue: input.pue,
    intensity: input.intensity,
    memoryWattsPerGB: MEMORY_WATTS_PER_GB,
    cpuTdpWatts: input.cpu.tdpWatts,
    cpuModel: input.cpu.model,
    cpuWattsPerThread: input.cpu.wattsPerThread,
    cpuTdpSource: input.cpu.source,
    gCO2PerKm: G_CO2_PER_KM,
  };
  const completed = input.outcome.status === "completed";
  const status: CarbonSection["status"] = completed && prediction ? "measured" : input.outcome.status === "missing-data" ? "stopped" : "failed";
  const energyKWh = meters.reduce((sum, m) => sum + m.energyKWh, 0) * input.pue;
  const energyMeasured = energyKWh > 0;
  const anyReading = host.some((m) => m.samples.length > 0 || (m.cumulative?.length ?? 0) > 0) || (input.hook?.cpuSeconds.length ?? 0) > 0;
  const reason =
    completed && !prediction ? "no epoch or batch boundary was seen in the hook events or the output"
    : !completed ? input.outcome.reason
    : !energyMeasured ? unmeteredReason(input.spans, runEnd, anyReading)
    : undefined;
  const co2g = co2Grams(energyKWh, input.intensity.gPerKWh);
  const fallbackMeasured = {
    epochs: 0, seconds: runEnd, energyKWh, co2g, kmByCar: kmByCar(co2g),
    batches: 0, idleWatts, setupSeconds: runEnd, warmupSeconds: null,
  };
  const measured = prediction ? { ...prediction.measured, idleWatts } : fallbackMeasured;
  const predicted: CarbonSection["predicted"] =
    prediction && status === "measured"
      ? prediction.predicted
      : { ...zero(), interval: { low: zero(), high: zero() }, basis: "epoch", runs: input.plan.runs, perEpoch: { seconds: 0, energyKWh: 0 } };
  return {
    plan: input.plan,
    runtime: input.runtime,
    status,
    ...(reason ? { reason } : {}),
    ...(status === "measured" ? { energyMeasured } : {}),
    measured: { ...measured, boundaries: input.boundaries },
    predicted,
    meters,
    assumptions,
  };
}
