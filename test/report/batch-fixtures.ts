// A batch report for the renderers: the published competition's leaderboard (the sample boards) and rows
// of every kind, with costs of every basis, built by the same assembly a batch uses.
import { join } from "node:path";
import type { BatchReport, TeamCost, TeamRow } from "../../src/model/batch-report.js";
import { buildBatchReport, summarize } from "../../src/batch/assemble.js";
import { readLeaderboard } from "../../src/batch/leaderboard.js";

const LEADERBOARDS = new URL("../../samples/leaderboards/", import.meta.url).pathname;

function row(rank: number, name: string, fields: Partial<TeamRow>): TeamRow {
  return {
    rank,
    name,
    entries: 20 + rank,
    publicScore: Number((0.65 - rank * 0.001).toFixed(5)),
    privateScore: Number((0.635 - rank * 0.001).toFixed(5)),
    repo: `https://github.com/example/${name.toLowerCase().replace(/[^a-z]+/g, "-")}`,
    ref: null,
    commit: "0123456789abcdef0123456789abcdef01234567",
    status: "audited",
    score: 80,
    findings: { error: 1, warning: 2, info: 0 },
    stages: { static: "ran", build: "ran", epoch: "ran" },
    cost: null,
    overRuntimeLimit: null,
    ...fields,
  };
}

const cost = (basis: TeamCost["basis"], co2g: number, extra: Partial<TeamCost> = {}): TeamCost => ({
  basis,
  co2g,
  kwh: basis === "given" ? null : co2g / 481,
  seconds: basis === "given" ? null : co2g * 20,
  interval: basis === "given" ? null : { low: co2g * 0.8, high: co2g * 1.3 },
  source:
    basis === "measured"
      ? "measured here: measured epochs extrapolated to 30 epochs x 5 runs"
      : basis === "estimated"
        ? "static estimate: 40 epochs x 5 runs from 9 factors (3 guessed)"
        : "leaderboard co2g: published per-model measurement",
  ...extra,
});

/** `costed`: the teams that keep their cost (all by default), for footprints of one, two or many costs. */
export function batchReportFixture(options: { costed?: readonly string[] } = {}): BatchReport {
  const leaderboard = readLeaderboard(join(LEADERBOARDS, "siim-covid19-detection.yml"));
  const limit = leaderboard.runtimeLimitHours!;
  const rows: TeamRow[] = [
    row(1, "Lung Nodules United", {
      score: 92.5,
      cost: cost("measured", 2400),
      overRuntimeLimit: 2400 * 20 > limit * 3600,
    }),
    row(2, "A Team", {
      score: 48.5,
      cost: cost("given", 5752),
      stages: { static: "ran", build: "failed", epoch: "skipped" },
      reason: "build failed: package not found: torch==1.7.1+cu110",
    }),
    row(3, "Opacity Hunters", { score: 71, cost: cost("estimated", 890) }),
    row(4, "DICOM Divers", {
      status: "failed",
      score: null,
      findings: null,
      stages: null,
      commit: null,
      reason: "cannot clone https://github.com/example/dicom-divers (git said: repository not found)",
    }),
    row(5, "Smith, Jones & Co", {
      status: "timeout",
      score: null,
      findings: null,
      stages: null,
      commit: null,
      reason: "stopped after 7200 s (the per-audit timeout)",
    }),
    row(612, "Tiny Baseline", {
      status: "no-repo",
      repo: null,
      score: null,
      findings: null,
      stages: null,
      commit: null,
      cost: cost("given", 1.58),
    }),
  ];
  if (options.costed) for (const r of rows) if (!options.costed.includes(r.name)) r.cost = null;
  return buildBatchReport(
    {
      leaderboard: {
        file: "samples/leaderboards/siim-covid19-detection.yml",
        sources: leaderboard.sources,
        fingerprint: "a".repeat(64),
      },
      selection: { top: 10, teams: rows.length, shard: null },
      summary: summarize(leaderboard),
      rows,
      run: { stages: null, concurrency: 2, timeoutSeconds: 7200, interrupted: false, seconds: 812.4 },
    },
    "2021-08-10T00:00:00.000Z",
  );
}
