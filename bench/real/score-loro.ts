// The score model judged leave-one-round-out (pure): the totals recomputed from the stored reports' rule results with
// a model's arithmetic, Spearman with the blind readers per round, each round scored with the model fitted on the
// other rounds only, and what dropping one rule's cost does to each round. A finding's trust (finding-trust.ts) comes
// from the labels of other rounds only, never from its own round's.
import { creditOf } from "../../src/evaluate/finding-trust.js";
import { score, SCORE_MODEL, type ScoreModel } from "../../src/evaluate/score.js";
import type { Evidence, PlanPlace, RuleResult } from "../../src/model/finding.js";
import { mergeByRule, type RoundFigures } from "./rounds.js";
import { spearman } from "./stats.js";

export interface LoroRepo {
  name: string;
  reviewer: number;
  /** The total the report held when the reader read it. */
  stored: number | null;
  results: RuleResult[];
  /** The report's findings, with the grade each was given: what their trust is looked up by. */
  findings?: ReadonlyArray<{ rule: string; plan?: PlanPlace; evidence?: Evidence }>;
}

export interface LoroRound {
  name: string;
  repos: LoroRepo[];
  /** The round's own labels per rule, whole and by grade: the trust of the other rounds' findings. */
  figures?: RoundFigures["byRule"];
}

/** The arithmetic before absences cost more than friction. */
export const BEFORE: ScoreModel = { absenceFactor: 1, absencesBounded: false, trusted: false };
/** The models a fit picks from, the one before first (a tie keeps it): the absence factor, each findings' cost
 * weighed by its trust or not. */
export const MODEL_GRID: readonly ScoreModel[] = [false, true].flatMap((trusted) => [
  { ...BEFORE, trusted },
  ...[1.5, 2, 2.5, 3, 4, 5].map((absenceFactor) => ({ absenceFactor, absencesBounded: true, trusted })),
]);

/** A round's failing results with `credited` from these figures (the stored reports hold none). */
export function credited(round: LoroRound, figures: RoundFigures["byRule"]): LoroRound {
  return {
    ...round,
    repos: round.repos.map((repo) => ({
      ...repo,
      results: repo.results.map((r) =>
        r.outcome === "fail" && repo.findings
          ? {
              ...r,
              credited: creditOf(
                repo.findings.filter((f) => f.rule === r.rule),
                figures[r.rule],
              ),
            }
          : r,
      ),
    })),
  };
}

/** Each round credited by the labels of every other round of these. */
export function creditedByOthers(rounds: readonly LoroRound[]): LoroRound[] {
  return rounds.map((round) =>
    credited(round, mergeByRule(rounds.filter((r) => r !== round).map((r) => r.figures ?? {}))),
  );
}

/** Stored reports predate the `absence` mark: their results get it from the rule files' `absent: true`. */
export function markAbsences(results: readonly RuleResult[], absenceRules: ReadonlySet<string>): RuleResult[] {
  return results.map((r) => (r.absence === undefined && absenceRules.has(r.rule) ? { ...r, absence: true } : r));
}

const totalOf = (repo: LoroRepo, model: ScoreModel, drop?: string) =>
  score(drop === undefined ? repo.results : repo.results.filter((r) => r.rule !== drop), model).total;

/** Spearman of the recomputed totals with the readers' scores, in one round. */
export function roundSpearman(round: LoroRound, model: ScoreModel, drop?: string): number | null {
  const scored = round.repos
    .map((r) => ({ tool: totalOf(r, model, drop), reader: r.reviewer }))
    .filter((x) => x.tool !== null);
  return spearman(
    scored.map((x) => x.tool!),
    scored.map((x) => x.reader),
  );
}

/** Repos whose recomputed total under `model` is not the total their report held. */
export function unreproduced(rounds: readonly LoroRound[], model: ScoreModel = BEFORE): string[] {
  return rounds.flatMap((round) =>
    round.repos.filter((r) => totalOf(r, model) !== r.stored).map((r) => `${round.name}/${r.name}`),
  );
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : -Infinity);
const rho = (x: number | null) => x ?? 0;

/** The grid's model with the best mean Spearman over these rounds (the first of equals). */
export function fitModel(rounds: readonly LoroRound[], grid: readonly ScoreModel[] = MODEL_GRID): ScoreModel {
  let best = grid[0]!;
  let bestMean = -Infinity;
  for (const model of grid) {
    const m = mean(rounds.map((r) => rho(roundSpearman(r, model))));
    if (m > bestMean + 1e-9) {
      best = model;
      bestMean = m;
    }
  }
  return best;
}

export interface LoroRow {
  round: string;
  before: number | null;
  /** With the model fitted on the other rounds. */
  after: number | null;
  fitted: ScoreModel;
}

/** Each round scored by the model the other rounds pick: nothing is fitted on the round it is tested on, and no
 * finding's trust comes from its own round's labels or the tested round's. */
export function leaveOneRoundOut(rounds: readonly LoroRound[], grid: readonly ScoreModel[] = MODEL_GRID): LoroRow[] {
  return rounds.map((round) => {
    const others = rounds.filter((r) => r !== round);
    const fitted = fitModel(creditedByOthers(others), grid);
    const tested = credited(round, mergeByRule(others.map((r) => r.figures ?? {})));
    return { round: round.name, before: roundSpearman(round, BEFORE), after: roundSpearman(tested, fitted), fitted };
  });
}

/** The keep rule: better on the rounds that count on the whole, and no round worse by more than `tolerance`. */
export function keeps(rows: readonly LoroRow[], counting: readonly string[], tolerance = 0.05): boolean {
  const mine = rows.filter((r) => counting.includes(r.round));
  const helps = mean(mine.map((r) => rho(r.after))) > mean(mine.map((r) => rho(r.before)));
  return helps && rows.every((r) => rho(r.after) >= rho(r.before) - tolerance);
}

/** Per rule that cost points somewhere: each round's Spearman with that rule's cost dropped, under `model`. */
export function ruleAblation(
  rounds: readonly LoroRound[],
  model: ScoreModel = SCORE_MODEL,
): Array<{ rule: string; rounds: Array<number | null> }> {
  const rules = new Set(
    rounds.flatMap((round) =>
      round.repos.flatMap((r) => r.results.filter((x) => x.outcome === "fail" && x.weight > 0).map((x) => x.rule)),
    ),
  );
  return [...rules].sort().map((rule) => ({ rule, rounds: rounds.map((round) => roundSpearman(round, model, rule)) }));
}
