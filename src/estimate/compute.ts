// The compute model (pure): training FLOPs = forward MACs x 2 x passes (forward + backward = 3) x images x
// epochs x runs; time = FLOPs / (the GPU's peak for the precision x utilisation), or images / a measured
// throughput; energy = board power x a draw that grows with utilisation x time (or measured joules per
// image), then PUE, intensity and km by car. Every guessed input's range widens the interval.
import { co2Grams, kmByCar } from "../carbon/equivalents.js";
import type { CalibrationEntry } from "./calibration.js";
import type { Consumption, Factor, Prediction, Sourced, TrainingCost, TrainingRole } from "../model/carbon.js";
import type { FlopsRow } from "./flops-table.js";
import type { Device, GpuTable } from "../carbon/gpu-table.js";
import { costInterval, type Cost, type Swing } from "./interval.js";
import { runFactors, sharedFactors } from "./factors.js";

export type Size = [number, number];
export type Guessed<T> = Sourced<T> & { low?: T; high?: T };

/** One training the plan knows (an ensemble member, a config), run `runs` times (folds x seeds). */
export interface RunGroup {
  label: string;
  architecture: Sourced<string>;
  row: FlopsRow;
  inputSize: Guessed<Size>;
  images: Guessed<number>;
  epochs: Guessed<number>;
  runs: Guessed<number>;
  precision: Sourced<"mixed" | "fp32"> & { guessed: boolean };
  /** Forward-pass equivalents per image: 3 (forward + backward), fewer with frozen layers. */
  passes: Guessed<number>;
  /** The model is not read: its forward cost is another training's, moved by these multipliers at the ends. */
  modelGuess?: { low: number; high: number; source: string };
  /** Data loading sets the pace: the share of the table's utilisation it keeps, and why. */
  loader?: { value: number; low: number; high: number; source: string };
  /** What the training does on the plan (default: training). */
  role?: TrainingRole;
  batchSize?: number | null;
  /** Where its values were read (the step's file:line, its training values, the loop repeating it). */
  sources?: string[];
  /** The inputs the code does not give, by name. */
  guessed?: string[];
}

export interface EstimateInput {
  groups: RunGroup[];
  device: Device;
  gpus: GpuTable;
  /** Measured throughputs for (architecture, device); the one that matches a group replaces its utilisation. */
  calibration: readonly CalibrationEntry[];
  calibrationFile: string;
  /** This machine's CPU model, to match calibration entries measured on it (device "cpu"). */
  cpuModel: string | null;
  pue: Sourced<number>;
  intensity: Sourced<number>;
  gCO2PerKm: number;
  flopsSource: string;
}

export type EstimateResult = { prediction: Prediction; reason?: undefined } | { prediction: null; reason: string };

/** Everything one group's cost depends on; the interval moves these one at a time. */
export interface GroupParams {
  macs: number;
  images: number;
  epochs: number;
  runs: number;
  passes: number;
  /** Table mode: peak TFLOPS, utilisation, and the utilisation at which the board draws its full power. */
  tflops: number;
  utilisation: number;
  fullPowerUtilisation: number;
  /** Calibrated mode: the measured entry and the MACs of its own input size. */
  measured: { imagesPerSecond: number; joulesPerImage: number | null; macs: number; precision: string } | null;
}

export interface DeviceParams {
  boardWatts: number;
  staticShare: number;
}

/** One group's seconds and joules (without PUE); joules null when nothing tells the power (a CPU without a measured energy). */
function groupCost(p: GroupParams, d: DeviceParams): { seconds: number; joules: number | null } {
  const trainImages = p.images * p.epochs * p.runs;
  if (p.measured) {
    const scale = (p.macs / p.measured.macs) * (p.passes / 3);
    const seconds = (trainImages / p.measured.imagesPerSecond) * scale;
    if (p.measured.joulesPerImage !== null) return { seconds, joules: p.measured.joulesPerImage * trainImages * scale };
    if (d.boardWatts <= 0) return { seconds, joules: null };
    return {
      seconds,
      joules: d.boardWatts * draw(achievedUtilisation(p, seconds), p.fullPowerUtilisation, d.staticShare) * seconds,
    };
  }
  const flops = 2 * p.macs * p.passes * trainImages;
  const seconds = flops / (p.tflops * 1e12 * p.utilisation);
  return { seconds, joules: d.boardWatts * draw(p.utilisation, p.fullPowerUtilisation, d.staticShare) * seconds };
}

function achievedUtilisation(p: GroupParams, seconds: number): number {
  return p.tflops > 0 && seconds > 0
    ? (2 * p.macs * p.passes * p.images * p.epochs * p.runs) / (seconds * p.tflops * 1e12)
    : 0;
}

/** Share of board power drawn: its static share, plus the rest in proportion to utilisation up to full power. */
export function draw(utilisation: number, fullPowerUtilisation: number, staticShare: number): number {
  return staticShare + (1 - staticShare) * Math.min(1, utilisation / fullPowerUtilisation);
}

/** A guessed input: how it moves the parameters to its low and its high end. */
export interface Knob {
  apply(groups: GroupParams[], device: DeviceParams, end: "low" | "high"): void;
  /** The group it moves; none for what every group shares (the device). */
  group?: number;
  /** The unknown it stands for: knobs of different groups with one key are one unknown (the same default dataset
   * size, the same stand-in model, the GPU's utilisation), moved together, never taken as independent. */
  key?: string;
}

