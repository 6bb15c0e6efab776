import { describe, expect, it } from "vitest";
import { eraPython } from "../../src/resolve/era-python.js";

describe("era's Python", () => {
  it("is the newest minor released a year before the commit", () => {
    expect(eraPython("2018-03-01T10:00:00Z")).toBe("3.6");
    expect(eraPython("2019-07-01")).toBe("3.7");
    expect(eraPython("2021-05-01T00:00:00+02:00")).toBe("3.8");
    expect(eraPython("2026-01-01")).toBe("3.13");
  });

  it("is the oldest the resolver runs for before any, and unknown without a date", () => {
    expect(eraPython("2015-06-01")).toBe("3.6");
    expect(eraPython(null)).toBeNull();
    expect(eraPython("yesterday")).toBeNull();
  });
});
