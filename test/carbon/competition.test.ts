// The competition footprint by the published method: the counting rule, the bounds, and the published figures.
import { describe, expect, it } from "vitest";
import { basisCounts, countSubmissions, footprintBounds } from "../../src/carbon/competition.js";
import { mass } from "../../src/report/batch-format.js";

describe("countSubmissions", () => {
  it("counts every entry of teams with at least minEntries, and nothing of the others", () => {
    const teams = [{ entries: 1 }, { entries: 2 }, { entries: 3 }, { entries: 10 }, { entries: 0 }];
    expect(countSubmissions(teams, 3)).toEqual({ teams: 5, submissions: 16, teamsCounted: 2, submissionsCounted: 13 });
    expect(countSubmissions(teams, 1)).toEqual({ teams: 5, submissions: 16, teamsCounted: 4, submissionsCounted: 16 });
    expect(countSubmissions(teams, 11)).toEqual({ teams: 5, submissions: 16, teamsCounted: 0, submissionsCounted: 0 });
  });
});

describe("footprintBounds", () => {
  const given = (rank: number, name: string, co2g: number) => ({ rank, name, basis: "given" as const, co2g });

  it("gives the published 50.17 kg and 182.63 t from 1.58 g and 5,752 g x 31,751 submissions", () => {
    const bounds = footprintBounds([given(2, "A Team", 5752), given(612, "Tiny Baseline", 1.58)], 31_751);
    expect(bounds.lower!.co2g).toBe(1.58 * 31_751);
    expect(bounds.upper!.co2g).toBe(182_631_752);
    expect(mass(bounds.lower!.co2g)).toBe("50.17 kg");
    expect(mass(bounds.upper!.co2g)).toBe("182.63 t");
    expect(bounds.lower!.teams).toEqual([given(612, "Tiny Baseline", 1.58)]);
    expect(bounds.upper!.teams).toEqual([given(2, "A Team", 5752)]);
    // Two models: the median is their mean, and rests on both.
    expect(bounds.central!.perModelCo2g).toBe((1.58 + 5752) / 2);
    expect(bounds.central!.teams.map((t) => t.name)).toEqual(["Tiny Baseline", "A Team"]);
    expect(bounds.lower!.kmByCar).toBeCloseTo(50_166.58 / 107.5, 9);
  });

  it("takes the middle model of an odd count, names every team tied at a bound, and lists the bases", () => {
    const models = [
      { rank: 1, name: "a", basis: "measured" as const, co2g: 10 },
      { rank: 2, name: "b", basis: "estimated" as const, co2g: 30 },
      { rank: 3, name: "c", basis: "given" as const, co2g: 10 },
      { rank: 4, name: "d", basis: "estimated" as const, co2g: 500 },
      { rank: 5, name: "e", basis: "measured" as const, co2g: 20 },
    ];
    const bounds = footprintBounds(models, 100);
    expect(bounds.lower).toMatchObject({ co2g: 1000, perModelCo2g: 10, bases: ["given", "measured"] });
    expect(bounds.lower!.teams.map((t) => t.name)).toEqual(["a", "c"]);
    expect(bounds.central).toMatchObject({ co2g: 2000, perModelCo2g: 20, bases: ["measured"] });
    expect(bounds.central!.teams.map((t) => t.name)).toEqual(["e"]);
    expect(bounds.upper).toMatchObject({ co2g: 50_000, perModelCo2g: 500, bases: ["estimated"] });
    expect(basisCounts(models)).toEqual({ measured: 2, estimated: 2, given: 1 });
  });

  it("has no bounds without a model", () => {
    expect(footprintBounds([], 31_751)).toEqual({ lower: null, central: null, upper: null });
  });
});
