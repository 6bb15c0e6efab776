// The assumptions every carbon figure rests on (PUE, grid intensity, car equivalent), each with its source.
import type { CarbonAssumptions } from "../model/carbon.js";
import { sourced, type Sourced } from "../model/sourced.js";
import { G_CO2_PER_KM, MEMORY_WATTS_PER_GB, validatePue } from "./equivalents.js";
import { resolveIntensity, type IntensityTable } from "./intensity.js";

export interface AssumptionChoices {
  pue: Sourced<number>;
  region?: Sourced<string> | null;
  intensity?: Sourced<number> | null;
  /** The CPU power figure a CPU-share meter used, when one did. */
  cpu?: CarbonAssumptions["cpu"];
}

export function carbonAssumptions(choices: AssumptionChoices, table?: IntensityTable): CarbonAssumptions {
  validatePue(choices.pue.value);
  return {
    pue: choices.pue,
    intensity: resolveIntensity({ region: choices.region ?? null, intensity: choices.intensity ?? null }, table),
    gCO2PerKm: sourced(G_CO2_PER_KM, "table", "EEA, average new passenger car in the EU, 2020"),
    memoryWattsPerGB: MEMORY_WATTS_PER_GB,
    cpu: choices.cpu ?? null,
  };
}
