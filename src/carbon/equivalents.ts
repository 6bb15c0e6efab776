// The fixed factors of the estimate (PUE, memory power, car emissions) and the conversions that use them.
import { badInput } from "../model/errors.js";

/** Average data-centre power usage effectiveness (Uptime Institute survey, 2021), as CarbonTracker uses; the
 * one declaration of the default: the tunables, the config template and the stages read it from here. */
export const DEFAULT_PUE = 1.58;
/** Memory power per GB in use (Green Algorithms, Lannelongue et al., 2021). */
export const MEMORY_WATTS_PER_GB = 0.3725;
/** Average CO2 of new passenger cars in the EU, 2020 (EEA), g per km. */
export const G_CO2_PER_KM = 107.5;

export function co2Grams(energyKWh: number, gPerKWh: number): number {
  return energyKWh * gPerKWh;
}

export function kmByCar(co2g: number): number {
  return co2g / G_CO2_PER_KM;
}

export function validatePue(pue: number): number {
  if (!Number.isFinite(pue) || pue < 1 || pue > 3)
    throw badInput(
      `PUE ${pue} is not a power usage effectiveness`,
      `Give a number between 1 and 3, e.g. --pue 1.1 (default ${DEFAULT_PUE})`,
    );
  return pue;
}
