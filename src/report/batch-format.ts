// Words and numbers shared by the batch renderers: masses, scores, statuses, and the sentences of the
// footprint and the verdict (one place, so every format says the same).
import type { BatchReport, Bound, TeamRow } from "../model/batch-report.js";
import { num, oneLineText, plural, redactUrl, safeText } from "./format.js";

/** Three significant figures, without exponents: 0.0123, 1.58, 2.40, 50.2, 183, 1,700,000. The inputs
 * are estimates; more figures would claim a precision they lack. */
function sig3(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(3));
  if (Math.abs(rounded) >= 100) return Math.round(rounded).toLocaleString("en-US");
  if (Math.abs(rounded) < 1e-6) return String(rounded);
  return rounded.toPrecision(3);
}

/** 1.58 g, 50.2 kg, 183 t: the unit a person reads, three significant figures. */
export function mass(grams: number | null | undefined): string {
  if (grams === null || grams === undefined || !Number.isFinite(grams)) return "?";
  // The unit follows the rounded figure, so 999.6 g reads 1.00 kg and not 1,000 g.
  const rounded = grams === 0 ? 0 : Number(grams.toPrecision(3));
  if (Math.abs(rounded) < 1000) return `${sig3(grams)} g`;
  if (Math.abs(rounded) < 1e6) return `${sig3(grams / 1e3)} kg`;
  return `${sig3(grams / 1e6)} t`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** A leaderboard score as the board shows it: up to five decimals, trailing zeros dropped. */
export function scoreText(score: number | null): string {
  if (score === null) return "-";
  return String(Number(score.toFixed(5)));
}

export function reproText(score: number | null): string {
  return score === null ? "-" : String(Math.round(score));
}

export function kwhText(kwh: number | null | undefined): string {
  return kwh === null || kwh === undefined ? "-" : num(kwh);
}

export function co2Text(row: TeamRow): string {
  if (!row.cost) return "-";
  const interval = row.cost.interval ? ` (${mass(row.cost.interval.low)} to ${mass(row.cost.interval.high)})` : "";
  return `${mass(row.cost.co2g)}${interval}`;
}

/** What became of a team's audit, in a word or three. */
export function statusText(row: TeamRow): string {
  switch (row.status) {
    case "audited":
    case "cached": {
      const failed = row.stages ? (["build", "epoch"] as const).filter((s) => row.stages![s] === "failed") : [];
      const word = row.status === "cached" ? "cached" : "ok";
      return failed.length ? `${word}, ${failed.join(" and ")} failed` : word;
    }
    case "failed":
      return "failed";
    case "timeout":
      return "timed out";
    case "no-repo":
      return "no repo";
    case "interrupted":
      return "not finished";
  }
}

/** Text from audits (git's and engines' words) may hold anything: one line, no control characters. */
export function plain(text: string): string {
  return safeText(oneLineText(text));
}

export function repoText(row: TeamRow): string {
  if (!row.repo) return "-";
  return `${redactUrl(row.repo)}${row.ref ? `@${row.ref}` : ""}`;
}

const METHOD =
  "per-model CO2eq x the submissions of teams with at least {min} entries (lower: the cheapest model, central: the median model, from three costed teams on, upper: the dearest model)";

/** Why a footprint with bounds has no central figure. */
export function noCentralText(report: BatchReport): string {
  const n = report.competition.models;
  return `no central figure: only ${n} team${n === 1 ? " has" : "s have"} a per-model cost, and a median of fewer than three says nothing the bounds do not`;
}

export function methodText(report: BatchReport): string {
  return METHOD.replace("{min}", String(report.competition.minEntries));
}

/** "1.58 g (Tiny Baseline, given) x 31,751": what one bound rests on. A bound from a single costed team
 * says so: the team's model is then the cheapest and the dearest known, not of the competition. */
export function boundBasis(bound: Bound, submissionsCounted: number, models?: number): string {
  const teams = bound.teams.map((t) => `${t.name}, ${t.basis}`).join("; ");
  const per =
    bound.teams.length > 1 && bound.teams.some((t) => t.co2g !== bound.perModelCo2g)
      ? `median ${mass(bound.perModelCo2g)} of ${bound.teams.map((t) => `${mass(t.co2g)}`).join(" and ")}`
      : mass(bound.perModelCo2g);
  const only = models === 1 ? "; the only costed team" : "";
  return `${per} (${teams}${only}) x ${count(submissionsCounted)}`;
}

export function kmText(km: number): string {
  return `${sig3(km)} km by car`;
}

export function countedText(report: BatchReport): string {
  const c = report.competition;
  return `${count(c.submissionsCounted)} of ${count(c.submissions)} ${plural(c.submissions, "submission")} counted, from ${count(c.teamsCounted)} of ${count(c.teams)} ${plural(c.teams, "team")} with at least ${c.minEntries} ${plural(c.minEntries, "entry", "entries")}`;
}

export function basesText(report: BatchReport): string {
  const b = report.competition.basisCounts;
  return `${report.competition.models} model cost${report.competition.models === 1 ? "" : "s"}: ${b.measured} measured, ${b.estimated} estimated, ${b.given} given`;
}

/** The verdict's sentences, in order. */
export function verdictLines(report: BatchReport): string[] {
  const v = report.verdict;
  const lines: string[] = [];
  if (v.best && v.topDecile && v.gap !== null) {
    lines.push(
      `Winner gap: ${scoreText(v.gap)} (best private score ${scoreText(v.best.privateScore)}, ${v.best.name}; rank ${v.topDecile.rank}, the top 10% of ${count(v.teamsScored)} ${plural(v.teamsScored, "team")}: ${scoreText(v.topDecile.privateScore)}, ${v.topDecile.name}).`,
    );
  } else lines.push("Winner gap: unknown (the leaderboard has no private scores).");
  if (v.noise) {
    lines.push(
      `Evaluation noise: public minus private score across ${count(v.noise.teams)} ${plural(v.noise.teams, "team")} has a standard deviation of ${scoreText(v.noise.sd)} (mean ${scoreText(v.noise.mean)}, 5% to 95%: ${scoreText(v.noise.p5)} to ${scoreText(v.noise.p95)}).`,
    );
  } else lines.push("Evaluation noise: unknown (fewer than two teams have both a public and a private score).");
  if (v.diminishingReturns === true)
    lines.push(
      `Diminishing returns: the gap (${scoreText(v.gap)}) lies inside the evaluation noise (${scoreText(v.noise!.sd)}): the top 10% are not told apart by the test set.`,
    );
  else if (v.diminishingReturns === false)
    lines.push(
      `The gap is ${(v.gap! / v.noise!.sd).toFixed(1)} times the evaluation noise: the winners stand apart from the top 10%.`,
    );
  if (v.runtimeLimitHours !== null) {
    if (v.overRuntimeLimit.length === 0)
      lines.push(`Runtime limit ${num(v.runtimeLimitHours)} h: no solution with a known training time trains longer.`);
    else
      lines.push(
        `Runtime limit ${num(v.runtimeLimitHours)} h: ${v.overRuntimeLimit.map((o) => `${o.name} trains ${num(o.hours)} h (${o.basis})`).join(", ")}: trained off the platform.`,
      );
  }
  return lines;
}

export function headline(report: BatchReport): string {
  const shard = report.selection.shard ? `, shard ${report.selection.shard.index}/${report.selection.shard.count}` : "";
  const merged = report.selection.merged ? `, merged from ${report.selection.merged} shards` : "";
  return `${report.competition.name}: top ${report.selection.top} (${report.selection.teams} ${plural(report.selection.teams, "team")}${shard}${merged})`;
}
