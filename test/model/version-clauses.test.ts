import { describe, expect, it } from "vitest";
import { allowsFrom, compareReleases } from "../../src/model/version-clauses.js";

describe("allowsFrom: does a version spec admit a release at or after one", () => {
  it("reads exact pins, series, ranges and a local tag", () => {
    expect(allowsFrom("==1.19.5", "1.24")).toBe(false);
    expect(allowsFrom("==1.24.3", "1.24")).toBe(true);
    expect(allowsFrom("==1.19.*", "1.24")).toBe(false);
    expect(allowsFrom("==2.0.*", "1.24")).toBe(true);
    expect(allowsFrom(">=1.20", "1.24")).toBe(true);
    expect(allowsFrom("<1.24", "1.24")).toBe(false);
    expect(allowsFrom(">=1.20,<1.24", "1.24")).toBe(false);
    expect(allowsFrom(">=1.25,<2", "1.24")).toBe(true);
    expect(allowsFrom(">1.24", "1.24")).toBe(true);
    expect(allowsFrom("~=1.21", "1.24")).toBe(true);
    expect(allowsFrom("~=1.21.0", "1.24")).toBe(false);
    expect(allowsFrom("==1.4.0+cu92", "1.5")).toBe(false);
    expect(allowsFrom("=1.19", "1.24")).toBe(false);
  });
  it("answers null for what does not read", () => {
    expect(allowsFrom("@ https://example.org/x.whl", "1.24")).toBeNull();
    expect(allowsFrom("", "1.24")).toBeNull();
  });
});

describe("compareReleases", () => {
  it("orders release numbers by their parts, not as text, and one that does not read last", () => {
    expect(["10.0", "9.0", "1.24", "0.23", "2.0", "1.2"].sort(compareReleases)).toEqual([
      "0.23",
      "1.2",
      "1.24",
      "2.0",
      "9.0",
      "10.0",
    ]);
    expect(["dev", "1.0"].sort(compareReleases)).toEqual(["1.0", "dev"]);
  });
});
