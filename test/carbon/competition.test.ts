// The competition footprint by the published method: the counting rule, the bounds, and the published figures.
import { describe, expect, it } from "vitest";
import { basisCounts, CENTRAL_MIN_TEAMS, countSubmissions, footprintBounds } from "../../src/carbon/competition.js";
import { kmText, mass } from "../../src/report/batch-format.js";

describe("mass and distance, to three significant figures", () => {
  it("picks the unit after rounding and keeps three figures", () => {
    expect([1.58, 890, 999.6, 2400, 5752, 50_166.58, 999_700, 182_631_752, 0.012345, 0].map(mass)).toEqual([
      "1.58 g",
      "890 g",
      "1.00 kg",
      "2.40 kg",
      "5.75 kg",
      "50.2 kg",
      "1.00 t",
      "183 t",
      "0.0123 g",
      "0 g",
    ]);
    expect(mass(4.2e12)).toBe("4,200,000 t");
    expect(mass(null)).toBe("?");
  });
  it("gives distances to three significant figures", () => {
    expect(kmText(1_698_900)).toBe("1,700,000 km by car");
    expect(kmText(467.36)).toBe("467 km by car");
    expect(kmText(3.14159)).toBe("3.14 km by car");
  });
});

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

  it("gives the published 50.2 kg and 183 t (three significant figures) from 1.58 g and 5,752 g x 31,751 submissions", () => {
    const bounds = footprintBounds([given(2, "A Team", 5752), given(612, "Tiny Baseline", 1.58)], 31_751);
    expect(bounds.lower!.co2g).toBe(1.58 * 31_751);
    expect(bounds.upper!.co2g).toBe(182_631_752);
    expect(mass(bounds.lower!.co2g)).toBe("50.2 kg");
    expect(mass(bounds.upper!.co2g)).toBe("183 t");
    expect(bounds.lower!.teams).toEqual([given(612, "Tiny Baseline", 1.58)]);
    expect(bounds.upper!.teams).toEqual([given(2, "A Team", 5752)]);
    // Two models 3,600x apart: a figure halfway between them would mean nothing, so there is none.
    expect(bounds.central).toBeNull();
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

  it("gives one known cost as both bounds, resting on that team, and no central figure", () => {
    const bounds = footprintBounds([given(7, "Only Team", 420)], 1000);
    expect(bounds.central).toBeNull();
    expect(bounds.lower).toMatchObject({ co2g: 420_000, bases: ["given"] });
    expect(bounds.upper!.teams.map((t) => t.name)).toEqual(["Only Team"]);
  });

  it("gives a central figure from three costed teams on", () => {
    const three = footprintBounds([given(1, "a", 10), given(2, "b", 20), given(3, "c", 40)], 10);
    expect(three.central).toMatchObject({ co2g: 200, perModelCo2g: 20 });
    expect(CENTRAL_MIN_TEAMS).toBe(3);
  });

  it("has no bounds without a model", () => {
    expect(footprintBounds([], 31_751)).toEqual({ lower: null, central: null, upper: null });
  });
});
