// The static estimate, one step for the pipeline: the training inventory from the facts and the plan, the
// device, the calibration file, then the compute model. Reads the calibration file; everything else is pure.
import type { Facts } from "../model/facts.js";
import { calibrationPath, readCalibration } from "./calibration.js";
import { estimate } from "./compute.js";
import type { EstimateCoverage, Prediction, Sourced } from "../model/carbon.js";
import { flopsTable, type FlopsTable } from "./flops-table.js";
import { gpuTable, pickDevice, type GpuTable } from "../carbon/gpu-table.js";
import { trainingInventory, type Inventory, type InventoryInput, type PlanLike } from "./inventory.js";
import { guessedInputs, type RunGroup } from "./compute.js";
import { GUESS_FACTOR, planInventory, trainingSteps } from "./plan-trainings.js";

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
  const inventoryInput = {
    facts: options.facts,
    plan: options.plan,
    table: flops,
    ...(options.datasetSize !== undefined ? { datasetSize: options.datasetSize } : {}),
  };
  const chosen = chooseTrainings(inventoryInput);
  const inventory = chosen.inventory;
  const unknownNames = `${inventory.unknown.slice(0, 10).join(", ")}${inventory.unknown.length > 10 ? ", ..." : ""}`;
  if (inventory.unknown.length > 0)
    notes.push(
      chosen.basis === "rerun-plan"
        ? `Models not in data/model-flops.json, costed as another training's model moved ${GUESS_FACTOR}x each way: ${unknownNames}.`
        : `Architectures not in data/model-flops.json, not estimated: ${unknownNames}.`,
    );
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
  if (result.prediction) result.prediction.coverage = coverageOf(chosen.basis, inventory.groups, chosen.note);
  return {
    prediction: result.prediction,
    ...(result.reason ? { reason: result.reason } : {}),
    device: device.id,
    groups: inventory.groups,
    notes,
  };
}

/** The trainings to cost: the rerun plan's training steps, else today's single training, and why. */
function chooseTrainings(input: InventoryInput): {
  inventory: Inventory;
  basis: EstimateCoverage["basis"];
  note: string;
} {
  const commands = input.plan?.commands ?? [];
  const given = commands.find((c) => c.origin === "flag" || c.origin === "user-config" || c.origin === "repo-config");
  const steps = trainingSteps(input.facts.families["rerun-plan"] ?? []).length;
  const planned = given ? null : planInventory(input);
  if (planned)
    return {
      inventory: planned,
      basis: "rerun-plan",
      note: `Static estimate: each of the rerun plan's ${planned.steps} training step(s) costed as a training of its own.`,
    };
  const why = given
    ? `the train command given by ${given.source} replaces the rerun plan`
    : !input.facts.families["rerun-plan"]
      ? "no rerun plan was read"
      : steps === 0
        ? "the rerun plan names no training step"
        : `no model of data/model-flops.json is read for any of the rerun plan's ${steps} training step(s)`;
  return {
    inventory: trainingInventory(input),
    basis: "single-training",
    note: `Static estimate: ${why}; it costs the training the code and README describe instead.`,
  };
}

function coverageOf(basis: EstimateCoverage["basis"], groups: RunGroup[], note: string): EstimateCoverage {
  const guessed = groups.filter((g) => (g.guessed ?? guessedInputs(g)).length > 0).length;
  return { basis, trainings: groups.length, fromCode: groups.length - guessed, guessed, widening: GUESS_FACTOR, note };
}
