import { describe, expect, it } from "vitest";
import { isLimited, pythonRanges, resolveBudget } from "../../src/resolve/budget.js";

const ORDER = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

describe("resolve budget", () => {
  it("gives each call the time left, at most the resolver's own limit, and none once it is spent", () => {
    let clock = 0;
    const budget = resolveBudget(120, { now: () => clock });
    expect(budget.grant("requirements.txt")).toEqual({ timeoutMs: 120_000 });
    clock = 119_500;
    const out = budget.grant("requirements.txt");
    expect("answer" in out && isLimited(out.answer) && out.answer.reason).toBe("the resolve budget (120 s) ran out");
    expect(budget.spent()).toBe(true);
    expect(resolveBudget(600, { now: () => 0 }).grant("a")).toEqual({ timeoutMs: 180_000 });
  });

  it("caps the calls of each spec, not of the next", () => {
    const budget = resolveBudget(120, { callsPerSpec: 2, now: () => 0 });
    budget.grant("a");
    budget.grant("a");
    const third = budget.grant("a");
    expect("answer" in third && third.answer.reason).toBe("the cap of 2 resolver calls for a was reached");
    expect(budget.grant("b")).toEqual({ timeoutMs: 120_000 });
    expect(budget.spent()).toBe(false);
  });

  it("says Pythons as ranges where they run in order", () => {
    expect(pythonRanges(["3.13", "3.10", "3.11", "3.12", "3.6"], ORDER)).toBe("3.6, 3.10-3.13");
    expect(pythonRanges(["3.7", "3.8", "3.11"], ORDER)).toBe("3.7, 3.8, 3.11");
  });
});
