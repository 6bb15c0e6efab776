// A batch's emissions.csv rows: one per team measured or estimated here, none for a leaderboard's figure.
import { describe, expect, it } from "vitest";
import { emissionsCsv, runId } from "../../src/carbon/emissions-csv.js";
import { teamEmissionsRows } from "../../src/batch/team-emissions.js";
import { batchReportFixture } from "../report/batch-fixtures.js";
import { parseWithPython } from "../support/python-csv.js";

describe("teamEmissionsRows", () => {
  it("writes one row per team measured or estimated, in kg and kWh, that Python's csv reads", () => {
    const report = batchReportFixture();
    const rows = parseWithPython(emissionsCsv(teamEmissionsRows(report)));
    expect(
      rows.map((r) => [
        r.project_name,
        r.tracking_mode,
        Number(r.emissions),
        Number(r.energy_consumed),
        Number(r.duration),
      ]),
    ).toEqual([
      ["1. Lung Nodules United", "measured", 2.4, 2400 / 481, 2400 * 20],
      ["3. Opacity Hunters", "estimated", 0.89, 890 / 481, 890 * 20],
    ]);
    expect(
      rows.every((r) => r.experiment_id === "siim-covid19-detection" && r.timestamp === "2021-08-10T00:00:00"),
    ).toBe(true);
    expect(rows[0]!.run_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("gives the same team at the same commit the same run_id, and another team another", () => {
    expect(runId("c", 1, "a", "abc")).toBe(runId("c", 1, "a", "abc"));
    expect(runId("c", 1, "a", "abc")).not.toBe(runId("c", 2, "a", "abc"));
  });
});
