// The score study: a repo's deductions beside the blind labels and the first reader's defects, and the summary
// over repos of what the readers call blocking against what the total took.
import { describe, expect, it } from "vitest";
import { repoStudy, studySummary, type StudyReport } from "../../../bench/real/score-study.js";
import type { BlindRepo } from "../../../bench/real/rounds.js";

const area = (points: number, of: number, lost: number, blockedBy: string[] = []) => ({ points, of, lost, blockedBy });

function report(total: number, install: ReturnType<typeof area>, run: ReturnType<typeof area>): StudyReport {
  return {
    score: {
      total,
      areas: { install, data: area(20, 20, 0), run, trust: area(20, 20, 0) },
      losses: [
        { rule: "requirements-specs-resolve", area: "install", effect: "block", weight: 10, findings: 1, lost: 10 },
        { rule: "requirements-pinned", area: "install", effect: "friction", weight: 1.5, findings: 3, lost: 3 },
        { rule: "instructions-train-documented", area: "run", effect: "friction", weight: 6, findings: 1, lost: 6 },
      ],
    },
    findings: [
      { rule: "requirements-specs-resolve", severity: "error" },
      { rule: "requirements-pinned", severity: "info" },
      { rule: "requirements-pinned", severity: "info" },
      { rule: "requirements-pinned", severity: "info" },
      { rule: "instructions-train-documented", severity: "warning" },
    ],
    rules: [],
  };
}

const blind: BlindRepo = {
  my_score: 40,
  rows: [
    { i: 0, rule: "requirements-specs-resolve", label: "WRONG" },
    { i: 4, rule: "instructions-train-documented", label: "CORRECT" },
  ],
};

describe("repoStudy", () => {
  it("puts each deduction beside its labels and notes, and the reader's defects beside each area", () => {
    const first = {
      my_score: 38,
      defects: [
        { area: "instructions", serious: "blocks", what: "no training command" },
        { area: "execution", serious: "time", what: "order read from file names" },
        { area: "datasets", serious: "cosmetic", what: "a typo" },
      ],
    };
    const r = repoStudy(
      "o+r",
      first,
      blind,
      report(70, area(10, 30, 13, ["requirements-specs-resolve"]), area(24, 30, 6)),
    );
    expect(r.reviewer).toBe(38);
    expect(r.areas.run).toMatchObject({ readerBlocks: 1, readerTime: 1, blockedBy: [] });
    expect(r.areas.install).toMatchObject({ readerBlocks: 0, blockedBy: ["requirements-specs-resolve"] });
    expect(r.areas.data).toMatchObject({ readerBlocks: 0, readerTime: 0 });
    const byRule = Object.fromEntries(r.losses.map((l) => [l.rule, l]));
    expect(byRule["requirements-specs-resolve"]!.labels.WRONG).toBe(1);
    expect(byRule["requirements-pinned"]!.notes).toBe(3);
    expect(byRule["instructions-train-documented"]!.labels.CORRECT).toBe(1);
  });
});

describe("studySummary", () => {
  it("counts an area the reader blocks as met only when the total capped it or took two thirds of it", () => {
    const blocksRun = { my_score: 30, defects: [{ area: "instructions", serious: "blocks", what: "no steps" }] };
    const friction = repoStudy("a+b", blocksRun, blind, report(70, area(17, 30, 13), area(24, 30, 6)));
    const capped = repoStudy("c+d", blocksRun, blind, report(50, area(17, 30, 13), area(10, 30, 6, ["x"])));
    const s = studySummary([friction, capped]);
    expect(s.areas.run).toMatchObject({ readerBlocked: 2, met: 1 });
    // The readers noted nothing in install, where the total took 13 points from each repo.
    expect(s.areas.install).toMatchObject({ readerBlocked: 0, cappedUnweighed: 0, lostUnweighed: 26 });
    expect(s.rules["requirements-pinned"]).toMatchObject({ repos: 2, lost: 6, weighed: 0, notes: 6 });
    expect(s.rules["instructions-train-documented"]).toMatchObject({ repos: 2, weighed: 2 });
    expect(s.above).toBe(2);
  });
});
