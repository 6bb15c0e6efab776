// Are the winners worth it? The winner gap (best private score vs the score at the top-10% rank) against
// the evaluation noise (the spread of public-minus-private across teams), and the solutions that train
// longer than the platform allows. Pure.
import type { CostBasis, NoiseSpread, RankedScore } from "../model/batch-report.js";

export interface ScoredTeam {
  rank: number;
  name: string;
  publicScore: number | null;
  privateScore: number | null;
}

const HISTOGRAM_BINS = 30;

/** The rank whose score stands for "the top 10%": ceil(10% of the scored teams), at least 1. */
export function topDecileRank(scoredTeams: number): number {
  return Math.max(1, Math.ceil(scoredTeams * 0.1 - 1e-9));
}

/** Quantile by linear interpolation between order statistics (R's type 7). `sorted` is ascending. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Public minus private of every team with both scores: its mean, spread and histogram; null under two teams. */
export function noiseSpread(teams: readonly ScoredTeam[], bins = HISTOGRAM_BINS): NoiseSpread | null {
  const diffs = teams
    .filter((t) => t.publicScore !== null && t.privateScore !== null)
    .map((t) => t.publicScore! - t.privateScore!)
    .sort((a, b) => a - b);
  if (diffs.length < 2) return null;
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (diffs.length - 1);
  return {
    teams: diffs.length,
    mean,
    sd: Math.sqrt(variance),
    p5: quantile(diffs, 0.05),
    p25: quantile(diffs, 0.25),
    median: quantile(diffs, 0.5),
    p75: quantile(diffs, 0.75),
    p95: quantile(diffs, 0.95),
    histogram: histogram(diffs, bins),
  };
}

function histogram(sorted: readonly number[], bins: number): NoiseSpread["histogram"] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (max === min) return [{ from: min, to: max, teams: sorted.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const d of sorted) counts[Math.min(bins - 1, Math.floor((d - min) / width))]! += 1;
  return counts.map((teams, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, teams }));
}

/** Higher scores win unless the ranks say otherwise: rank 1's private score against the last scored rank's. */
export function inferHigherIsBetter(teams: readonly ScoredTeam[]): boolean {
  const scored = teams.filter((t) => t.privateScore !== null).sort((a, b) => a.rank - b.rank);
  if (scored.length < 2) return true;
  return scored[0]!.privateScore! >= scored[scored.length - 1]!.privateScore!;
}

export interface WinnerGap {
  teamsScored: number;
  best: RankedScore | null;
  topDecile: RankedScore | null;
}

/** The best private score and the score of the team at the top-10% rank (teams in rank order). */
export function winnerGap(teams: readonly ScoredTeam[], higherIsBetter: boolean): WinnerGap {
  const scored = teams.filter((t) => t.privateScore !== null).sort((a, b) => a.rank - b.rank);
  if (scored.length === 0) return { teamsScored: 0, best: null, topDecile: null };
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  let best = scored[0]!;
  for (const t of scored) if (better(t.privateScore!, best.privateScore!)) best = t;
  const at = scored[topDecileRank(scored.length) - 1]!;
  const ranked = (t: ScoredTeam): RankedScore => ({ rank: t.rank, name: t.name, privateScore: t.privateScore! });
  return { teamsScored: scored.length, best: ranked(best), topDecile: ranked(at) };
}

export function gapOf(best: RankedScore | null, topDecile: RankedScore | null): number | null {
  return best && topDecile ? Math.abs(best.privateScore - topDecile.privateScore) : null;
}

/** Diminishing returns: what separates the winner from the top 10% is no larger than the noise. */
export function diminishingReturns(gap: number | null, noise: NoiseSpread | null): boolean | null {
  return gap === null || noise === null ? null : gap <= noise.sd;
}

export interface TimedSolution {
  rank: number;
  name: string;
  seconds: number | null;
  basis: CostBasis;
}

/** Solutions whose training takes longer than the platform's runtime limit (trained off the platform). */
export function overRuntimeLimit(
  solutions: readonly TimedSolution[],
  limitHours: number | null,
): Array<{ rank: number; name: string; hours: number; basis: CostBasis }> {
  if (limitHours === null) return [];
  return solutions
    .filter((s) => s.seconds !== null && s.seconds > limitHours * 3600)
    .map((s) => ({ rank: s.rank, name: s.name, hours: s.seconds! / 3600, basis: s.basis }));
}
