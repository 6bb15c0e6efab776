import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";

describe("config", () => {
  it("reads a valid config and resolves rule folders against its own folder", () => {
    const config = parseConfig("/repo/.repro-audit.yml", "rules: [audit-rules]\ntrain: { epochs: 30, folds: 5 }\n");
    expect(config).toEqual({ rules: ["/repo/audit-rules"], train: { epochs: 30, folds: 5 } });
  });

  it("names the file and pointer of each problem", () => {
    expect(() => parseConfig("/repo/.repro-audit.yml", "train: { epochs: 0, colour: red }\n")).toThrow(
      "invalid config: /repo/.repro-audit.yml /train/epochs: must be >= 1; /repo/.repro-audit.yml /train: unknown property 'colour'",
    );
  });

  it("holds counts to their stated ranges: JSON Schema's integer takes 1e308", () => {
    expect(() => parseConfig("/r/.repro-audit.yml", "train: { epochs: 1e308, folds: 5, datasetSize: 1e12 }\n")).toThrow(
      "invalid config: /r/.repro-audit.yml /train/epochs: must be a whole number from 1 to 10000; /r/.repro-audit.yml /train/datasetSize: must be a whole number from 1 to 1000000000",
    );
  });

  it("lists the resolve stage among the stages a user's config may run", () => {
    expect(parseConfig("/r/.repro-audit.yml", "stages: [static, resolve]\n")).toEqual({
      stages: ["static", "resolve"],
    });
  });

  it("treats an empty file as an empty config", () => {
    expect(parseConfig("/r/.repro-audit.yml", "")).toEqual({});
  });
});
