import { describe, expect, it } from "vitest";
import { resolveIntensity } from "../../src/carbon/intensity.js";
import { co2Grams, kmByCar, validatePue } from "../../src/carbon/equivalents.js";
import { AuditError } from "../../src/model/errors.js";

describe("carbon intensity", () => {
  it("defaults to the world figure with its source and year", () => {
    expect(resolveIntensity({})).toEqual({ gPerKWh: 481, region: "WORLD", source: expect.stringContaining("Ember"), year: 2023 });
  });
  it("takes a country code in any case", () => {
    expect(resolveIntensity({ region: "fr" }).gPerKWh).toBe(56);
    expect(resolveIntensity({ region: "DE" }).region).toBe("DE");
  });
  it("lets --intensity win over --region", () => {
    expect(resolveIntensity({ region: "FR", intensity: 300 })).toMatchObject({ gPerKWh: 300, region: "FR", source: "flag --intensity" });
  });
  it("rejects an unknown region and a silly intensity as bad input", () => {
    expect(() => resolveIntensity({ region: "XX" })).toThrow(AuditError);
    expect(() => resolveIntensity({ intensity: -5 })).toThrow(/not a carbon intensity/);
    expect(() => validatePue(0.5)).toThrow(/power usage effectiveness/);
  });
  it("converts energy to grams and grams to km at 107.5 g/km", () => {
    expect(co2Grams(2, 481)).toBe(962);
    expect(kmByCar(215)).toBe(2);
  });
});
