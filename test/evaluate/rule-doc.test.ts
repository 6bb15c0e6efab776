// docs/rules/<id>.md is generated from each rule's YAML; a page missing or out of date fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../../src/evaluate/load-rules.js";
import { ruleDoc, ruleDocUrl } from "../../src/evaluate/rule-doc.js";

const docs = new URL("../../docs/rules/", import.meta.url);
const rules = loadRules([builtinRulesDir()]);

describe("rule pages", () => {
  for (const rule of rules) {
    it(`docs/rules/${rule.id}.md is up to date`, () => {
      const page = new URL(`${rule.id}.md`, docs);
      expect(existsSync(page), `run npm run docs:rules to write docs/rules/${rule.id}.md`).toBe(true);
      expect(readFileSync(page, "utf8"), `docs/rules/${rule.id}.md is stale: run npm run docs:rules`).toBe(ruleDoc(rule));
    });
  }

  it("has no page for a rule that is gone", () => {
    const ids = new Set(rules.map((r) => `${r.id}.md`));
    expect(readdirSync(docs).filter((f) => !ids.has(f))).toEqual([]);
  });

  it("links each built-in rule to its page", () => {
    for (const rule of rules) expect(rule.helpUri).toBe(ruleDocUrl(rule.id));
    expect(ruleDocUrl("paths-portable")).toMatch(/^https:\/\/.+\/docs\/rules\/paths-portable\.md$/);
  });

  it("says what the rule checks, costs and how to quiet it", () => {
    const page = ruleDoc(rules.find((r) => r.id === "requirements-spec-present")!);
    expect(page).toContain("# requirements-spec-present");
    expect(page).toContain("It blocks: any finding caps install at 10 points");
    expect(page).toContain("`# repro-audit: ignore[requirements-spec-present] <reason>`");
  });
});
