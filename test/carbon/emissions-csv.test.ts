// emissions.csv in CodeCarbon's layout: the header is CodeCarbon's, units are its own, and Python's csv
// module (the reader CodeCarbon's users load it with) reads every row back, hostile text included.
import { describe, expect, it } from "vitest";
import { EMISSIONS_CSV_COLUMNS, emissionsCsv, emissionsRow } from "../../src/carbon/emissions-csv.js";
import { parseWithPython } from "../support/python-csv.js";

/** The header line of CodeCarbon 3.3.0's own test file, tests/test_data/emissions_valid_headers.csv. */
const CODECARBON_HEADER =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue";

describe("emissions.csv", () => {
  it("has CodeCarbon's header, in its order", () => {
    expect(emissionsCsv([]).split("\n")[0]).toBe(CODECARBON_HEADER);
    expect(EMISSIONS_CSV_COLUMNS).toHaveLength(38);
  });

  it("writes a run in CodeCarbon's units (kg, kWh, s, kg/s) and leaves what is unknown empty", () => {
    const row = emissionsRow({
      timestamp: "2026-12-06T04:54:17.123Z",
      project: "train",
      runId: "id-1",
      experiment: "audit",
      seconds: 3600,
      co2g: 1500,
      kwh: 3.2,
      basis: "measured",
      region: "FR",
      pue: 1.58,
      gpuModel: "NVIDIA H100",
      gpuCount: 1,
    });
    const [parsed] = parseWithPython(emissionsCsv([row]));
    expect(parsed).toMatchObject({
      timestamp: "2026-12-06T04:54:17",
      project_name: "train",
      run_id: "id-1",
      duration: "3600",
      emissions: "1.5",
      energy_consumed: "3.2",
      region: "FR",
      pue: "1.58",
      gpu_model: "NVIDIA H100",
      gpu_count: "1",
      tracking_mode: "measured",
      cpu_power: "",
      country_iso_code: "",
    });
    expect(Number(parsed!.emissions_rate)).toBeCloseTo(1.5 / 3600, 12);
  });

  it("quotes commas, quotes and line breaks, and keeps formulas from running in a spreadsheet", () => {
    const names = ['Smith, Jones & "Co"', "two\nlines", '=HYPERLINK("http://x")', "-1+1", "@SUM(A1)"];
    const csv = emissionsCsv(
      names.map((name, i) =>
        emissionsRow({
          timestamp: "2026-01-01T00:00:00Z",
          project: name,
          runId: String(i),
          experiment: "e",
          seconds: null,
          co2g: 1,
          kwh: null,
          basis: "estimated",
        }),
      ),
    );
    const parsed = parseWithPython(csv);
    expect(parsed.map((r) => r.project_name)).toEqual([
      'Smith, Jones & "Co"',
      "two\nlines",
      '\'=HYPERLINK("http://x")',
      "'-1+1",
      "'@SUM(A1)",
    ]);
    expect(parsed.every((r) => Object.keys(r).join(",") === CODECARBON_HEADER)).toBe(true);
    expect(parsed[0]!.emissions_rate).toBe("");
  });
});
