// Rows in CodeCarbon's emissions.csv layout (its columns, order and units: kg, kWh, W, s), so that a
// figure of this tool drops into the sheets and dashboards people already keep for CodeCarbon. Pure.
import { createHash } from "node:crypto";

/** CodeCarbon 3.3.0's header (codecarbon/output_methods/emissions_data.py, EmissionsData). */
export const EMISSIONS_CSV_COLUMNS = [
  "timestamp",
  "project_name",
  "run_id",
  "experiment_id",
  "duration",
  "emissions",
  "emissions_rate",
  "cpu_power",
  "gpu_power",
  "ram_power",
  "cpu_energy",
  "gpu_energy",
  "ram_energy",
  "energy_consumed",
  "water_consumed",
  "country_name",
  "country_iso_code",
  "region",
  "cloud_provider",
  "cloud_region",
  "os",
  "python_version",
  "codecarbon_version",
  "cpu_count",
  "cpu_model",
  "gpu_count",
  "gpu_model",
  "longitude",
  "latitude",
  "ram_total_size",
  "tracking_mode",
  "cpu_utilization_percent",
  "gpu_utilization_percent",
  "ram_utilization_percent",
  "ram_used_gb",
  "on_cloud",
  "pue",
  "wue",
] as const;

export type EmissionsColumn = (typeof EMISSIONS_CSV_COLUMNS)[number];
/** One row; a column left out is written empty (the figure is not known, never a made-up zero). */
export type EmissionsRow = Partial<Record<EmissionsColumn, string | number | null>>;

/** What the audit knows of one run, in its own units (g, kWh, s, W). */
export interface RunFigures {
  timestamp: string;
  project: string;
  runId: string;
  experiment: string;
  seconds: number | null;
  co2g: number;
  kwh: number | null;
  /** measured or estimated: CodeCarbon's tracking_mode column carries it. */
  basis: string;
  region?: string | null;
  pue?: number | null;
  gpuModel?: string | null;
  gpuCount?: number | null;
  cpuModel?: string | null;
}

/** CodeCarbon's run_id is a UUID; the same parts (the same team or repo at the same commit) give the same
 * one, so rows of two runs can be matched. */
export function runId(...parts: ReadonlyArray<string | number | null>): string {
  const h = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A run's figures in CodeCarbon's units: emissions in kg, energy in kWh, duration in s. */
export function emissionsRow(run: RunFigures): EmissionsRow {
  const kg = run.co2g / 1000;
  return {
    timestamp: codecarbonTime(run.timestamp),
    project_name: run.project,
    run_id: run.runId,
    experiment_id: run.experiment,
    duration: run.seconds,
    emissions: kg,
    emissions_rate: run.seconds ? kg / run.seconds : null,
    energy_consumed: run.kwh,
    region: run.region ?? null,
    gpu_model: run.gpuModel ?? null,
    gpu_count: run.gpuCount ?? null,
    cpu_model: run.cpuModel ?? null,
    tracking_mode: run.basis,
    pue: run.pue ?? null,
  };
}

/** CodeCarbon writes %Y-%m-%dT%H:%M:%S (no zone, no fraction); ours are UTC ISO strings. */
function codecarbonTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 19);
}

/** The whole file: CodeCarbon's header, then one line per row. */
export function emissionsCsv(rows: readonly EmissionsRow[]): string {
  const lines = [EMISSIONS_CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(EMISSIONS_CSV_COLUMNS.map((c) => cell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** RFC 4180 quoting; text from an audited repo or a leaderboard that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) is led by an apostrophe so that it stays text. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
