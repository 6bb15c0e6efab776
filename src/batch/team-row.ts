// One team's row of the batch: the leaderboard's figures beside what its audit found and cost. Pure.
import type { RowStatus, TeamCost, TeamRow } from "../model/batch-report.js";
import type { Report } from "../model/report.js";
import type { LeaderboardTeam } from "./leaderboard.js";
import { teamCost } from "./team-cost.js";

function overLimit(cost: TeamCost | null, limitHours: number | null): boolean | null {
  if (limitHours === null || cost === null || cost.seconds === null) return null;
  return cost.seconds > limitHours * 3600;
}

/** What the leaderboard says of the team, as every row carries it. */
function leaderboardFields(
  team: LeaderboardTeam,
): Pick<TeamRow, "rank" | "name" | "entries" | "publicScore" | "privateScore" | "repo" | "ref"> {
  return {
    rank: team.rank,
    name: team.name,
    entries: team.entries,
    publicScore: team.publicScore,
    privateScore: team.privateScore,
    repo: team.repo,
    ref: team.ref,
  };
}

/** A row whose audit did not run or did not finish: the leaderboard's figures and its given cost. */
export function rowWithoutAudit(
  team: LeaderboardTeam,
  status: Exclude<RowStatus, "audited" | "cached">,
  limitHours: number | null,
  reason?: string,
): TeamRow {
  const cost = teamCost(undefined, team.given);
  return {
    ...leaderboardFields(team),
    commit: null,
    status,
    ...(reason ? { reason } : {}),
    score: null,
    findings: null,
    stages: null,
    cost,
    overRuntimeLimit: overLimit(cost, limitHours),
  };
}

export function auditedRow(
  team: LeaderboardTeam,
  report: Report,
  status: "audited" | "cached",
  auditFile: string,
  limitHours: number | null,
): TeamRow {
  const cost = teamCost(report.carbon, team.given);
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findings[f.severity] += 1;
  const failedStages = (["build", "epoch"] as const).filter((s) => report.stages[s]?.status === "failed");
  const reason = failedStages
    .map((s) => `${s} failed${report.stages[s].reason ? `: ${report.stages[s].reason}` : ""}`)
    .join("; ");
  return {
    ...leaderboardFields(team),
    commit: report.repo.commit,
    status,
    ...(reason ? { reason: reason.split("\n")[0]!.slice(0, 300) } : {}),
    score: report.score.total === null ? null : Math.round(report.score.total * 10) / 10,
    findings,
    stages: {
      static: report.stages.static.status,
      ...(report.stages.resolve ? { resolve: report.stages.resolve.status } : {}),
      build: report.stages.build.status,
      epoch: report.stages.epoch.status,
    },
    cost,
    overRuntimeLimit: overLimit(cost, limitHours),
    auditFile,
  };
}
