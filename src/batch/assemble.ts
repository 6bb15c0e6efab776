// From a leaderboard and the rows of a batch to the report's figures: the summary every shard shares, the
// competition's footprint and the verdict on its winners. Pure; `merge` runs the same on joined rows.
import type { BatchReport, CompetitionFootprint, LeaderboardSummary, TeamRow, Verdict } from "../model/batch-report.js";
import { TOOL_VERSION } from "../io/package.js";
import { basisCounts, countSubmissions, footprintBounds, type ModelCost } from "../carbon/competition.js";
import {
  diminishingReturns,
  gapOf,
  inferHigherIsBetter,
  noiseSpread,
  overRuntimeLimit,
  winnerGap,
} from "../carbon/verdict.js";
import type { Leaderboard } from "./leaderboard.js";

/** What the whole leaderboard says, whatever the batch audits: counts, the winner gap, the noise. */
export function summarize(leaderboard: Leaderboard): LeaderboardSummary {
  const higherIsBetter = leaderboard.higherIsBetter ?? inferHigherIsBetter(leaderboard.teams);
  const counts = countSubmissions(leaderboard.teams, leaderboard.minEntries);
  const gap = winnerGap(leaderboard.teams, higherIsBetter);
  return {
    name: leaderboard.competition,
    runtimeLimitHours: leaderboard.runtimeLimitHours,
    minEntries: leaderboard.minEntries,
    higherIsBetter,
    ...counts,
    ...gap,
    noise: noiseSpread(leaderboard.teams),
  };
}

/** The per-model costs the footprint rests on: every row with a cost. */
function modelCosts(rows: readonly TeamRow[]): ModelCost[] {
  return rows
    .filter((r) => r.cost !== null)
    .map((r) => ({ rank: r.rank, name: r.name, basis: r.cost!.basis, co2g: r.cost!.co2g }));
}

function footprint(summary: LeaderboardSummary, rows: readonly TeamRow[]): CompetitionFootprint {
  const models = modelCosts(rows);
  return {
    name: summary.name,
    runtimeLimitHours: summary.runtimeLimitHours,
    minEntries: summary.minEntries,
    teams: summary.teams,
    submissions: summary.submissions,
    teamsCounted: summary.teamsCounted,
    submissionsCounted: summary.submissionsCounted,
    models: models.length,
    basisCounts: basisCounts(models),
    ...footprintBounds(models, summary.submissionsCounted),
  };
}

function verdict(summary: LeaderboardSummary, rows: readonly TeamRow[]): Verdict {
  const gap = gapOf(summary.best, summary.topDecile);
  const timed = rows
    .filter((r) => r.cost !== null)
    .map((r) => ({ rank: r.rank, name: r.name, seconds: r.cost!.seconds, basis: r.cost!.basis }));
  return {
    higherIsBetter: summary.higherIsBetter,
    teamsScored: summary.teamsScored,
    best: summary.best,
    topDecile: summary.topDecile,
    gap,
    noise: summary.noise,
    diminishingReturns: diminishingReturns(gap, summary.noise),
    runtimeLimitHours: summary.runtimeLimitHours,
    overRuntimeLimit: overRuntimeLimit(timed, summary.runtimeLimitHours),
  };
}

/** Rows in the order every report lists them: rank, then name. */
export function byRank<T extends { rank: number; name: string }>(a: T, b: T): number {
  return a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export interface BatchParts {
  leaderboard: BatchReport["leaderboard"];
  selection: BatchReport["selection"];
  summary: LeaderboardSummary;
  rows: TeamRow[];
  run: BatchReport["run"];
}

/** The whole batch report from its parts; the figures and the notes follow from the rows. */
export function buildBatchReport(parts: BatchParts, generatedAt = new Date().toISOString()): BatchReport {
  const rows = [...parts.rows].sort(byRank);
  const competition = footprint(parts.summary, rows);
  const notes: string[] = [];
  const shard = parts.selection.shard;
  if (shard)
    notes.push(
      `Shard ${shard.index}/${shard.count}: the footprint and the verdict rest on this shard's ${rows.length} of ${parts.selection.teams} teams; merge the shards (repro-audit merge) for the competition's figures.`,
    );
  if (parts.run.interrupted)
    notes.push("The batch was stopped before every audit finished: rerun it with --resume to finish.");
  const without = rows.filter((r) => r.cost === null).length;
  if (without > 0)
    notes.push(
      `${without} of ${rows.length} teams have no per-model cost (no measured or estimated prediction, no co2g in the leaderboard): the bounds rest on ${competition.models}.`,
    );
  return {
    schemaVersion: 1,
    kind: "batch",
    tool: { name: "repro-audit", version: TOOL_VERSION },
    generatedAt,
    leaderboard: parts.leaderboard,
    selection: parts.selection,
    summary: parts.summary,
    competition,
    verdict: verdict(parts.summary, rows),
    rows,
    run: parts.run,
    notes,
  };
}
