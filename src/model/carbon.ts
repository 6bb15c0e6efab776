// The report's `carbon` section: the train plan, what one instrumented epoch measured and the prediction.

export interface Sourced<T> {
  value: T;
  /** Where the number came from: "config", "flag", "README line 12", "argparse default in train.py:30", "default". */
  source: string;
}

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

export interface CarbonSection {
  plan: TrainPlan;
  runtime: "container" | "host";
  status: "measured" | "stopped" | "failed";
  reason?: string;
  /** false: boundaries were seen but no meter saw the measured window; `reason` says why and the energy
   * figures are unknown rather than zero. Absent in sections saved by earlier versions. */
  energyMeasured?: boolean;
  /** Energy figures include PUE; `meters[].energyKWh` do not. Fields marked optional are always filled by
   * runEpochStage; they are optional only so sections saved by earlier versions still type-check. */
  measured: Consumption & {
    batches: number;
    /** Mean power before the run started (what the machine draws anyway), reported apart. */
    idleWatts: number;
    /** One-time start-up (imports, data loading) before the first epoch began. */
    setupSeconds?: number;
    /** Extra time of the first epoch over a steady one (first batches, caches); null when too few batches. */
    warmupSeconds: number | null;
    /** Where epoch and batch boundaries came from. */
    boundaries?: "hook" | "stdout" | "none";
  };
  predicted: Consumption & {
    interval: { low: Consumption; high: Consumption };
    basis: "epoch" | "batches";
    runs?: number;
    perEpoch?: { seconds: number; energyKWh: number };
  };
  meters: MeterSeries[];
  assumptions: {
    pue: number;
    intensity: { gPerKWh: number; region: string; source: string; year: number };
    memoryWattsPerGB: number;
    cpuTdpWatts: number | null;
    cpuModel: string | null;
    /** Watts per busy logical CPU used by the CPU-share estimate, and where that figure came from. */
    cpuWattsPerThread?: number;
    cpuTdpSource?: string;
    gCO2PerKm: number;
  };
}
