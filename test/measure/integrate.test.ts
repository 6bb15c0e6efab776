import { describe, expect, it } from "vitest";
import {
  counterCovers,
  counterJoules,
  cumulativeAt,
  joules,
  meanWatts,
  toKWh,
  totalJoules,
  wattsAt,
} from "../../src/measure/integrate.js";

const ramp = [
  { t: 0, watts: 10 },
  { t: 2, watts: 30 },
  { t: 4, watts: 30 },
];

describe("integration", () => {
  it("integrates trapezoids over the whole series", () => {
    expect(joules(ramp, 0, 4)).toBe(40 + 60);
  });
  it("interpolates the window's ends", () => {
    expect(wattsAt(ramp, 1)).toBe(20);
    expect(joules(ramp, 1, 3)).toBe(25 + 30); // (20+30)/2*1 + 30*1
  });
  it("holds the end values outside the sampled span", () => {
    expect(joules(ramp, 4, 6)).toBe(60);
    expect(joules(ramp, -1, 0)).toBe(10);
  });
  it("gives zero for an empty series or window", () => {
    expect(joules([], 0, 10)).toBe(0);
    expect(joules(ramp, 3, 3)).toBe(0);
  });
  it("averages samples in a window and converts joules to kWh", () => {
    expect(meanWatts(ramp, 0, 3)).toBe(20);
    expect(meanWatts(ramp, 5, 6)).toBeNull();
    expect(toKWh(3_600_000)).toBe(1);
  });
});

// A counter read at launch (0 J), twice during a 0.4 s epoch and once at its end.
const counter = [
  { t: 0, joules: 0 },
  { t: 0.1, joules: 1 },
  { t: 0.3, joules: 5 },
  { t: 0.5, joules: 6 },
];

describe("counter windows", () => {
  it("interpolates the counter between readings and holds it outside them", () => {
    expect(cumulativeAt(counter, 0.2)).toBeCloseTo(3, 12);
    expect(cumulativeAt(counter, -1)).toBe(0);
    expect(cumulativeAt(counter, 9)).toBe(6);
    expect(cumulativeAt([], 1)).toBe(0);
  });
  it("gives a window's energy as the difference at its edges, however few readings fall inside", () => {
    expect(counterJoules(counter, 0, 0.5)).toBe(6);
    expect(counterJoules(counter, 0.1, 0.3)).toBe(4); // no reading strictly inside the window
    expect(counterJoules(counter, 0.2, 0.4)).toBeCloseTo(2.5, 9); // 3 J at 0.2 s, 5.5 J at 0.4 s
    expect(counterJoules(counter, 0.4, 0.2)).toBe(0);
    expect(
      counterJoules(
        [
          { t: 0, joules: 0 },
          { t: 0.4, joules: 2 },
        ],
        0.1,
        0.3,
      ),
    ).toBeCloseTo(1, 9);
  });
  it("says whether the readings reach both edges of a window (within the tolerance)", () => {
    expect(counterCovers(counter, 0, 0.5)).toBe(true);
    expect(counterCovers(counter, 0, 0.54)).toBe(true);
    expect(counterCovers(counter, 0, 0.6)).toBe(false);
    expect(
      counterCovers(
        [
          { t: 0.2, joules: 1 },
          { t: 0.5, joules: 2 },
        ],
        0,
        0.5,
      ),
    ).toBe(false);
    expect(counterCovers([{ t: 0, joules: 0 }], 0, 0)).toBe(false);
  });
  it("sums counters and power samples alike", () => {
    expect(totalJoules([{ cumulative: counter }, ramp], 0, 4)).toBe(6 + 100);
  });
});
