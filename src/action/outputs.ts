// The Action's outputs: what they hold (pure) and the $GITHUB_OUTPUT file's multi-line-safe format.
import { randomUUID } from "node:crypto";
import type { Report } from "../index.js";

/** Every output action.yml declares; a test holds the two in step. */
export const OUTPUT_NAMES = ["score", "co2-g", "co2-basis", "report-path", "sarif-path", "badge-path"] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
export type Outputs = Record<OutputName, string>;

export interface Co2Figure {
  /** Grams of CO2eq of the whole training; null when nothing was measured or predicted. */
  grams: number | null;
  basis: "measured" | "estimated" | "given" | "none";
}

/** The whole training's CO2: the prediction (on its basis), else a run that measured every epoch, else none. */
export function co2Figure(report: Report): Co2Figure {
  const carbon = report.carbon;
  if (carbon?.prediction) return { grams: carbon.prediction.total.co2g, basis: carbon.prediction.basis };
  const m = carbon?.measurement;
  if (m && m.complete && m.energyMeasured) return { grams: m.actual.co2g, basis: "measured" };
  return { grams: null, basis: "none" };
}

/** Four significant figures, for a machine to read (e.g. 0.09003). */
export function figure(value: number): string {
  return String(Number(value.toPrecision(4)));
}

export function actionOutputs(report: Report, paths: { report: string; sarif: string; badge: string }): Outputs {
  const co2 = co2Figure(report);
  return {
    score: report.score.total === null ? "" : String(Math.round(report.score.total)),
    "co2-g": co2.grams === null ? "" : figure(co2.grams),
    "co2-basis": co2.basis,
    "report-path": paths.report,
    "sarif-path": paths.sarif,
    "badge-path": paths.badge,
  };
}

/** The outputs of a run that ended before a report: every one declared, empty, so later steps can test them. */
export function emptyOutputs(): Outputs {
  return { score: "", "co2-g": "", "co2-basis": "none", "report-path": "", "sarif-path": "", "badge-path": "" };
}

/**
 * $GITHUB_OUTPUT text: `name<<DELIMITER`, the value, `DELIMITER`, for every output, so a value may hold
 * newlines or '='; the delimiter is random and checked against each value, as @actions/core does.
 */
export function outputFileText(
  outputs: Readonly<Record<string, string>>,
  delimiter = `ghadelimiter_${randomUUID()}`,
): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} holds its delimiter`);
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join("");
}
