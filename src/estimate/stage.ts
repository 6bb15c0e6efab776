// The static estimate as the pipeline runs it: where no epoch gave the whole training's figure, the carbon
// section gets the estimated prediction; where an epoch was measured, its throughput goes to the calibration
// file so later estimates of that architecture use it.
import { readFileSync } from "node:fs";
import { carbonAssumptions } from "../carbon/assumptions.js";
import { DEFAULT_PUE } from "../carbon/equivalents.js";
import type { CarbonAssumptions, CarbonSection, TrainPlan } from "../model/carbon.js";
import type { Facts } from "../model/facts.js";
import type { RepoInfo } from "../model/report.js";
import { sourced, type Sourced } from "../model/sourced.js";
import { cpuModelName } from "../measure/meters/cpu-model.js";
import { calibrationPath, recordCalibration, type CalibrationEntry } from "./calibration.js";
import type { RunGroup } from "./compute.js";
import { estimateTraining, type EstimateOptions, type EstimateOutcome } from "./index.js";
import { AuditError } from "../model/errors.js";

export interface EstimateStep {
  carbon: CarbonSection | undefined;
  plan: TrainPlan | null;
  facts: Facts;
  settings: {
    gpuModel: Sourced<string> | null;
    datasetSize: Sourced<number> | null;
    pue: Sourced<number> | null;
    region: Sourced<string> | null;
    intensity: Sourced<number> | null;
  };
  repo: RepoInfo;
  /** The report's notes; the step adds its own. */
  notes: string[];
  /** Keep measured throughputs in the calibration file (default true). */
  calibrate?: boolean;
}

function hostCpuModel(): string | null {
  try {
    return cpuModelName(readFileSync("/proc/cpuinfo", "utf8"));
  } catch {
    return null;
  }
}

/** A plan for a section that has none: the estimated trainings' own epochs and runs (several: their mean epochs
 * per run and all their runs, each training's own in the prediction's rows). */
function planOf(groups: RunGroup[]): TrainPlan {
  const one = sourced(1, "default", "default");
  const first = groups[0]!;
  const strip = (x: Sourced<number>): Sourced<number> => sourced(x.value, x.origin, x.source);
  if (groups.length === 1)
    return {
      commands: [],
      epochs: strip(first.epochs),
      folds: strip(first.runs),
      models: one,
      seeds: one,
      runs: first.runs.value,
    };
  const runs = groups.reduce((a, g) => a + g.runs.value, 0);
  const epochs = groups.reduce((a, g) => a + g.epochs.value * g.runs.value, 0) / runs;
  const what = `the ${groups.length} trainings costed (each in the estimate's trainings)`;
  return {
    commands: [],
    epochs: sourced(Number(epochs.toPrecision(4)), "estimated", `mean epochs per run over ${what}`),
    folds: sourced(runs, "estimated", `runs of ${what}`),
    models: one,
    seeds: one,
    runs,
  };
}

/** The carbon section with an estimated prediction where nothing measured gives one; unchanged otherwise. */
export async function estimateStep(step: EstimateStep): Promise<CarbonSection | undefined> {
  const { carbon, settings } = step;
  const file = calibrationPath();
  const assumptions =
    carbon?.assumptions ??
    carbonAssumptions({
      pue: settings.pue ?? sourced(DEFAULT_PUE, "default", "default"),
      region: settings.region,
      intensity: settings.intensity,
    });
  let result: EstimateOutcome;
  try {
    result = await estimateTraining(optionsFor(step, assumptions, file));
  } catch (error) {
    if (error instanceof AuditError) throw error; // a bad --gpu-model is the user's to fix
    step.notes.push(
      `No carbon estimate from the code: the estimate failed (${(error as Error).message.split("\n")[0]}).`,
    );
    return carbon;
  }
  step.notes.push(...result.notes);
  if (carbon?.measurement && step.calibrate !== false)
    await calibrateFrom(carbon, result.groups, settings.gpuModel, step, file);
  if (carbon && (carbon.prediction || carbon.measurement?.complete)) return carbon;
  if (!result.prediction) {
    step.notes.push(`No carbon estimate from the code: ${result.reason}.`);
    return carbon;
  }
  return {
    plan: carbon?.plan ?? step.plan ?? planOf(result.groups),
    ...(carbon?.measurement ? { measurement: carbon.measurement } : {}),
    prediction: result.prediction,
    assumptions,
  };
}

/** The GPU a Kaggle kernel gets when its kernel-metadata.json asks for one (enable_gpu): Kaggle's P100. */
const KAGGLE_GPU = "p100";

