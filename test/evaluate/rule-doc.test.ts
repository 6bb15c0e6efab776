// docs/rules/<id>.md is generated from each rule's YAML; a page missing or out of date fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../../src/evaluate/load-rules.js";
import { ruleDoc, ruleDocUrl } from "../../src/evaluate/rule-doc.js";
import { repositoryWebUrl } from "../../src/io/package.js";

const docs = new URL("../../docs/rules/", import.meta.url);
const rules = loadRules([builtinRulesDir()]);

describe("rule pages", () => {
  for (const rule of rules) {
    it(`docs/rules/${rule.id}.md is up to date`, () => {
      const page = new URL(`${rule.id}.md`, docs);
      expect(existsSync(page), `run npm run docs:rules to write docs/rules/${rule.id}.md`).toBe(true);
      expect(readFileSync(page, "utf8"), `docs/rules/${rule.id}.md is stale: run npm run docs:rules`).toBe(
        ruleDoc(rule),
      );
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

  it("derives the pages' address from package.json's repository, not from a name written in the code", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      repository?: { url?: string };
    };
    expect(pkg.repository?.url).toBe("git+https://github.com/repro-audit/repro-audit.git");
    expect(ruleDocUrl("paths-portable")).toBe(
      "https://github.com/repro-audit/repro-audit/blob/main/docs/rules/paths-portable.md",
    );
    expect(repositoryWebUrl("git+https://github.com/Some/Fork.git")).toBe("https://github.com/Some/Fork");
    expect(repositoryWebUrl("git@github.com:some/fork.git")).toBe("https://github.com/some/fork");
    expect(repositoryWebUrl("github:some/fork")).toBe("https://github.com/some/fork");
    expect(repositoryWebUrl("https://gitlab.com/some/fork")).toBe("https://gitlab.com/some/fork");
    expect(repositoryWebUrl(undefined)).toBeNull();
  });

  it("says what the rule checks, costs and how to quiet it", () => {
    const page = ruleDoc(rules.find((r) => r.id === "requirements-transports-live")!);
    expect(page).toContain("# requirements-transports-live");
    expect(page).toContain("It blocks: any finding caps install at 10 points");
    expect(page).toContain("`# repro-audit: ignore[requirements-transports-live] <reason>`");
  });

  it("says what an absence costs: three times its friction, an area's absences at most a block's take", () => {
    const page = ruleDoc(rules.find((r) => r.id === "instructions-train-documented")!);
    expect(page).toContain("it costs 3 x 6 x log2(1 + 1) = 18 of the 30 run points");
    expect(page).toContain("the absences of run together at most what a block takes (20)");
    expect(ruleDoc(rules.find((r) => r.id === "requirements-pinned")!)).toContain("n findings cost 1.5 x log2(1 + n)");
  });

  it("says how conclusive the rule's findings are and how the rerun plan grades them", () => {
    const base = rules.find((r) => r.id === "requirements-spec-present")!;
    expect(ruleDoc({ ...base, evidence: "conclusive" })).toContain(
      "Its findings are conclusive: on the rerun plan they keep the rule's severity",
    );
    const unsure = ruleDoc({ ...base, evidence: "conclusive", unconfirmedWhen: { via: "notebook" } });
    expect(unsure).toContain(
      'A finding whose record matches `{"via":"notebook"}` is unconfirmed: a warning at most, and it never blocks.',
    );
    expect(ruleDoc({ ...base, evidence: "unconfirmed" })).toContain(
      "Its findings are unconfirmed: a warning at most, and they never block.",
    );
  });
});
