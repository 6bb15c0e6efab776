// Carbon intensity of electricity by region from the offline table (data/carbon-intensity.json); flags override.
import { badInput } from "../model/errors.js";
import { readDataJson } from "./data-file.js";

export interface IntensityTable {
  source: string;
  year: number;
  default: string;
  regions: Record<string, { name: string; g: number }>;
}

export interface Intensity {
  gPerKWh: number;
  region: string;
  source: string;
  year: number;
}

export function intensityTable(): IntensityTable {
  return readDataJson<IntensityTable>("carbon-intensity.json");
}

/** `--intensity G` wins over `--region CC`, which wins over the table's world default. Pure given the table. */
export function resolveIntensity(
  options: { region?: string; intensity?: number },
  table: IntensityTable = intensityTable(),
): Intensity {
  if (options.intensity !== undefined) {
    if (!Number.isFinite(options.intensity) || options.intensity < 0 || options.intensity > 2000)
      throw badInput(`--intensity ${options.intensity} is not a carbon intensity in g CO2eq/kWh`, "Give a number between 0 and 2000, e.g. --intensity 56");
    return { gPerKWh: options.intensity, region: options.region?.toUpperCase() ?? "custom", source: "flag --intensity", year: new Date().getFullYear() };
  }
  const code = (options.region ?? table.default).toUpperCase();
  const entry = table.regions[code];
  if (!entry)
    throw badInput(`unknown region '${options.region}' for the carbon intensity`, `Use an ISO country code from data/carbon-intensity.json (${Object.keys(table.regions).slice(0, 6).join(", ")}...) or --intensity G`);
  return { gPerKWh: entry.g, region: code, source: table.source, year: table.year };
}
