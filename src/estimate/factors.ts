// The estimate's inputs as the report shows them (each factor with its value, origin, source and range) and
// as the compute model moves them (parameters and knobs). Pure.
import { findCalibration, type CalibrationEntry } from "./calibration.js";
import type { EstimateInput, GroupParams, DeviceParams, Knob, RunGroup, Size } from "./compute.js";
import type { Factor } from "../model/carbon.js";
import { macsAt } from "./flops-table.js";
import { peakFor, type GpuRow, type GpuTable } from "../carbon/gpu-table.js";

const G = 1e9;
const sizeText = (s: Size) => `${s[0]}x${s[1]}`;
const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

export interface Built {
  params: GroupParams[];
  device: DeviceParams;
  knobs: Knob[];
  factors: Factor[];
  deviceFactors: Factor[];
}

interface Speed {
  tflops: number;
  utilisation: number;
  fullPowerUtilisation: number;
  precisionClass: string;
}

function speedFor(row: GpuRow | null, gpus: GpuTable, precision: "mixed" | "fp32", transformer: boolean): Speed {
  if (!row) return { tflops: 0, utilisation: 1, fullPowerUtilisation: 1, precisionClass: "cpu" };
  const peak = peakFor(row, precision, transformer);
  const u = gpus.utilisation[peak.precisionClass];
  return {
    tflops: peak.tflops,
    utilisation: u.value,
    fullPowerUtilisation: u.high,
    precisionClass: peak.precisionClass,
  };
}

function calibrationFor(input: EstimateInput, group: RunGroup): CalibrationEntry | null {
  const want = {
    architecture: group.architecture.value,
    precision: group.precision.value,
    inputSize: group.inputSize.value,
  };
  if (input.device.kind === "cpu")
    return input.cpuModel
      ? findCalibration(input.calibration, { ...want, device: "cpu", deviceName: input.cpuModel })
      : null;
  return findCalibration(input.calibration, { ...want, device: input.device.id });
}

/** The parameters, knobs and factors of every group, or why the device cannot cost them. */
export function runFactors(input: EstimateInput): Built | { reason: string } {
  const gpu = input.device.kind === "gpu" ? input.device.row : null;
  const params: GroupParams[] = [];
  const knobs: Knob[] = [];
  const factors: Factor[] = [];
  let anyTable = false;
  for (const [i, group] of input.groups.entries()) {
    const prefix = input.groups.length > 1 ? `${group.label}: ` : "";
    const transformer = group.row.scaling.kind === "tokens";
    const speed = speedFor(gpu, input.gpus, group.precision.value, transformer);
    const entry = calibrationFor(input, group);
    if (!gpu && !entry)
      return {
        reason: `no throughput of ${group.architecture.value} was measured on this CPU (${input.cpuModel ?? "unknown model"}): measure an epoch of it, or estimate for a GPU with --gpu-model`,
      };
    const macs = macsAt(group.row, group.inputSize.value);
    const share = group.loader?.value ?? 1;
    params.push({
      macs,
      images: group.images.value,
      epochs: group.epochs.value,
      runs: group.runs.value,
      passes: group.passes.value,
      ...speed,
      utilisation: speed.utilisation * share,
      measured: entry
        ? {
            imagesPerSecond: entry.imagesPerSecond,
            joulesPerImage: entry.joulesPerImage,
            macs: macsAt(group.row, entry.inputSize),
            precision: entry.precision,
          }
        : null,
    });
    factors.push(...groupFactors(input, group, prefix, macs, speed, entry));
    knobs.push(...groupKnobs(input, group, i, gpu, transformer));
    if (!entry || entry.joulesPerImage === null) anyTable = true;
  }
  const staticShare = input.gpus.power.static;
  const device: DeviceParams = { boardWatts: gpu?.boardWatts ?? 0, staticShare: staticShare.value };
  const deviceFactors: Factor[] = [];
  if (gpu) {
    deviceFactors.push({
      name: "board power",
      value: gpu.boardWatts,
      unit: "W (maximum board power)",
      origin: "table",
      source: `data/gpu-models.json ${input.device.id}: ${gpu.name}, ${gpu.source}`,
    });
    if (anyTable) {
      deviceFactors.push({
        name: "static share of board power",
        value: staticShare.value,
        unit: "drawn even while waiting for data",
        origin: "default",
        source: `${input.gpus.power.source}: draw = board power x (static + (1 - static) x min(1, utilisation / the precision's high utilisation))`,
        low: staticShare.low,
        high: staticShare.high,
      });
      knobs.push({ apply: (_g, d, end) => void (d.staticShare = staticShare[end]) });
    }
  }
  return { params, device, knobs: sharedUnknownsTogether(knobs), factors, deviceFactors };
}