/** The estimate's reference GPU: the user's, else the one a Kaggle kernel asks for, else the default. A kernel
 * that asks for none gets a note, since a GPU figure then stands for hardware the kernel does not use. */
function referenceGpu(settings: EstimateStep["settings"], facts: Facts, notes: string[]): Sourced<string> | null {
  const { gpuModel } = settings;
  if (gpuModel && gpuModel.origin !== "default") return gpuModel;
  const asked = (facts.families["kaggle-kernel"] ?? []).find((r) => r.kind === "gpu");
  if (asked?.value === true) {
    notes.push(
      `Static estimate on Kaggle's GPU (${KAGGLE_GPU}): ${asked.file}:${asked.line} asks for a GPU (enable_gpu); --gpu-model names another.`,
    );
    return sourced(KAGGLE_GPU, "repo-config", `${asked.file}:${asked.line} enable_gpu`);
  }
  if (asked?.value === false)
    notes.push(
      `${asked.file}:${asked.line} runs the kernel without a GPU (enable_gpu: false): the estimate's GPU figure stands for hardware the kernel does not use.`,
    );
  return gpuModel;
}

function optionsFor(step: EstimateStep, a: CarbonAssumptions, file: string): EstimateOptions {
  const { datasetSize } = step.settings;
  const gpuModel = referenceGpu(step.settings, step.facts, step.notes);
  return {
    facts: step.facts,
    plan: step.plan,
    ...(gpuModel
      ? { gpuModel: gpuModel.value, gpuModelSetting: gpuModel.origin === "flag" ? "--gpu-model" : gpuModel.source }
      : {}),
    ...(datasetSize ? { datasetSize } : {}),
    pue: a.pue,
    intensity: a.intensity,
    gCO2PerKm: a.gCO2PerKm.value,
    cpuModel: hostCpuModel(),
    calibrationFile: file,
  };
}

/** The measured epoch's throughput, kept for the one training the code describes. A GPU run is kept only
 * under the GPU the user named (--gpu-model): the meters do not say which GPU model it was. */
async function calibrateFrom(
  carbon: CarbonSection,
  groups: RunGroup[],
  gpuModel: Sourced<string> | null,
  step: EstimateStep,
  file: string,
): Promise<void> {
  const m = carbon.measurement!;
  const group = groups.length === 1 ? groups[0]! : null;
  if (m.status !== "measured" || !group || group.images.origin === "default") return;
  const onGpu = m.meters.some((x) => x.component === "gpu");
  if (onGpu && gpuModel?.origin !== "flag" && gpuModel?.origin !== "user-config") {
    step.notes.push(
      "The measured epoch ran on a GPU: its throughput is kept for later estimates only when --gpu-model names that GPU.",
    );
    return;
  }
  const perEpoch =
    carbon.prediction?.perEpoch ??
    (m.complete && m.actual.epochs > 0
      ? {
          seconds: (m.actual.seconds - m.actual.setupSeconds) / m.actual.epochs,
          energyKWh: (m.actual.energyKWh * (1 - m.actual.setupSeconds / m.actual.seconds)) / m.actual.epochs,
        } // start-up's share left out
      : null);
  if (!perEpoch || perEpoch.seconds <= 0) return;
  const pue = carbon.assumptions.pue.value;
  const entry: CalibrationEntry = {
    architecture: group.architecture.value,
    inputSize: group.inputSize.value,
    device: onGpu ? gpuModel!.value : "cpu",
    deviceName: onGpu ? gpuModel!.value : (carbon.assumptions.cpu?.model ?? hostCpuModel() ?? "unknown CPU"),
    precision: group.precision.value,
    imagesPerSecond: group.images.value / perEpoch.seconds,
    joulesPerImage:
      m.energyMeasured && perEpoch.energyKWh > 0 ? ((perEpoch.energyKWh / pue) * 3.6e6) / group.images.value : null,
    measuredAt: new Date().toISOString(),
    source:
      `${step.repo.url}${step.repo.commit ? `@${step.repo.commit.slice(0, 12)}` : ""} ${carbon.plan.commands[0]?.value ?? ""}`
        .trim()
        .slice(0, 500),
  };
  const written = await recordCalibration(entry, file);
  step.notes.push(
    written.written
      ? `Measured throughput of ${entry.architecture} (${entry.imagesPerSecond.toPrecision(3)} images/s on ${entry.deviceName}) kept in ${file} for later estimates.`
      : `Calibration file ${file}: ${written.problem}.`,
  );
}
