// The static estimate, one step for the pipeline: the training inventory from the facts and the plan, the
// device, the calibration file, then the compute model. Reads the calibration file; everything else is pure.
import type { Facts } from "../model/facts.js";
import { calibrationPath, readCalibration } from "./calibration.js";
import { estimate } from "./compute.js";
import type { Prediction, Sourced } from "../model/carbon.js";
import { flopsTable, type FlopsTable } from "./flops-table.js";
import { gpuTable, pickDevice, type GpuTable } from "../carbon/gpu-table.js";
import { trainingInventory, type PlanLike } from "./inventory.js";
import type { RunGroup } from "./compute.js";

export interface EstimateOptions {
  facts: Facts;
  plan: PlanLike | null;
  /** --gpu-model: a row of data/gpu-models.json, or "cpu"; default the table's (A100 40GB). */
  gpuModel?: string;
  /** Where gpuModel was set, for the bad-input message ("--gpu-model", "my.yml carbon.gpuModel"). */
  gpuModelSetting?: string;
  /** Images per epoch the user gave, with where it was set (never labelled a flag unless it was one). */
  datasetSize?: Sourced<number>;
  pue: Sourced<number>;
  intensity: Sourced<number>;
  gCO2PerKm: number;
  /** This machine's CPU model (for calibration entries measured on it). */
  cpuModel: string | null;
  /** The calibration file (default calibrationPath()). */
  calibrationFile?: string;
  tables?: { flops?: FlopsTable; gpus?: GpuTable };
}

export interface EstimateOutcome {
  prediction: Prediction | null;
  /** Why there is no prediction. */
  reason?: string;
  /** The device costed: a GPU row id or "cpu". */
  device: string;
  groups: RunGroup[];
  /** Sentences for the report's notes: names the table lacks, a calibration file that was not used. */
  notes: string[];
}

export async function estimateTraining(options: EstimateOptions): Promise<EstimateOutcome> {
  const flops = options.tables?.flops ?? flopsTable();
  const gpus = options.tables?.gpus ?? gpuTable();
  const device = pickDevice(options.gpuModel, gpus, options.gpuModelSetting);
  const file = options.calibrationFile ?? calibrationPath();
  const calibration = await readCalibration(file);
  const notes: string[] = [];
  if (calibration.problem) notes.push(`Calibration file ${file}: ${calibration.problem}.`);
  const inventory = trainingInventory({ facts: options.facts, plan: options.plan, table: flops, ...(options.datasetSize !== undefined ? { datasetSize: options.datasetSize } : {}) });
  if (inventory.unknown.length > 0) notes.push(`Architectures not in data/model-flops.json, not estimated: ${inventory.unknown.slice(0, 10).join(", ")}${inventory.unknown.length > 10 ? ", ..." : ""}.`);
  const result = estimate({
    groups: inventory.groups,
    device,
    gpus,
    calibration: calibration.entries,
    calibrationFile: file,
    cpuModel: options.cpuModel,
    pue: options.pue,
    intensity: options.intensity,
    gCO2PerKm: options.gCO2PerKm,
    flopsSource: `data/model-flops.json (${flops.counter}, ${flops.unit})`,
  });
  return { prediction: result.prediction, ...(result.reason ? { reason: result.reason } : {}), device: device.id, groups: inventory.groups, notes };
}