/** Knobs of several groups that stand for one unknown become one knob moving them all: n trainings guessing the
 * same dataset size are not n independent guesses whose errors cancel. */
function sharedUnknownsTogether(knobs: readonly Knob[]): Knob[] {
  const byKey = new Map<string, Knob[]>();
  for (const k of knobs) if (k.key !== undefined) byKey.set(k.key, [...(byKey.get(k.key) ?? []), k]);
  const merged = new Set<string>();
  const out: Knob[] = [];
  for (const k of knobs) {
    const same = k.key === undefined ? undefined : byKey.get(k.key)!;
    if (!same || same.length === 1) out.push(k);
    else if (!merged.has(k.key!)) {
      merged.add(k.key!);
      // No group: each training's own interval still counts it, moving that training alone.
      out.push({ apply: (g, d, end) => same.forEach((x) => x.apply(g, d, end)), key: k.key! });
    }
  }
  return out;
}

function groupKnobs(
  input: EstimateInput,
  group: RunGroup,
  i: number,
  gpu: GpuRow | null,
  transformer: boolean,
): Knob[] {
  return ownKnobs(input, group, i, gpu, transformer).map((k) => ({ ...k, group: i }));
}

function ownKnobs(input: EstimateInput, group: RunGroup, i: number, gpu: GpuRow | null, transformer: boolean): Knob[] {
  const knobs: Knob[] = [];
  const { epochs, runs, modelGuess } = group;
  if (epochs.low !== undefined && epochs.high !== undefined)
    knobs.push({
      apply: (g, _d, end) => void (g[i]!.epochs = epochs[end]!),
      key: `epochs ${epochs.value} ${epochs.low} ${epochs.high}`,
    });
  if (runs.low !== undefined && runs.high !== undefined)
    knobs.push({ apply: (g, _d, end) => void (g[i]!.runs = runs[end]!) });
  if (modelGuess)
    knobs.push({
      apply: (g, _d, end) => void (g[i]!.macs *= modelGuess[end]),
      key: `stand-in model ${group.architecture.value}`,
    });
  const size = group.inputSize;
  if (size.low && size.high)
    knobs.push({
      apply: (g, _d, end) => void (g[i]!.macs = macsAt(group.row, size[end]!)),
      key: `size ${size.source}`,
    });
  const images = group.images;
  if (images.low !== undefined && images.high !== undefined)
    knobs.push({ apply: (g, _d, end) => void (g[i]!.images = images[end]!), key: `images ${images.source}` });
  const passes = group.passes;
  if (passes.low !== undefined && passes.high !== undefined)
    knobs.push({ apply: (g, _d, end) => void (g[i]!.passes = passes[end]!) });
  if (!gpu) return knobs;
  const cls = peakFor(gpu, group.precision.value, transformer).precisionClass;
  const u = input.gpus.utilisation[cls];
  const share = group.loader ?? { low: 1, high: 1 };
  knobs.push({
    apply: (g, _d, end) => void (g[i]!.measured === null && (g[i]!.utilisation = u[end] * share[end])),
    key: `utilisation ${cls}`,
  });
  if (group.precision.guessed) {
    const other = speedFor(gpu, input.gpus, group.precision.value === "mixed" ? "fp32" : "mixed", transformer);
    knobs.push({
      apply: (g, _d, end) => void (end === "high" && g[i]!.measured === null && Object.assign(g[i]!, other)),
      key: `precision ${cls}`,
    });
  }
  return knobs;
}

