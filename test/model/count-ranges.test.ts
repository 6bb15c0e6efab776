// The stated ranges of training counts and leaderboard numbers: whole, within bounds, never Infinity or NaN.
import { describe, expect, it } from "vitest";
import { countInRange, leaderboardNumberProblem, rangeWords } from "../../src/model/count-ranges.js";

describe("count ranges", () => {
  it("believes whole counts within range only", () => {
    expect(countInRange("epochs", 30)).toBe(true);
    expect(countInRange("epochs", 10_000)).toBe(true);
    for (const bad of [0, -1, 2.5, 1e-300, 1e308, 10_001, Infinity, NaN])
      expect(countInRange("epochs", bad), String(bad)).toBe(false);
    expect(countInRange("images", 1_000_000_000)).toBe(true);
    expect(countInRange("images", 1_000_000_001)).toBe(false);
    expect(rangeWords("folds")).toBe("a whole number from 1 to 1000");
  });

  it("names what a leaderboard number must be when it is out of range", () => {
    expect(leaderboardNumberProblem("entries", 12)).toBeNull();
    expect(leaderboardNumberProblem("entries", 1e308)).toBe("must be a whole number from 0 to 1000000");
    expect(leaderboardNumberProblem("rank", 0)).toBe("must be a whole number from 1 to 10000000");
    expect(leaderboardNumberProblem("privateScore", 0.913)).toBeNull();
    expect(leaderboardNumberProblem("privateScore", NaN)).toBe("must be a number from -1000000000000 to 1000000000000");
    expect(leaderboardNumberProblem("co2g", -1)).not.toBeNull();
  });
});
