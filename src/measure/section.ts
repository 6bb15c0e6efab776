// Assembles the report's carbon section from the plan, the outcome, the meters and the prediction (pure).
import type { CarbonSection, Consumption, MeterSeries, TrainPlan } from "../model/carbon.js";
import { co2Grams, G_CO2_PER_KM, kmByCar, MEMORY_WATTS_PER_GB } from "../carbon/equivalents.js";
import type { Intensity } from "../carbon/intensity.js";
import type { EpochSpan } from "./boundaries.js";
import { joules, meanWatts, toKWh } from "./integrate.js";
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
}

const zero = (epochs = 0): Consumption => ({ epochs, seconds: 0, energyKWh: 0, co2g: 0, kmByCar: 0 });

/** Raw series on the run's clock (seconds since start; negative = before it, the idle window). */
export function relativeSeries(series: RawSeries[], startUnix: number, runEnd: number): MeterSeries[] {
  return series.map((s) => {
    const samples = s.samples.map((p) => ({ t: Math.round((p.unix - startUnix) * 1000) / 1000, watts: Math.round(p.watts * 1000) / 1000 }));
    return { meter: s.meter, kind: s.kind, component: s.component, scope: s.scope, samples, energyKWh: toKWh(joules(samples, 0, runEnd)) };
  });
}

export function buildSection(input: SectionInput): CarbonSection {
  const runEnd = Math.max(0, input.runEndUnix - input.runStartUnix);
  const meters = relativeSeries(input.series, input.runStartUnix, runEnd);
  const idleWatts = meters.reduce((sum, m) => sum + (meanWatts(m.samples, -Infinity, 0) ?? 0), 0);
  const prediction = predict({
    spans: input.spans, runEnd, power: meters.map((m) => m.samples),
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
  const reason = completed && !prediction ? "no epoch or batch boundary was seen in the hook events or the output" : completed ? undefined : input.outcome.reason;
  const energyKWh = meters.reduce((sum, m) => sum + m.energyKWh, 0) * input.pue;
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
    measured: { ...measured, boundaries: input.boundaries },
    predicted,
    meters,
    assumptions,
  };
}
