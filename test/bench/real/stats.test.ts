import { describe, expect, it } from "vitest";
import { median, ranks, ratio, spearman } from "../../../bench/real/stats.js";

describe("ratio and median", () => {
  it("divides, and says nothing of an empty whole", () => {
    expect(ratio(9, 10)).toBe(0.9);
    expect(ratio(0, 0)).toBeNull();
  });
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });
});

describe("ranks", () => {
  it("gives ties the mean of the ranks they span", () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe("spearman", () => {
  it("is 1 for the same order and -1 for the reverse, whatever the scale", () => {
    expect(spearman([1, 2, 3, 4], [10, 40, 90, 160])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 7, 5, 1])).toBeCloseTo(-1, 12);
  });

  it("matches 1 - 6 sum d^2 / (n (n^2 - 1)) without ties", () => {
    // ranks x: 1..5; ranks y: 2,1,4,3,5 -> d^2 sum = 4 -> rho = 1 - 24/120 = 0.8
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 12);
  });

  it("handles ties through average ranks (Pearson on ranks)", () => {
    // x ranks 1,2.5,2.5,4 ; y ranks 1,2,3,4 -> r = 0.9486832980505138
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 12);
  });

  it("is null under three pairs or without spread, and refuses unequal lengths", () => {
    expect(spearman([1, 2], [2, 1])).toBeNull();
    expect(spearman([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(/3 values against 2/);
  });
});
