// The project's own contracts: each extractor documented and tested, each rule judging a known family,
// each rule id equal to its file name (checked on load), stage families documented.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../src/evaluate/load-rules.js";
import { STATIC_EXTRACTORS } from "../src/extract/extractors/index.js";
import { STAGE_FAMILIES } from "../src/stage-families.js";

const extractorFiles = readdirSync(new URL("../src/extract/extractors/", import.meta.url)).filter((f) => f.endsWith(".ts") && f !== "index.ts");
const testsDir = new URL("./extract/extractors/", import.meta.url);
const testTexts = readdirSync(testsDir).map((f) => readFileSync(new URL(f, testsDir), "utf8"));

describe("extractors", () => {
  it("every extractor file is in the run order, under its own id", () => {
    expect(STATIC_EXTRACTORS.map((e) => `${e.id}.ts`).sort()).toEqual(extractorFiles.sort());
  });

  for (const extractor of STATIC_EXTRACTORS) {
    it(`${extractor.id} documents its family and has tests`, () => {
      expect(extractor.description.length, `write a description in src/extract/extractors/${extractor.id}.ts`).toBeGreaterThan(10);
      expect(Object.keys(extractor.fields).length, `list the record fields in src/extract/extractors/${extractor.id}.ts`).toBeGreaterThan(0);
      const ownFile = existsSync(new URL(`${extractor.id}.test.ts`, testsDir));
      const named = testTexts.some((text) => text.includes(`/extractors/${extractor.id}.js"`));
      expect(ownFile || named, `create test/extract/extractors/${extractor.id}.test.ts`).toBe(true);
    });
  }
});

describe("rules", () => {
  const rules = loadRules([builtinRulesDir()]);
  const known = new Set([...STATIC_EXTRACTORS.map((e) => e.id), ...STAGE_FAMILIES.map((f) => f.id)]);

  for (const rule of rules) {
    it(`${rule.id} judges documented fact families`, () => {
      for (const family of [rule.check.family, rule.applies?.family, ...(rule.needs ?? [])].filter(Boolean)) {
        expect(known.has(family!), `${rule.source}: family '${family}' is neither an extractor nor in src/stage-families.ts`).toBe(true);
      }
    });
  }

  it("every category has at least one rule", () => {
    const categories = new Set(rules.map((r) => r.category));
    expect([...categories].sort()).toEqual(["branches", "code", "datasets", "environment", "execution", "instructions", "paths", "requirements"]);
  });
});
