// Rule outcomes -> area points -> total (pure), following the reviewer's rubric in docs/scoring.md: four
// areas (install 30, data 20, run 30, trust 20); a blocking problem caps its area at a third of its points;
// every failing rule costs weight x log2(1 + findings), so the count matters less and less but never stops
// mattering; what the repo lacks altogether (no spec, no training command) costs three times that, at most what a
// block takes. README.md ("Score"), `rules explain` and --explain-score say the same; keep them in step.
import { CATEGORIES, type Category, type RuleResult } from "../model/finding.js";
import { AREAS, type Area, type AreaScore, type CategoryScore, type RuleLoss, type Score } from "../model/report.js";

/** The area each category answers, and each area's points in the total. */
export const AREA_OF: Record<Category, Area> = {
  requirements: "install",
  environment: "install",
  datasets: "data",
  paths: "data",
  instructions: "run",
  execution: "run",
  code: "trust",
  branches: "trust",
};
export const AREA_POINTS: Record<Area, number> = { install: 30, data: 20, run: 30, trust: 20 };
/** A blocked area keeps at most this share of its points. */
export const BLOCK_CAP = 1 / 3;

/** Points a failing rule costs: its weight for the first finding, one more weight per doubling after. */
export function pointsLost(weight: number, findings: number): number {
  return findings > 0 ? weight * Math.log2(1 + findings) : 0;
}

/** The knobs of the arithmetic the real-repo bench compares (bench/real/score-loro.ts). */
export interface ScoreModel {
  /** What an absence costs, in times its friction: blind readers weigh a repo with no spec or no training command
   * about as they weigh a block, where a pile of notes costs them little. */
  absenceFactor: number;
  /** Whether the absences of an area together take at most what a block takes from it. */
  absencesBounded: boolean;
  /** Whether each finding costs as much as the blind rounds say it is likely right (`credited`, finding-trust.ts):
   * a "no training command" from a rule right a third of the time costs about a third of one. Off in the tool:
   * judged leave-one-round-out it ranked the blind rounds no better (docs/scoring.md). */
  trusted: boolean;
}
export const SCORE_MODEL: ScoreModel = { absenceFactor: 3, absencesBounded: true, trusted: false };

interface Costed {
  weight: number;
  findings: number;
  credited?: number;
  absence?: boolean;
}

/** Points a failing rule costs: friction's, for its findings weighed by their trust where the model does; an
 * absence `absenceFactor` times it. */
function ruleCost(r: Costed, model: ScoreModel = SCORE_MODEL): number {
  const friction = pointsLost(r.weight, model.trusted ? (r.credited ?? r.findings) : r.findings);
  return r.absence ? friction * model.absenceFactor : friction;
}

/** What a set of rules' losses take from an area of `of` points: friction adds up; the absences together take at
 * most what a block takes (the area down to its cap), so rules held back from blocking never outdo a block. */
