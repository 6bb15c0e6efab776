// The one adapter from an audit's carbon section (and the leaderboard's given figure) to a team's cost.
// Order: a measurement made here, then the figure the leaderboard gives, then the static estimate.
import type { TeamCost } from "../model/batch-report.js";
import type { CarbonSection, Consumption, Prediction } from "../model/carbon.js";

/** What the adapter reads of a carbon section: the measurement and the prediction. */
export type CarbonCosts = Pick<CarbonSection, "measurement" | "prediction">;

export interface GivenCost {
  co2g: number;
  kwh: number | null;
  source: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A team's per-model cost, or null when neither the audit nor the leaderboard knows one. */
export function teamCost(carbon: CarbonCosts | undefined, given: GivenCost | null): TeamCost | null {
  const measurement = carbon?.measurement;
  const prediction = carbon?.prediction ?? null;
  // Every epoch of the plan ran here: the measurement is the whole training.
  if (measurement?.complete && measurement.status === "measured" && measurement.energyMeasured) {
    return {
      ...figures(measurement.actual),
      interval: null,
      basis: "measured",
      source: `measured here: the whole training (${plural(measurement.actual.epochs, "epoch")}, ${measurement.runtime})`,
    };
  }
  if (prediction?.basis === "measured") {
    const from = prediction.from === "batches" ? "batches of one epoch" : "measured epochs";
    return {
      ...figures(prediction.total),
      interval: { low: prediction.interval.low.co2g, high: prediction.interval.high.co2g },
      basis: "measured",
      source: `measured here: ${from} extrapolated to ${plural(prediction.epochs, "epoch")} x ${plural(prediction.runs, "run")}`,
    };
  }
  if (given)
    return {
      basis: "given",
      co2g: given.co2g,
      kwh: given.kwh,
      seconds: null,
      interval: null,
      source: `leaderboard co2g: ${given.source}`,
    };
  if (prediction && (prediction.basis === "estimated" || prediction.basis === "given")) {
    const guessed = prediction.factors.filter((f) => f.low !== undefined || f.high !== undefined).length;
    return {
      ...figures(prediction.total),
      interval: { low: prediction.interval.low.co2g, high: prediction.interval.high.co2g },
      basis: prediction.basis,
      source:
        prediction.basis === "estimated" ? estimateSource(prediction, guessed) : "given in the audit's carbon section",
    };
  }
  return null;
}

/** The static estimate in a few words: the sum of the plan's trainings when it lists them. */
function estimateSource(p: Prediction, guessedFactors: number): string {
  const c = p.coverage;
  const factors = `${plural(p.factors.length, "factor")} (${guessedFactors} guessed)`;
  const single = `${plural(p.epochs, "epoch")} x ${plural(p.runs, "run")} from ${factors}`;
  if (!c || !p.trainings?.length) return `static estimate: ${single}`;
  if (c.basis === "single-training")
    return `static estimate: one training found in the code (the rerun plan names no training it could cost), ${single}`;
  return `static estimate: the sum of the rerun plan's ${plural(c.trainings, "training")} (${c.fromCode} costed from the code, ${c.guessed} with guessed inputs), ${plural(p.total.epochs, "epoch")} in all, from ${factors}`;
}

function figures(c: Consumption): Pick<TeamCost, "co2g" | "kwh" | "seconds"> {
  return { co2g: c.co2g, kwh: c.energyKWh, seconds: c.seconds };
}
