// The score model judged leave-one-round-out: totals recomputed from rule results, the absence mark stored reports
// lack, a fit that never sees the round it is tested on, and the keep rule.
import { describe, expect, it } from "vitest";
import {
  BEFORE,
  credited,
  creditedByOthers,
  fitModel,
  keeps,
  leaveOneRoundOut,
  markAbsences,
  roundSpearman,
  unreproduced,
  type LoroRepo,
  type LoroRound,
} from "../../../bench/real/score-loro.js";
import type { RuleResult } from "../../../src/model/finding.js";

const result = (over: Partial<RuleResult>): RuleResult => ({
  rule: "r",
  category: "requirements",
  severity: "warning",
  effect: "friction",
  weight: 2,
  title: "Require r",
  why: "Because it matters.",
  outcome: "pass",
  findings: 0,
  ...over,
});

const passing = [
  result({ rule: "instructions-x", category: "instructions", outcome: "pass" }),
  result({ rule: "code-x", category: "code", outcome: "pass" }),
  result({ rule: "datasets-x", category: "datasets", outcome: "pass" }),
  result({ rule: "requirements-x", outcome: "pass" }),
];
const ABSENT = new Set(["requirements-spec-present"]);
const noSpec = result({ rule: "requirements-spec-present", weight: 10, outcome: "fail", findings: 1 });
const notes = (n: number) =>
  result({ rule: "paths-portable", category: "paths", severity: "info", outcome: "fail", findings: n });

/** A repo as a stored report gives it: results without the absence mark, and the total it held. */
const repo = (name: string, reviewer: number, failing: RuleResult[], stored: number | null = null): LoroRepo => ({
  name,
  reviewer,
  stored,
  results: markAbsences([...passing, ...failing], ABSENT),
});

/** Readers who put the repo with no spec last, below ones with piles of machine paths. */
const round = (name: string): LoroRound => ({
  name,
  repos: [
    repo("clean", 90, []),
    repo("paths", 70, [notes(40)]),
    repo("more-paths", 60, [notes(60)]),
    repo("no-spec", 40, [noSpec]),
  ],
});

describe("markAbsences", () => {
  it("marks the results of the rule files' absent rules, and keeps a mark a report already holds", () => {
    const marked = markAbsences([noSpec, notes(3), result({ rule: "x", absence: false })], ABSENT);
    expect(marked.map((r) => r.absence)).toEqual([true, undefined, false]);
  });
});

describe("the model judged leave-one-round-out", () => {
  it("reproduces a stored total with the arithmetic before, and names a repo whose total it does not", () => {
    const r: LoroRound = { name: "r1", repos: [repo("no-spec", 40, [noSpec], 90), repo("clean", 90, [], 99)] };
    expect(unreproduced([r], BEFORE)).toEqual(["r1/clean"]);
  });

  it("ranks the repo with no spec last once absences cost more, and the fit picks that from the other rounds", () => {
    const rounds = [round("a"), round("b"), round("c")];
    expect(roundSpearman(rounds[0]!, BEFORE)).toBeLessThan(1);
    const fitted = fitModel(rounds.slice(1));
    expect(fitted.absenceFactor).toBeGreaterThan(1);
    expect(roundSpearman(rounds[0]!, fitted)).toBe(1);
    const rows = leaveOneRoundOut(rounds);
    expect(rows.map((r) => r.after)).toEqual([1, 1, 1]);
    expect(keeps(rows, ["b", "c"])).toBe(true);
  });

  it("never fits on the round it tests: a round that alone prefers the arithmetic before is scored by the others' pick", () => {
    const contrary: LoroRound = {
      name: "x",
      repos: [repo("clean", 90, []), repo("no-spec", 70, [noSpec]), repo("paths", 40, [notes(40)])],
    };
    const rows = leaveOneRoundOut([round("a"), round("b"), contrary]);
    const x = rows.find((r) => r.round === "x")!;
    expect(x.fitted.absenceFactor).toBeGreaterThan(1);
    expect(x.after!).toBeLessThan(x.before!);
    expect(keeps(rows, ["x"])).toBe(false);
  });
});

describe("findings weighed by trust from other rounds", () => {
  const tally = (correct: number, wrong: number) => ({ correct, wrong, debatable: 0, snapshot: 0 });
  const labelled = (name: string, correct: number, wrong: number): LoroRound => ({
    name,
    figures: {
      "paths-portable": {
        ...tally(correct, wrong),
        precision: null,
        byGrade: { "on-conclusive": tally(correct, wrong) },
      },
    },
    repos: [
      {
        ...repo("paths", 70, [notes(2)]),
        findings: [
          { rule: "paths-portable", plan: "on", evidence: "conclusive" },
          { rule: "paths-portable", plan: "off", evidence: "conclusive" },
          { rule: "paths-portable", plan: "on", evidence: "conclusive" },
        ],
      },
    ],
  });
  const creditOfPaths = (r: LoroRound) => r.repos[0]!.results.find((x) => x.rule === "paths-portable")!.credited;

  it("credits a round's findings by the labels of the other rounds, never its own", () => {
    const [wrongHere, rightHere] = creditedByOthers([labelled("a", 0, 10), labelled("b", 10, 0)]);
    expect(creditOfPaths(wrongHere!)).toBe(2); // b's labels: right every time; the one off the plan costs nothing
    expect(creditOfPaths(rightHere!)).toBe(0); // a's labels: wrong every time
  });

  it("leaves a repo whose findings are not stored as counted", () => {
    const bare = { ...labelled("a", 0, 10), repos: [repo("paths", 70, [notes(2)])] };
    expect(creditOfPaths(credited(bare, bare.figures!))).toBeUndefined();
  });
});
