// Carbon intensity of electricity by region from the offline table (data/carbon-intensity.json); the user's
// own figure wins over the table, and the result says which it was.
import { badInput } from "../model/errors.js";
import { readDataJson } from "../io/package.js";
import type { CarbonAssumptions } from "../model/carbon.js";
import type { Sourced } from "../model/sourced.js";

export interface IntensityTable {
  source: string;
  year: number;
  default: string;
  regions: Record<string, { name: string; g: number }>;
}

export type Intensity = CarbonAssumptions["intensity"];

export function intensityTable(): IntensityTable {
  return readDataJson<IntensityTable>("carbon-intensity.json");
}

/** The user's intensity wins over the region's, which wins over the table's world default. Pure given the table. */
export function resolveIntensity(
  choice: { region?: Sourced<string> | null; intensity?: Sourced<number> | null },
  table: IntensityTable = intensityTable(),
): Intensity {
  const { region, intensity } = choice;
  if (intensity) {
    const g = intensity.value;
    if (!Number.isFinite(g) || g < 0 || g > 2000)
      throw badInput(
        `intensity ${g} (${intensity.source}) is not a carbon intensity in g CO2eq/kWh`,
        "Give a number between 0 and 2000, e.g. --intensity 56",
      );
    // A figure the user typed has no year: never stamp it with today's.
    return {
      value: g,
      origin: intensity.origin,
      source: intensity.source,
      region: region?.value ?? "custom",
      year: null,
    };
  }
  const code = (region?.value ?? table.default).toUpperCase();
  const entry = table.regions[code];
  if (!entry)
    throw badInput(
      `unknown region '${region?.value}' (${region?.source}) for the carbon intensity`,
      `Use an ISO country code from data/carbon-intensity.json (${Object.keys(table.regions).slice(0, 6).join(", ")}...) or --intensity G`,
    );
  const why = region ? `${code} from ${region.source}` : `${code}, the table's default`;
  return {
    value: entry.g,
    origin: "table",
    source: `${table.source} ${table.year}, ${why}`,
    region: code,
    year: table.year,
  };
}
