// The project's own contracts: each extractor tested and typed by its family's schema, each rule naming only
// fields its families declare, every rule's message asserted by a case, every category ruled.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../src/evaluate/load-rules.js";
import { factFamilies, familyFields } from "../src/evaluate/fact-schemas.js";
import { STATIC_EXTRACTORS } from "../src/extract/families/index.js";
import { extractFacts } from "../src/extract/index.js";
import { declaredFacts } from "../src/extract/run/declared-facts.js";
import { declaredView } from "../src/extract/run/declared-view.js";
import { walkRepo } from "../src/extract/view/walk.js";
import type { Rule } from "../src/evaluate/rule.js";

const familiesDir = new URL("../src/extract/families/", import.meta.url);
const extractorFiles = readdirSync(familiesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.ts`, familiesDir)))
  .map((d) => `${d.name}.ts`);
const testsDir = new URL("./extract/families/", import.meta.url);
const testTexts = readdirSync(testsDir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(new URL(f, testsDir), "utf8"));
const families = new Set(factFamilies());

describe("extractors", () => {
  it("every extractor file is in the run order, under its own id", () => {
    expect(STATIC_EXTRACTORS.map((e) => `${e.id}.ts`).sort()).toEqual(extractorFiles.sort());
  });

  for (const extractor of STATIC_EXTRACTORS) {
    it(`${extractor.id} has a family schema and tests`, () => {
      expect(families.has(extractor.id), `write schemas/facts/${extractor.id}.json`).toBe(true);
      const ownFile = existsSync(new URL(`${extractor.id}/${extractor.id}.test.ts`, testsDir));
      const named = testTexts.some((text) => text.includes(`/families/${extractor.id}/index.js"`));
      expect(ownFile || named, `create test/extract/families/${extractor.id}/${extractor.id}.test.ts`).toBe(true);
    });
  }
});

describe("declared reads", () => {
  const samples = readdirSync(new URL("../samples/", import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`../samples/${d.name}/repo/`, import.meta.url)))
    .map((d) => d.name);

  it("every extractor declares only families that exist", () => {
    for (const extractor of STATIC_EXTRACTORS)
      for (const family of extractor.reads) expect(families.has(family), `${extractor.id} reads ${family}`).toBe(true);
  });

  // Each extractor sees the facts and the tree behind views that throw on a family or a file role it did not declare.
  for (const sample of samples) {
    it(`on samples/${sample}, no extractor reads a family or a file role it does not declare`, async () => {
      const extractors = STATIC_EXTRACTORS.map((e) => ({
        ...e,
        extract: (ctx: Parameters<typeof e.extract>[0]) =>
          e.extract({ ...ctx, facts: declaredFacts(ctx.facts, e), view: declaredView(ctx.view, e) }),
      }));
      const view = await walkRepo(new URL(`../samples/${sample}/repo/`, import.meta.url).pathname);
      const facts = await extractFacts(view, extractors, { branches: null });
      expect(facts.families.extraction).toEqual([]);
      expect(facts.families.inventory!.filter((r) => String(r.reason ?? "").includes("extractor failed"))).toEqual([]);
    });
  }
});

describe("fact family schemas", () => {
  for (const family of families) {
    it(`${family}: every field typed and described`, () => {
      const schema = JSON.parse(readFileSync(new URL(`../schemas/facts/${family}.json`, import.meta.url), "utf8"));
      expect(schema.title).toBe(family);
      expect(schema.additionalProperties, "a family lists all of its fields").toBe(false);
      expect(String(schema.description).length).toBeGreaterThan(10);
      for (const [field, spec] of Object.entries<{ type?: unknown; description?: string }>(schema.properties)) {
        expect(spec.type, `${family}.${field} needs a type`).toBeDefined();
        expect(String(spec.description ?? "").length, `${family}.${field} needs a description`).toBeGreaterThan(3);
      }
    });
  }
});

