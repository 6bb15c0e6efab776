// First-look round figures: labels against reports, precision and strict precision, blocking findings, the rule gate.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import {
  allRoundsByRule,
  firstLookOf,
  repoRound,
  roundFigures,
  rulesBelowGate,
  withFirstLook,
  type BlindRepo,
  type RoundReport,
} from "../../../bench/real/rounds.js";
import { builtinRulesDir, loadRules } from "../../../src/evaluate/load-rules.js";

const report = (
  total: number,
  rules: Array<[string, "error" | "warning" | "info"]>,
  blockedBy: string[] = [],
): RoundReport => ({
  score: { total, areas: { data: { blockedBy } } },
  findings: rules.map(([rule, severity]) => ({ rule, severity })),
});

describe("repoRound", () => {
  it("counts labels, leaves snapshot artefacts out of precision, and tallies blocking findings apart", () => {
    const r = report(
      60,
      [
        ["a", "error"],
        ["b", "warning"],
        ["a", "error"],
        ["c", "info"],
        ["d", "warning"],
      ],
      ["a"],
    );
    const blind: BlindRepo = {
      my_score: 40,
      rows: [
        { i: 0, rule: "a", label: "CORRECT" },
        { i: 1, rule: "b", label: "WRONG" },
        { i: 2, rule: "a", label: "DEBATABLE" },
        { i: 4, rule: "d", label: "SNAPSHOT" },
      ],
    };
    const x = repoRound("o+r", blind, r);
    expect(x).toMatchObject({
      correct: 1,
      wrong: 1,
      debatable: 1,
      snapshot: 1,
      errorsAndWarnings: 4,
      reviewer: 40,
      tool: 60,
    });
    expect(x.precision).toBeCloseTo(1 / 3);
    expect(x.strict).toBeCloseTo(1 / 2);
    expect(x.blocking).toEqual({ correct: 1, wrong: 0, debatable: 1, snapshot: 0 });
  });

  it("graded by a rerun plan, counts as blocking only the conclusive findings on it", () => {
    const r: RoundReport = {
      score: { total: 50, areas: { data: { blockedBy: ["a"] } } },
      findings: [
        { rule: "a", severity: "error", plan: "on", evidence: "conclusive" },
        { rule: "a", severity: "warning", plan: "on", evidence: "unconfirmed" },
        { rule: "a", severity: "info", plan: "off", evidence: "conclusive" },
      ],
    };
    const rows = [0, 1, 2].map((i) => ({ i, rule: "a", label: "WRONG" as const }));
    expect(repoRound("o+r", { my_score: 1, rows }, r).blocking).toEqual({
      correct: 0,
      wrong: 1,
      debatable: 0,
      snapshot: 0,
    });
  });

  it("refuses a row whose rule is not the report's finding at that index", () => {
    expect(() =>
      repoRound("o+r", { my_score: 1, rows: [{ i: 0, rule: "x", label: "CORRECT" }] }, report(1, [["a", "error"]])),
    ).toThrow(/row 0 names x/);
  });
});

describe("roundFigures", () => {
  const labels: Record<string, BlindRepo> = {
    one: { my_score: 20, rows: [{ i: 0, rule: "a", label: "CORRECT" }] },
    two: {
      my_score: 50,
      rows: [
        { i: 0, rule: "a", label: "WRONG" },
        { i: 1, rule: "b", label: "CORRECT" },
      ],
    },
    three: { my_score: 80, rows: [{ i: 0, rule: "b", label: "CORRECT" }] },
  };
  const reports = {
    one: report(30, [["a", "error"]]),
    two: report(55, [
      ["a", "error"],
      ["b", "warning"],
      ["z", "info"],
    ]),
    three: report(90, [["b", "warning"]]),
  };

  it("sums the repos, ranks the totals against the reviewer's and takes the median count of errors and warnings", () => {
    const f = roundFigures(labels, reports);
    expect(f.total).toEqual({ correct: 3, wrong: 1, debatable: 0, snapshot: 0 });
    expect(f.precision).toBeCloseTo(0.75);
    expect(f.spearman).toBeCloseTo(1);
    expect(f.medianErrorsAndWarnings).toBe(1);
    expect(f.byRule.a).toMatchObject({ correct: 1, wrong: 1, precision: 0.5 });
  });

  it("names a labelled repo the round has no report of", () => {
    expect(() => roundFigures(labels, { one: reports.one })).toThrow(/three: labelled, but the round holds no report/);
  });
});

