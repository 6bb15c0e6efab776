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
  samples: PowerSample[];
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
  measured: Consumption & { batches: number; idleWatts: number; warmupSeconds: number | null };
  predicted: Consumption & { interval: { low: Consumption; high: Consumption }; basis: "epoch" | "batches" };
  meters: MeterSeries[];
  assumptions: {
    pue: number;
    intensity: { gPerKWh: number; region: string; source: string; year: number };
    memoryWattsPerGB: number;
    cpuTdpWatts: number | null;
    cpuModel: string | null;
    gCO2PerKm: number;
  };
}
