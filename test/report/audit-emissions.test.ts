// An audit's emissions.csv row: the whole training's figure in CodeCarbon's units, or no row at all.
import { describe, expect, it } from "vitest";
import { emissionsCsv } from "../../src/carbon/emissions-csv.js";
import { auditEmissionsRows } from "../../src/report/audit-emissions.js";
import { parseWithPython } from "../support/python-csv.js";
import { sampleReport } from "./fixtures.js";

describe("auditEmissionsRows", () => {
  it("writes the prediction from measured epochs in kg, kWh and s, with the PUE, region and CPU it rests on", () => {
    const [row] = parseWithPython(emissionsCsv(auditEmissionsRows(sampleReport())));
    expect(row).toMatchObject({
      timestamp: "2025-01-15T10:30:00",
      project_name: "https://github.com/acme/melanoma-solution.git",
      experiment_id: "repro-audit 0.1.0",
      duration: "19560",
      energy_consumed: "1.845",
      tracking_mode: "measured",
      pue: "1.58",
      region: "WORLD",
      cpu_model: "Intel(R) Xeon(R) CPU",
      gpu_power: "",
    });
    expect(Number(row!.emissions)).toBeCloseTo((1.845 * 475) / 1000, 12);
  });

  it("takes a complete measurement as the whole training, and writes no row without a measured or estimated figure", () => {
    const complete = sampleReport();
    complete.carbon!.measurement!.complete = true;
    expect(auditEmissionsRows(complete)[0]).toMatchObject({
      duration: 130.4,
      energy_consumed: 0.0123,
      tracking_mode: "measured",
    });
    const given = sampleReport();
    given.carbon!.prediction!.basis = "given";
    expect(auditEmissionsRows(given)).toEqual([]);
    const none = sampleReport();
    delete none.carbon;
    expect(auditEmissionsRows(none)).toEqual([]);
  });
});
