// A batch's emissions.csv rows: one per team whose cost was measured or estimated here (a figure the
// leaderboard gives is someone else's run, with nothing of CodeCarbon's to fill). Pure.
import { emissionsRow, runId, type EmissionsRow } from "../carbon/emissions-csv.js";
import type { BatchReport } from "../model/batch-report.js";

export function teamEmissionsRows(report: BatchReport): EmissionsRow[] {
  return report.rows
    .filter((r) => r.cost && (r.cost.basis === "measured" || r.cost.basis === "estimated"))
    .map((r) =>
      emissionsRow({
        timestamp: report.generatedAt,
        project: `${r.rank}. ${r.name}`,
        runId: runId(report.competition.name, r.rank, r.name, r.commit),
        experiment: report.competition.name,
        seconds: r.cost!.seconds,
        co2g: r.cost!.co2g,
        kwh: r.cost!.kwh,
        basis: r.cost!.basis,
      }),
    );
}
