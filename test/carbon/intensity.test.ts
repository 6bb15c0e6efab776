import { describe, expect, it } from "vitest";
import { resolveIntensity } from "../../src/carbon/intensity.js";
import { co2Grams, kmByCar, validatePue } from "../../src/carbon/equivalents.js";
import { AuditError } from "../../src/model/errors.js";
import { sourced } from "../../src/model/sourced.js";

const flag = <T>(value: T, name: string) => sourced(value, "flag", name);

describe("carbon intensity", () => {
  it("defaults to the world figure with its source and year", () => {
    expect(resolveIntensity({})).toEqual({
      value: 481,
      origin: "table",
      region: "WORLD",
      source: expect.stringContaining("Ember"),
      year: 2023,
    });
  });
  it("takes a country code in any case", () => {
    expect(resolveIntensity({ region: flag("fr", "--region") }).value).toBe(56);
    expect(resolveIntensity({ region: flag("DE", "--region") })).toMatchObject({
      region: "DE",
      origin: "table",
      source: expect.stringMatching(/^Ember.* 2023, DE from --region$/),
    });
  });
  it("lets --intensity win over --region, and never stamps a typed figure with a year", () => {
    expect(resolveIntensity({ region: flag("FR", "--region"), intensity: flag(300, "--intensity") })).toEqual({
      value: 300,
      origin: "flag",
      region: "FR",
      source: "--intensity",
      year: null,
    });
  });
  it("rejects an unknown region and a silly intensity as bad input", () => {
    expect(() => resolveIntensity({ region: flag("XX", "--region") })).toThrow(AuditError);
    expect(() => resolveIntensity({ intensity: flag(-5, "--intensity") })).toThrow(/not a carbon intensity/);
    expect(() => validatePue(0.5)).toThrow(/power usage effectiveness/);
  });
  it("converts energy to grams and grams to km at 107.5 g/km", () => {
    expect(co2Grams(2, 481)).toBe(962);
    expect(kmByCar(215)).toBe(2);
  });
});
