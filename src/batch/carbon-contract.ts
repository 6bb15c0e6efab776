// The parts of the report's carbon section (one shape for every basis) that a batch reads. Mirrors
// src/model/carbon.ts's CarbonSection as split by basis; replaced by an import of it once that lands.
export interface Consumption {
  epochs: number;
  seconds: number;
  energyKWh: number;
  co2g: number;
  kmByCar: number;
}

export interface Factor {
  name: string;
  value: number;
  unit: string;
  origin: string;
  source: string;
  low?: number;
  high?: number;
}

export interface Measurement {
  runtime: "container" | "host";
  status: "measured" | "stopped" | "failed";
  reason?: string;
  energyMeasured: boolean;
  complete: boolean;
  actual: Consumption & { batches: number };
}

export interface Prediction {
  basis: "measured" | "estimated" | "given";
  from?: "epochs" | "batches";
  epochs: number;
  runs: number;
  total: Consumption;
  interval: { low: Consumption; high: Consumption };
  factors: Factor[];
}

export interface CarbonSection {
  measurement?: Measurement;
  prediction: Prediction | null;
}
