// A competition's footprint by the published method: per-model costs (cheapest, median, dearest) times
// the submissions of the teams that made at least `minEntries` of them. Pure.
import type { Bound, BoundTeam, CostBasis } from "../model/batch-report.js";
import { kmByCar } from "./equivalents.js";

export interface SubmissionCount {
  teams: number;
  submissions: number;
  /** Teams with at least minEntries entries, and the submissions they made. */
  teamsCounted: number;
  submissionsCounted: number;
}

/** Count the submissions that stand for a trained model: every entry of a team with at least
 * `minEntries` of them (teams with fewer are taken to have submitted without training). */
export function countSubmissions(teams: ReadonlyArray<{ entries: number }>, minEntries: number): SubmissionCount {
  let submissions = 0;
  let teamsCounted = 0;
  let submissionsCounted = 0;
  for (const team of teams) {
    submissions += team.entries;
    if (team.entries >= minEntries) {
      teamsCounted += 1;
      submissionsCounted += team.entries;
    }
  }
  return { teams: teams.length, submissions, teamsCounted, submissionsCounted };
}

/** One team's per-model cost: what training its model once emits. */
export type ModelCost = BoundTeam;

export interface FootprintBounds {
  lower: Bound | null;
  central: Bound | null;
  upper: Bound | null;
}

/** Below this many costed teams a median is one of the bounds or halfway between figures that may lie
 * orders of magnitude apart: the footprint then gives only its bounds. */
export const CENTRAL_MIN_TEAMS = 3;

/** Lower = cheapest model x counted submissions, upper = dearest x counted, central = the median model
 * (the mean of the two middle ones for an even count), from CENTRAL_MIN_TEAMS costed teams on. Each bound
 * names the teams it rests on. */
export function footprintBounds(models: readonly ModelCost[], submissionsCounted: number): FootprintBounds {
  if (models.length === 0) return { lower: null, central: null, upper: null };
  const sorted = [...models].sort((a, b) => a.co2g - b.co2g || a.rank - b.rank);
  const cheapest = sorted[0]!.co2g;
  const dearest = sorted[sorted.length - 1]!.co2g;
  const mid = Math.floor((sorted.length - 1) / 2);
  const middle = sorted.length % 2 === 1 ? [sorted[mid]!] : [sorted[mid]!, sorted[mid + 1]!];
  const median = middle.length === 1 ? middle[0]!.co2g : (middle[0]!.co2g + middle[1]!.co2g) / 2;
  return {
    lower: bound(
      cheapest,
      sorted.filter((m) => m.co2g === cheapest),
      submissionsCounted,
    ),
    central: models.length >= CENTRAL_MIN_TEAMS ? bound(median, middle, submissionsCounted) : null,
    upper: bound(
      dearest,
      sorted.filter((m) => m.co2g === dearest),
      submissionsCounted,
    ),
  };
}

function bound(perModelCo2g: number, teams: readonly ModelCost[], submissionsCounted: number): Bound {
  const co2g = perModelCo2g * submissionsCounted;
  const bases = [...new Set(teams.map((t) => t.basis))].sort() as CostBasis[];
  return { co2g, kmByCar: kmByCar(co2g), perModelCo2g, teams: teams.map((t) => ({ ...t })), bases };
}

/** How many models rest on each basis. */
export function basisCounts(models: ReadonlyArray<{ basis: CostBasis }>): Record<CostBasis, number> {
  const counts: Record<CostBasis, number> = { measured: 0, estimated: 0, given: 0 };
  for (const m of models) counts[m.basis] += 1;
  return counts;
}
