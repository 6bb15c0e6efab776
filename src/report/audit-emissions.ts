// An audit's emissions.csv row (CodeCarbon's columns): the whole training as measured here, or as predicted
// from measured epochs or estimated from the code; none when the audit has no such figure. Pure.
import { emissionsRow, runId, type EmissionsRow } from "../carbon/emissions-csv.js";
import type { Consumption } from "../model/carbon.js";
import type { Report } from "../model/report.js";
import { redactUrl } from "./format.js";

export function auditEmissionsRows(report: Report): EmissionsRow[] {
  const carbon = report.carbon;
  if (!carbon) return [];
  const m = carbon.measurement;
  let figure: { total: Consumption; basis: "measured" | "estimated" } | null = null;
  // Every epoch ran here: the measurement is the whole training.
  if (m?.complete && m.status === "measured" && m.energyMeasured) figure = { total: m.actual, basis: "measured" };
  else if (carbon.prediction && (carbon.prediction.basis === "measured" || carbon.prediction.basis === "estimated"))
    figure = { total: carbon.prediction.total, basis: carbon.prediction.basis };
  if (!figure) return [];
  const project = redactUrl(report.repo.url);
  const a = carbon.assumptions;
  return [
    emissionsRow({
      timestamp: report.generatedAt,
      project,
      runId: runId(project, report.repo.commit),
      experiment: `repro-audit ${report.tool.version}`,
      seconds: figure.total.seconds,
      co2g: figure.total.co2g,
      kwh: figure.total.energyKWh,
      basis: figure.basis,
      region: a.intensity.region,
      pue: a.pue.value,
      cpuModel: a.cpu?.model ?? null,
    }),
  ];
}
