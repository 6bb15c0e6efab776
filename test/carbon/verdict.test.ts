// Are the winners worth it: the top-10% rank, the noise of public minus private, the gap, the runtime limit.
import { describe, expect, it } from "vitest";
import {
  diminishingReturns,
  gapOf,
  inferHigherIsBetter,
  noiseSpread,
  overRuntimeLimit,
  quantile,
  topDecileRank,
  winnerGap,
} from "../../src/carbon/verdict.js";

const team = (rank: number, publicScore: number | null, privateScore: number | null) => ({
  rank,
  name: `t${rank}`,
  publicScore,
  privateScore,
});

describe("verdict math", () => {
  it("puts the top 10% at ceil(10%) of the scored teams", () => {
    expect([1, 9, 10, 11, 30, 1305].map(topDecileRank)).toEqual([1, 1, 1, 2, 3, 131]);
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([5], 0.95)).toBe(5);
  });

  it("measures the noise as the spread of public minus private across teams with both scores", () => {
    // Differences 0.01, -0.01, 0.03, 0.01: mean 0.01, sample variance (0 + 0.0004 + 0.0004 + 0) / 3.
    const teams = [
      team(1, 0.61, 0.6),
      team(2, 0.58, 0.59),
      team(3, 0.61, 0.58),
      team(4, 0.58, 0.57),
      team(5, null, 0.5),
      team(6, 0.4, null),
    ];
    const noise = noiseSpread(teams, 4)!;
    expect(noise.teams).toBe(4);
    expect(noise.mean).toBeCloseTo(0.01, 12);
    expect(noise.sd).toBeCloseTo(Math.sqrt(0.0008 / 3), 12);
    expect(noise.median).toBeCloseTo(0.01, 12);
    expect(noise.histogram.map((b) => b.teams)).toEqual([1, 0, 2, 1]);
    expect(noise.histogram[0]!.from).toBeCloseTo(-0.01, 12);
    expect(noise.histogram[3]!.to).toBeCloseTo(0.03, 12);
    expect(noiseSpread([team(1, 0.5, 0.4)])).toBeNull();
  });

  it("takes the gap between the best private score and the team at the top-10% rank", () => {
    const teams = Array.from({ length: 20 }, (_, i) => team(i + 1, null, 0.9 - i * 0.01));
    const gap = winnerGap(teams, true);
    expect(gap.best).toEqual({ rank: 1, name: "t1", privateScore: 0.9 });
    expect(gap.topDecile).toEqual({ rank: 2, name: "t2", privateScore: 0.89 });
    expect(gapOf(gap.best, gap.topDecile)).toBeCloseTo(0.01, 12);
  });

  it("reads a lower-is-better board from its ranks", () => {
    const errors = [team(1, null, 0.1), team(2, null, 0.2), team(3, null, 0.3)];
    expect(inferHigherIsBetter(errors)).toBe(false);
    expect(winnerGap(errors, false).best!.privateScore).toBe(0.1);
    expect(inferHigherIsBetter([team(1, null, 0.9), team(2, null, 0.5)])).toBe(true);
  });

  it("flags diminishing returns only when the gap lies inside the noise", () => {
    const noise = noiseSpread([team(1, 0.61, 0.6), team(2, 0.58, 0.59), team(3, 0.61, 0.58), team(4, 0.58, 0.57)])!;
    expect(diminishingReturns(noise.sd * 0.5, noise)).toBe(true);
    expect(diminishingReturns(noise.sd, noise)).toBe(true);
    expect(diminishingReturns(noise.sd * 1.01, noise)).toBe(false);
    expect(diminishingReturns(null, noise)).toBeNull();
    expect(diminishingReturns(0.1, null)).toBeNull();
  });

  it("flags solutions that train longer than the runtime limit", () => {
    const solutions = [
      { rank: 1, name: "long", seconds: 9 * 3600 + 1, basis: "measured" as const },
      { rank: 2, name: "exact", seconds: 9 * 3600, basis: "estimated" as const },
      { rank: 3, name: "unknown", seconds: null, basis: "given" as const },
    ];
    expect(overRuntimeLimit(solutions, 9)).toEqual([
      { rank: 1, name: "long", hours: (9 * 3600 + 1) / 3600, basis: "measured" },
    ]);
    expect(overRuntimeLimit(solutions, null)).toEqual([]);
  });
});