function groupFactors(
  input: EstimateInput,
  group: RunGroup,
  prefix: string,
  macs: number,
  speed: Speed,
  entry: CalibrationEntry | null,
): Factor[] {
  const { row, inputSize: size, images, passes } = group;
  const ranged = <T>(f: Factor, low: T | undefined, high: T | undefined, at: (x: T) => number): Factor =>
    low !== undefined && high !== undefined ? { ...f, low: round(at(low)), high: round(at(high)) } : f;
  const scaled =
    size.value[0] === row.resolution[0] && size.value[1] === row.resolution[1]
      ? ""
      : `, scaled to ${sizeText(size.value)} by ${row.scaling.kind}`;
  const guess = group.modelGuess;
  const forward = ranged(
    {
      name: `${prefix}forward GMACs per image`,
      value: round(macs / G),
      unit: "G multiply-accumulates",
      origin: guess ? "default" : row.countedFrom ? "code" : "table",
      source: `${row.countedFrom ?? input.flopsSource} ${group.architecture.value} @${sizeText(row.resolution)}: ${round(row.macs / G)} G${scaled}; architecture ${group.architecture.source}`,
    },
    size.low,
    size.high,
    (s) => macsAt(row, s) / G,
  );
  const out: Factor[] = [
    guess
      ? {
          ...forward,
          low: round((forward.low ?? forward.value) * guess.low),
          high: round((forward.high ?? forward.value) * guess.high),
          source: `${forward.source}; ${guess.source}`,
        }
      : forward,
    ranged(
      {
        name: `${prefix}input size`,
        value: size.value[0],
        unit: size.value[0] === size.value[1] ? "px square" : `px high, ${size.value[1]} px wide`,
        origin: size.origin,
        source: size.source,
      },
      size.low,
      size.high,
      (s) => s[0],
    ),
    ranged(
      {
        name: `${prefix}images per epoch`,
        value: images.value,
        unit: "images",
        origin: images.origin,
        source: images.source,
      },
      images.low,
      images.high,
      (n) => n,
    ),
    ranged(
      {
        name: `${prefix}epochs`,
        value: group.epochs.value,
        unit: "epochs per run",
        origin: group.epochs.origin,
        source: group.epochs.source,
      },
      group.epochs.low,
      group.epochs.high,
      (n) => n,
    ),
    ranged(
      {
        name: `${prefix}runs`,
        value: group.runs.value,
        unit: "runs (folds x models x seeds)",
        origin: group.runs.origin,
        source: group.runs.source,
      },
      group.runs.low,
      group.runs.high,
      (n) => n,
    ),
    ranged(
      {
        name: `${prefix}passes per image`,
        value: passes.value,
        unit: "forward-pass equivalents (forward + backward)",
        origin: passes.origin,
        source: passes.source,
      },
      passes.low,
      passes.high,
      (n) => n,
    ),
    {
      name: `${prefix}training compute`,
      value: round((2 * macs * passes.value * images.value * group.epochs.value * group.runs.value) / 1e15),
      unit: "PFLOP",
      origin: "estimated",
      source: "forward MACs x 2 FLOPs x passes x images x epochs x runs",
    },
  ];
  if (entry) {
    out.push({
      name: `${prefix}measured throughput`,
      value: round(entry.imagesPerSecond),
      unit: "training images/s",
      origin: "measured",
      source: `${input.calibrationFile}: ${entry.architecture} @${sizeText(entry.inputSize)} on ${entry.device} (${entry.deviceName}), ${entry.precision}, measured ${entry.measuredAt.slice(0, 10)} from ${entry.source}; replaces the table's utilisation`,
    });
    if (entry.joulesPerImage !== null)
      out.push({
        name: `${prefix}measured energy per image`,
        value: round(entry.joulesPerImage),
        unit: "J per training image (without PUE)",
        origin: "measured",
        source: `${input.calibrationFile}, the same measurement`,
      });
    return out;
  }
  const u = input.gpus.utilisation[speed.precisionClass as "fp16" | "tf32" | "fp32"];
  const gpu = input.device.kind === "gpu" ? input.device.row : null;
  const precisionWords = `${group.precision.value === "mixed" ? "mixed precision" : "fp32"} (${group.precision.source})`;
  const other =
    group.precision.guessed && gpu
      ? speedFor(
          gpu,
          input.gpus,
          group.precision.value === "mixed" ? "fp32" : "mixed",
          group.row.scaling.kind === "tokens",
        )
      : null;
  out.push({
    name: `${prefix}peak throughput`,
    value: speed.tflops,
    unit: `TFLOPS (${speed.precisionClass}, dense)`,
    origin: "table",
    source: `data/gpu-models.json ${input.device.id}; ${precisionWords}`,
    ...(other && other.tflops !== speed.tflops
      ? { low: Math.min(speed.tflops, other.tflops), high: Math.max(speed.tflops, other.tflops) }
      : {}),
  });
  const loader = group.loader;
  out.push({
    name: `${prefix}utilisation`,
    unit: "of peak",
    origin: "default",
    ...(loader
      ? {
          value: round(u.value * loader.value),
          source: `${input.gpus.utilisation.source}; ${loader.source}`,
          low: round(u.low * loader.low),
          high: round(u.high * loader.high),
        }
      : { value: u.value, source: input.gpus.utilisation.source, low: u.low, high: u.high }),
  });
  return out;
}

/** Factors every group shares: the device's, PUE and carbon intensity. */
export function sharedFactors(input: EstimateInput, deviceFactors: Factor[]): Factor[] {
  return [
    ...deviceFactors,
    {
      name: "PUE",
      value: input.pue.value,
      unit: "facility energy / IT energy",
      origin: input.pue.origin,
      source: input.pue.source,
    },
    {
      name: "carbon intensity",
      value: input.intensity.value,
      unit: "g CO2eq/kWh",
      origin: input.intensity.origin,
      source: input.intensity.source,
    },
  ];
}
