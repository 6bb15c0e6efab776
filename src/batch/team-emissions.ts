// A batch's emissions.csv rows: one per team whose cost was measured or estimated here (a figure the
// leaderboard gives is someone else's run, with nothing of CodeCarbon's to fill). Pure.
import { createHash } from "node:crypto";
import { emissionsRow, type EmissionsRow } from "../carbon/emissions-csv.js";
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

/** CodeCarbon's run_id is a UUID; the same team at the same commit gets the same one, so rows of two
 * batches can be matched. */
export function runId(...parts: ReadonlyArray<string | number | null>): string {
  const h = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