function lossesTake(losses: readonly Costed[], of: number, model: ScoreModel = SCORE_MODEL): number {
  const sum = (pick: (absence: boolean) => boolean) =>
    losses.filter((l) => pick(l.absence === true)).reduce((s, l) => s + ruleCost(l, model), 0);
  const absences = sum((a) => a);
  return sum((a) => !a) + (model.absencesBounded ? Math.min(absences, of * (1 - BLOCK_CAP)) : absences);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
/** A rule assesses its category when it was judged and can cost something (weight 0 only records). */
const assessedOutcome = (r: RuleResult) => (r.outcome === "pass" || r.outcome === "fail") && r.weight > 0;

/** Points an area (or one category standing alone for it) keeps: its points less the losses, capped when blocked. */
function kept(of: number, lost: number, blocked: boolean): number {
  const left = Math.max(0, of - lost);
  return blocked ? Math.min(left, of * BLOCK_CAP) : left;
}

function notAssessedReason(results: readonly RuleResult[]): string {
  return (
    results.find((r) => r.outcome === "not-assessed")?.reason ??
    (results.length ? "no rule applied" : "no rules in this category")
  );
}

/** Findings that cost points: graded by the rerun plan, those it counted (off-plan findings cost nothing). */
const countedOf = (r: RuleResult) => r.counted ?? r.findings;
/** Whether a failing rule blocks: graded, only when a finding may (a conclusive one on the plan); else its effect
 * or a finding that matched its blockWhen. */
const blocks = (r: RuleResult) =>
  r.counted !== undefined && r.blocking !== undefined ? r.blocking > 0 : r.effect === "block" || (r.blocking ?? 0) > 0;

export function score(results: readonly RuleResult[], model: ScoreModel = SCORE_MODEL): Score {
  const losses: RuleLoss[] = results
    .filter((r) => r.outcome === "fail" && countedOf(r) > 0)
    .map((r) => ({
      rule: r.rule,
      area: AREA_OF[r.category],
      category: r.category,
      effect: blocks(r) ? "block" : "friction",
      weight: r.weight,
      findings: countedOf(r),
      ...(r.credited !== undefined && model.trusted ? { credited: r.credited } : {}),
      lost: 0,
      ...(r.absence ? { absence: true } : {}),
    }));
  for (const l of losses) l.lost = round1(ruleCost(l, model));
  const lostIn = (pick: (l: RuleLoss) => boolean, of: number) => lossesTake(losses.filter(pick), of, model);
  const blockersIn = (pick: (l: RuleLoss) => boolean) =>
    losses.filter((l) => pick(l) && l.effect === "block").map((l) => l.rule);

  const categories = {} as Record<Category, CategoryScore>;
  for (const category of CATEGORIES) {
    const area = AREA_OF[category];
    const mine = results.filter((r) => r.category === category);
    const lost = lostIn((l) => l.category === category, AREA_POINTS[area]);
    const blocked = blockersIn((l) => l.category === category).length > 0;
    categories[category] = mine.some(assessedOutcome)
      ? {
          score: Math.round((100 * kept(AREA_POINTS[area], lost, blocked)) / AREA_POINTS[area]),
          assessed: true,
          area,
          blocked,
          lost: round1(lost),
        }
      : { score: null, assessed: false, area, blocked: false, lost: 0, reason: notAssessedReason(mine) };
  }

  const areas = {} as Record<Area, AreaScore>;
  for (const area of AREAS) {
    const members = CATEGORIES.filter((c) => AREA_OF[c] === area);
    const of = AREA_POINTS[area];
    if (!members.some((c) => categories[c].assessed)) {
      const reason = members.map((c) => `${c}: ${categories[c].reason}`).join("; ");
      areas[area] = { points: null, of, assessed: false, categories: members, lost: 0, blockedBy: [], reason };
      continue;
    }
    const lost = lostIn((l) => l.area === area, of);
    const blockedBy = blockersIn((l) => l.area === area);
    areas[area] = {
      points: round1(kept(of, lost, blockedBy.length > 0)),
      of,
      assessed: true,
      categories: members,
      lost: round1(lost),
      blockedBy,
    };
  }

  const scored = AREAS.map((a) => areas[a]).filter((a) => a.assessed);
  const possible = scored.reduce((s, a) => s + a.of, 0);
  const total = possible === 0 ? null : Math.round((100 * scored.reduce((s, a) => s + (a.points ?? 0), 0)) / possible);
  return { total, categories, areas, losses };
}

/** The same arithmetic after dropping findings (a baseline's): each rule's count replaced by `count(rule)`, which
 * counts what the score counts (no off-plan finding). */
export function scoreWith(
  results: readonly RuleResult[],
  count: (rule: string) => number,
  model: ScoreModel = SCORE_MODEL,
): Score {
  return score(
    results.map((r) => {
      if (r.outcome !== "fail") return r;
      const findings = count(r.rule);
      const before = countedOf(r);
      return {
        ...r,
        findings,
        ...(r.counted !== undefined ? { counted: findings } : {}),
        // The trust of the findings left: their share of the whole (the findings' own are not in the results).
        ...(r.credited !== undefined ? { credited: before > 0 ? (r.credited * findings) / before : 0 } : {}),
        outcome: findings > 0 ? "fail" : "pass",
      };
    }),
    model,
  );
}
