// The report's `carbon` section, one shape for every basis: the train plan, an optional measurement, and a
// prediction of the whole training that is measured, estimated (from the code) or given (by the user).
import type { Origin, Sourced } from "./sourced.js";

export type { Origin, Sourced } from "./sourced.js";

export interface TrainPlan {
  commands: Sourced<string>[];
  epochs: Sourced<number>;
  folds: Sourced<number>;
  models: Sourced<number>;
  seeds: Sourced<number>;
  /** folds x models x seeds. */
  runs: number;
}

export interface PowerSample {
  /** Seconds since the run started. */
  t: number;
  watts: number;
}

export interface MeterSeries {
  meter: string; // "nvidia-smi", "rapl", "cpu-share-tdp", "memory"
  kind: "measured" | "estimated";
  component: "gpu" | "cpu" | "memory";
  /** What the meter covers, e.g. "GPU 0", "package 0", "container cgroup", "process tree". */
  scope?: string;
  samples: PowerSample[];
  /** Counter meters (RAPL, CPU time x watts per thread): joules since the counter's origin, read at t (seconds
   * since the run started). A window's energy is the difference at its edges, so it needs no run of samples. */
  cumulative?: Array<{ t: number; joules: number }>;
  /** Energy this meter saw over the run, without PUE. */
  energyKWh: number;
}

export interface Consumption {
  epochs: number;
  seconds: number;
  energyKWh: number;
  co2g: number;
  kmByCar: number;
}

export interface Range<T> {
  low: T;
  high: T;
}

/** What the instrumented run measured. Energy figures include PUE; `meters[].energyKWh` do not. */
export interface Measurement {
  runtime: "container" | "host";
  status: "measured" | "stopped" | "failed";
  reason?: string;
  /** false: boundaries were seen but no meter saw the measured window; energy figures are unknown, not zero. */
  energyMeasured: boolean;
  /** Every epoch of the plan was measured: `actual` is the whole training and there is no prediction. */
  complete: boolean;
  actual: Consumption & {
    batches: number;
    /** Mean power before the run started (what the machine draws anyway); null when it was not sampled. */
    idleWatts: number | null;
    /** One-time start-up (imports, data loading) before the first epoch began. */
    setupSeconds: number;
    /** What set the start-up apart from the first epoch, so that it is paid once per run (absent in older reports). */
    setupEvidence?: {
      by: "hook-mark" | "stated-duration" | "start-line" | "progress-bar" | "second-epoch" | "none";
      words: string;
    };
    /** Extra time of the first epoch over a steady one; null when too few batches to tell. */
    warmupSeconds: number | null;
    /** Where epoch and batch boundaries came from; "host-timing": the hook's were not trusted, the run is timed whole. */
    boundaries: "hook" | "stdout" | "host-timing" | "none";
  };
  /** How the output's epoch lines were read (boundaries from stdout): as starts or ends, who said so and why. */
  epochMarker?: { value: "start" | "end"; origin: Origin; source: string; evidence: string[] };
  /** What a reader must know about how this was measured: events set aside, a --batches that fell back. */
  notes?: string[];
  meters: MeterSeries[];
}

/** One input a prediction rests on, with where it came from and, when guessed, its own range. */
export interface Factor {
  name: string;
  value: number;
  unit: string;
  origin: Origin;
  source: string;
  low?: number;
  high?: number;
}

export type Basis = "measured" | "estimated" | "given";

/** What a training does on the plan: each is a row of its own. */
export type TrainingRole = "pretraining" | "training" | "pseudo-label" | "fine-tuning";

/** One training the static estimate costs: its inputs, its own figure and interval, and where each came from. */
export interface TrainingCost {
  label: string;
  role: TrainingRole;
  architecture: string;
  /** Input size in pixels (the longer side). */
  inputSize: number;
  batchSize: number | null;
  images: number;
  /** Epochs of one run. */
  epochs: number;
  /** Times it runs: the plan's repeat x folds x seeds. */
  runs: number;
  total: Consumption;
  interval: Range<Consumption>;
  /** Where its values were read: the step's file:line, the training values, the loop that repeats it. */
  sources: string[];
  /** Inputs the code does not give (count, epochs, image size, images per epoch, model), each guessed and widening the interval. */
  guessed: string[];
}

/** How much of the plan the estimate rests on: its trainings costed from the code, and those with guessed inputs. */
export interface EstimateCoverage {
  /** rerun-plan: each training step of the plan is a row; single-training: the plan names no training step. */
  basis: "rerun-plan" | "single-training";
  trainings: number;
  fromCode: number;
  guessed: number;
  /** The stated factor a guessed count, epochs or model moves by, each way. */
  widening: number;
  note: string;
}

export interface Prediction {
  basis: Basis;
  /** Measured basis: what was scaled up, whole epochs or a few batches of one. */
  from?: "epochs" | "batches";
  /** Epochs of one run. */
  epochs: number;
  /** folds x models x seeds. */
  runs: number;
  /** The central figure for the whole training (all runs). */
  total: Consumption;
  interval: Range<Consumption>;
  perEpoch?: { seconds: number; energyKWh: number };
  /** What the figure rests on, each with its source. */
  factors: Factor[];
  /** Estimated basis: each training costed, whose figures sum to `total`. */
  trainings?: TrainingCost[];
  /** Estimated basis: what the trainings rest on. */
  coverage?: EstimateCoverage;
}

export interface CarbonAssumptions {
  pue: Sourced<number>;
  intensity: Sourced<number> & { region: string; year: number | null };
  gCO2PerKm: Sourced<number>;
  memoryWattsPerGB: number;
  /** The CPU power figure the CPU-share meter used; null when no CPU was estimated. `fallback`: null when the model's
   * own table row gave it, else which fallback did and why. */
  cpu: {
    model: string | null;
    tdpWatts: number | null;
    wattsPerThread: number;
    source: string;
    fallback: string | null;
  } | null;
}

export interface CarbonSection {
  plan: TrainPlan;
  measurement?: Measurement;
  /** The whole training; null when nothing could be predicted (the run failed and no estimate exists). */
  prediction: Prediction | null;
  assumptions: CarbonAssumptions;
}

/** A plan of one run of one command, for re-analysis and benches: `origin`/`source` say who set it. */
export function singleRunPlan(command: string, epochs: number, origin: Origin, source: string): TrainPlan {
  const one = { value: 1, origin: "default" as const, source: "default" };
  return {
    commands: [{ value: command, origin, source }],
    epochs: { value: epochs, origin, source },
    folds: one,
    models: one,
    seeds: one,
    runs: 1,
  };
}
