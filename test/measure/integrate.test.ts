import { describe, expect, it } from "vitest";
import { joules, meanWatts, toKWh, wattsAt } from "../../src/measure/integrate.js";

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