describe("each rule's figures split by plan grade and evidence", () => {
  it("tally every label under its finding's grade as the report stored it, and under none where it stored none", () => {
    const graded: RoundReport = {
      score: { total: 50 },
      findings: [
        { rule: "a", severity: "warning", plan: "on", evidence: "conclusive" },
        { rule: "a", severity: "warning", plan: "on", evidence: "unconfirmed" },
        { rule: "a", severity: "warning", plan: "on", evidence: "conclusive" },
      ],
    };
    const rows: BlindRepo["rows"] = [
      { i: 0, rule: "a", label: "CORRECT" },
      { i: 1, rule: "a", label: "WRONG" },
      { i: 2, rule: "a", label: "DEBATABLE" },
    ];
    const ungraded = report(40, [["a", "error"]]);
    const figures = roundFigures(
      { "o+g": { my_score: 50, rows }, "o+u": { my_score: 40, rows: [{ i: 0, rule: "a", label: "WRONG" }] } },
      { "o+g": graded, "o+u": ungraded },
    );
    expect(figures.byRule.a).toMatchObject({ correct: 1, wrong: 2, debatable: 1 });
    expect(figures.byRule.a!.byGrade).toEqual({
      "on-conclusive": { correct: 1, wrong: 0, debatable: 1, snapshot: 0 },
      "on-unconfirmed": { correct: 0, wrong: 1, debatable: 0, snapshot: 0 },
    });
  });
});

describe("held findings judged by the readers", () => {
  it("count for the rule's figures (the gate's) but not for the round's precision", () => {
    const r: RoundReport = {
      score: { total: 50 },
      findings: [
        { rule: "a", severity: "warning", plan: "on", evidence: "conclusive" },
        { rule: "n", severity: "info", plan: "on", evidence: "conclusive", heldBack: { severity: "warning" } },
        { rule: "n", severity: "info", plan: "on", evidence: "conclusive", heldBack: { severity: "warning" } },
        { rule: "o", severity: "info", plan: "off", evidence: "conclusive" },
      ],
    };
    const blind: BlindRepo = {
      my_score: 40,
      rows: [
        { i: 0, rule: "a", label: "WRONG" },
        { i: 1, rule: "n", severity: "info", label: "CORRECT" },
        { i: 2, rule: "n", severity: "info", label: "CORRECT" },
        { i: 3, rule: "o", severity: "info", label: "CORRECT" },
      ],
    };
    const figures = roundFigures({ "o+r": blind }, { "o+r": r });
    expect(figures.total).toEqual({ correct: 0, wrong: 1, debatable: 0, snapshot: 0 });
    expect(figures.precision).toBe(0);
    expect(figures.byRule.n).toMatchObject({ correct: 2, byGrade: { "on-conclusive": { correct: 2 } } });
    expect(figures.byRule.o).toBeUndefined(); // a note the gate did not hold says nothing about the gate
    expect(figures.heldJudged).toBe(2);
  });
});

describe("rulesBelowGate", () => {
  it("holds back a rule under 90% only once it has at least 10 judged findings", () => {
    const t = (correct: number, wrong: number) => ({
      correct,
      wrong,
      debatable: 0,
      snapshot: 5,
      precision: correct / (correct + wrong),
      byGrade: {},
    });
    expect(rulesBelowGate({ few: t(1, 8), many: t(8, 2), good: t(19, 1) })).toEqual(["many"]);
  });
});

describe("withFirstLook", () => {
  const f = { correct: 3, wrong: 1, debatable: 2, corpus: "round-1 (8 repos)" };
  it("appends the block to a rule file that has none, keeping its text", () => {
    expect(withFirstLook("id: x\n# a comment\nweight: 1\n", f)).toBe(
      'id: x\n# a comment\nweight: 1\nfirstLook:\n  correct: 3\n  wrong: 1\n  debatable: 2\n  corpus: "round-1 (8 repos)"\n',
    );
  });
  it("writes the figures of each plan grade the rounds judged, in the grades' order", () => {
    const split = {
      ...f,
      byGrade: { "off-conclusive": { correct: 0, wrong: 4, debatable: 0 }, "on-conclusive": f },
    };
    expect(withFirstLook("id: x\n", split)).toContain(
      'corpus: "round-1 (8 repos)"\n  byGrade:\n    on-conclusive: { correct: 3, wrong: 1, debatable: 2 }\n    off-conclusive: { correct: 0, wrong: 4, debatable: 0 }\n',
    );
  });
  it("replaces an earlier block wherever it stands", () => {
    const before = 'id: x\nfirstLook:\n  correct: 0\n  wrong: 9\n  debatable: 0\n  corpus: "old"\nweight: 1\n';
    const after = withFirstLook(before, f);
    expect(after).toContain("weight: 1\nfirstLook:\n  correct: 3");
    expect(after.match(/firstLook:/g)).toHaveLength(1);
    expect(after).not.toContain("old");
  });
});

describe("the rule files' first-look figures", () => {
  it("are those the committed rounds give (rerun `npm run bench:rounds -- --write-rules` when a round is added)", () => {
    const { byRule, corpus, rounds } = allRoundsByRule(
      fileURLToPath(new URL("../../../bench/real/rounds", import.meta.url)),
    );
    // In number order (round-10 after round-9): the last is the round whose first look counts.
    const numbers = rounds.map((r) => Number(/\d+$/.exec(r.name)?.[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const rules = new Map(loadRules([builtinRulesDir()]).map((r) => [r.id, r]));
    const stale: string[] = [];
    for (const [id, t] of Object.entries(byRule)) {
      const recorded = rules.get(id)?.firstLook;
      if (!rules.has(id)) continue;
      if (JSON.stringify(recorded) !== JSON.stringify(firstLookOf(t, corpus))) stale.push(id);
    }
    expect(stale).toEqual([]);
  });
});