/** `{field}` names in a template. */
const placeholders = (template: string) =>
  [...template.matchAll(/\{([A-Za-z0-9_-]+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!);

function fieldsNamedBy(rule: Rule): Array<{ family: string; field: string; where: string }> {
  const named: Array<{ family: string; field: string; where: string }> = [];
  for (const field of Object.keys(rule.check.where ?? {}))
    named.push({ family: rule.check.family, field, where: "check.where" });
  for (const field of Object.keys(rule.applies?.where ?? {}))
    named.push({ family: rule.applies!.family, field, where: "applies.where" });
  for (const field of rule.group ?? []) named.push({ family: rule.check.family, field, where: "group" });
  for (const field of Object.keys(rule.unconfirmedWhen ?? {}))
    named.push({ family: rule.check.family, field, where: "unconfirmedWhen" });
  for (const field of Object.keys(rule.infoWhen ?? {}))
    named.push({ family: rule.check.family, field, where: "infoWhen" });
  const extra = rule.group ? ["count"] : [];
  // An absence's words come from the record `applies` found; a finding's from the record it matched.
  const speaker = rule.check.absent && rule.applies ? rule.applies.family : rule.check.family;
  for (const field of placeholders(rule.message))
    if (!extra.includes(field)) named.push({ family: speaker, field, where: "message" });
  return named;
}

describe("rules", () => {
  const rules = loadRules([builtinRulesDir()]);
  const casesDir = new URL("./rules/cases/", import.meta.url);

  for (const rule of rules) {
    it(`${rule.id} names only families and fields that exist`, () => {
      for (const family of [rule.check.family, rule.applies?.family, ...(rule.needs ?? [])].filter(Boolean)) {
        expect(families.has(family!), `${rule.source}: family '${family}' has no schemas/facts/${family}.json`).toBe(
          true,
        );
      }
      for (const { family, field, where } of fieldsNamedBy(rule)) {
        expect(familyFields(family), `${rule.source} ${where}: '${field}' is not a field of ${family}`).toContain(
          field,
        );
      }
    });

    it(`${rule.id} says how conclusive its findings are`, () => {
      expect(
        rule.evidence,
        `${rule.source}: add evidence: conclusive | unconfirmed (and unconfirmedWhen where some records are unsure)`,
      ).toMatch(/^(conclusive|unconfirmed)$/);
    });

    it(`${rule.id} has its message asserted by a case`, () => {
      const file = new URL(`${rule.id}.yaml`, casesDir);
      const cases = existsSync(file) ? (yaml.load(readFileSync(file, "utf8")) as Array<{ expect: unknown }>) : [];
      const asserted = cases.some(
        (c) => Array.isArray(c.expect) && c.expect.some((e: { message?: string }) => typeof e.message === "string"),
      );
      expect(asserted, `add message: "..." to a failing case in test/rules/cases/${rule.id}.yaml`).toBe(true);
    });
  }

  it("every category has at least one rule", () => {
    const categories = new Set(rules.map((r) => r.category));
    expect([...categories].sort()).toEqual([
      "branches",
      "code",
      "datasets",
      "environment",
      "execution",
      "instructions",
      "paths",
      "requirements",
    ]);
  });

  it("every family is judged by some rule or read by a later stage", () => {
    const judged = new Set(
      rules.flatMap((r) => [r.check.family, r.applies?.family, r.unless?.family, ...(r.needs ?? [])]),
    );
    // `training` feeds the train plan, `training-setup` the static estimate; `suppressions` is read by the judge
    // itself; `kaggle-kernel` by path-literals, data-refs and the entry points; `rerun-plan` grades every finding.
    const readElsewhere = new Set(["training", "training-setup", "suppressions", "kaggle-kernel", "rerun-plan"]);
    expect([...families].filter((f) => !judged.has(f) && !readElsewhere.has(f))).toEqual([]);
  });
});