function totalCost(groups: readonly GroupParams[], device: DeviceParams): { seconds: number; joules: number | null } {
  let seconds = 0;
  let joules: number | null = 0;
  for (const g of groups) {
    const c = groupCost(g, device);
    seconds += c.seconds;
    joules = joules === null || c.joules === null ? null : joules + c.joules;
  }
  return { seconds, joules };
}

function consumption(epochs: number, cost: Cost, pue: number, gPerKWh: number): Consumption {
  const energyKWh = (cost.joules / 3.6e6) * pue;
  const co2g = co2Grams(energyKWh, gPerKWh);
  return { epochs, seconds: cost.seconds, energyKWh, co2g, kmByCar: kmByCar(co2g) };
}

/** The estimated prediction for the groups on the device, or why there is none. */
export function estimate(input: EstimateInput): EstimateResult {
  if (input.groups.length === 0)
    return { prediction: null, reason: "no architecture of the FLOPs table was found in the training code" };
  const built = runFactors(input);
  if ("reason" in built) return { prediction: null, reason: built.reason };
  const { params, device, knobs, factors } = built;
  const central = totalCost(params, device);
  if (central.joules === null)
    return {
      prediction: null,
      reason: `no energy per image was measured on this CPU for ${input.groups.map((g) => g.architecture.value).join(", ")}`,
    };
  const centre: Cost = { seconds: central.seconds, joules: central.joules };
  const range = costInterval(centre, swingsOf(knobs, params, device, centre));
  const epochs = input.groups.reduce((a, g) => a + g.epochs.value * g.runs.value, 0);
  const runs = input.groups.reduce((a, x) => a + x.runs.value, 0);
  const pue = input.pue.value;
  const g = input.intensity.value;
  const first = input.groups[0]!;
  const single = input.groups.length === 1 ? groupCost(params[0]!, device) : null;
  const perRunEpochs = first.epochs.value * first.runs.value;
  return {
    prediction: {
      basis: "estimated",
      // Epochs of one run: an ensemble's trainings may differ, so their mean (total epochs / runs).
      epochs: epochs / runs,
      runs,
      total: consumption(epochs, centre, pue, g),
      interval: { low: consumption(epochs, range.low, pue, g), high: consumption(epochs, range.high, pue, g) },
      ...(single && single.joules !== null && perRunEpochs > 0
        ? {
            perEpoch: {
              seconds: single.seconds / perRunEpochs,
              energyKWh: ((single.joules / 3.6e6) * pue) / perRunEpochs,
            },
          }
        : {}),
      factors: [...factors, ...sharedFactors(input, built.deviceFactors)],
      trainings: input.groups.map((group, i) => trainingRow(group, i, params, device, knobs, pue, g)),
    },
  };
}

/** Each knob's effect on the cost of `groups` (all by default), the other inputs at their centre. */
function swingsOf(
  knobs: readonly Knob[],
  params: readonly GroupParams[],
  device: DeviceParams,
  centre: Cost,
  only?: number,
): Swing[] {
  const pick = (list: GroupParams[]) => (only === undefined ? list : [list[only]!]);
  return knobs
    .filter((k) => only === undefined || k.group === undefined || k.group === only)
    .map((knob) => {
      const at = (end: "low" | "high"): Cost => {
        const g = params.map((p) => ({ ...p }));
        const d = { ...device };
        knob.apply(g, d, end);
        const c = totalCost(pick(g), d);
        return { seconds: c.seconds, joules: c.joules ?? centre.joules };
      };
      return { low: at("low"), high: at("high") };
    });
}

/** One training's own figure and interval (the knobs that move it and the device's). */
function trainingRow(
  group: RunGroup,
  i: number,
  params: readonly GroupParams[],
  device: DeviceParams,
  knobs: readonly Knob[],
  pue: number,
  gPerKWh: number,
): TrainingCost {
  const own = groupCost(params[i]!, device);
  const centre: Cost = { seconds: own.seconds, joules: own.joules ?? 0 };
  const range = costInterval(centre, swingsOf(knobs, params, device, centre, i));
  const epochs = group.epochs.value * group.runs.value;
  return {
    label: group.label,
    role: group.role ?? "training",
    architecture: group.architecture.value,
    inputSize: Math.max(...group.inputSize.value),
    batchSize: group.batchSize ?? null,
    images: group.images.value,
    epochs: group.epochs.value,
    runs: group.runs.value,
    total: consumption(epochs, centre, pue, gPerKWh),
    interval: {
      low: consumption(epochs, range.low, pue, gPerKWh),
      high: consumption(epochs, range.high, pue, gPerKWh),
    },
    sources: group.sources ?? [
      group.architecture.source,
      group.inputSize.source,
      group.images.source,
      group.epochs.source,
      group.runs.source,
    ],
    guessed: group.guessed ?? guessedInputs(group),
  };
}

/** The inputs of a group the code did not give: a default or table value stands in for them. */
export function guessedInputs(group: RunGroup): string[] {
  const out: string[] = [];
  if (group.modelGuess) out.push("model");
  if (group.inputSize.origin === "table" || group.inputSize.origin === "default") out.push("image size");
  if (group.images.origin === "default") out.push("images per epoch");
  if (group.epochs.origin === "default") out.push("epochs");
  if (group.runs.low !== undefined || group.runs.high !== undefined) out.push("count");
  return out;
}
