// The endpoint badge and its colour bands (pure).
import { describe, expect, it } from "vitest";
import { badgeColor, scoreBadge } from "../../src/action/badge.js";

describe("scoreBadge", () => {
  it("says the rounded score out of 100 in shields.io's endpoint format", () => {
    expect(scoreBadge(71.6)).toEqual({
      schemaVersion: 1,
      label: "repro-audit",
      message: "72/100",
      color: "yellowgreen",
    });
    expect(scoreBadge(null)).toEqual({
      schemaVersion: 1,
      label: "repro-audit",
      message: "not assessed",
      color: "lightgrey",
    });
  });
  it("colours by band, edges included", () => {
    const at = [100, 90, 89, 75, 74, 60, 59, 40, 39, 20, 19, 0].map(badgeColor);
    expect(at).toEqual([
      "brightgreen",
      "brightgreen",
      "green",
      "green",
      "yellowgreen",
      "yellowgreen",
      "yellow",
      "yellow",
      "orange",
      "orange",
      "red",
      "red",
    ]);
    expect(scoreBadge(89.6).color).toBe("brightgreen");
  });
});
