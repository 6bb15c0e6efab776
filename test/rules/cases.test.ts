// Data-driven runner: every rule in rules/ has test/rules/cases/<id>.yaml, and each case's findings match.
import { existsSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../../src/evaluate/load-rules.js";
import { asWritten } from "../../src/evaluate/first-look-gate.js";
import { judgeRule } from "../../src/evaluate/judge.js";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { emptyFacts, type FactRecord } from "../../src/model/facts.js";
import { factProblems } from "../../src/evaluate/fact-schemas.js";

interface Case {
  name: string;
  /** An in-memory repo, extracted with every static extractor. */
  files?: Record<string, string>;
  /** Branch names (null or absent: a plain folder). */
  branches?: string[] | null;
  /** Families given directly (for stages that need git, an engine or a run). */
  facts?: Record<string, FactRecord[]>;
  /** Families marked as not collected, with the reason. */
  notCollected?: Record<string, string>;
  expect: Array<ExpectedFinding> | "not-assessed" | "not-applicable";
  /** How many of the findings block their area (a rule's blockWhen), asserted when given. */
  blocking?: number;
}

interface ExpectedFinding {
  file?: string | null;
  line?: number | null;
  cell?: number;
  cellLine?: number;
  /** The finding's words, asserted exactly when given (the contract asks every rule's message be asserted once). */
  message?: string;
  /** A grouped finding's other places, "file:line". */
  also?: string[];
  /** The finding's evidence, asserted when given. */
  evidence?: "conclusive" | "unconfirmed";
}

// Each rule as its file writes it: the first-look gate (tested on its own) may hold back its severity or blocking.
const rules = loadRules([builtinRulesDir()]).map(asWritten);
const casesDir = new URL("./cases/", import.meta.url);

describe("rule cases", () => {
  it("there are rules to test", () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    const file = new URL(`${rule.id}.yaml`, casesDir);
    describe(rule.id, () => {
      it("has a case file", () => {
        expect(
          existsSync(file),
          `create test/rules/cases/${rule.id}.yaml with at least one failing and one passing case`,
        ).toBe(true);
      });
      if (!existsSync(file)) return;
      const cases = yaml.load(readFileSync(file, "utf8")) as Case[];
      it("has a failing and a passing case", () => {
        expect(cases.some((c) => Array.isArray(c.expect) && c.expect.length > 0)).toBe(true);
        expect(cases.some((c) => Array.isArray(c.expect) && c.expect.length === 0)).toBe(true);
      });
      for (const testCase of cases) {
        it(testCase.name, async () => {
          const preset = emptyFacts();
          for (const [family, records] of Object.entries(testCase.facts ?? {})) preset.families[family] = records;
          Object.assign(preset.notCollected, testCase.notCollected ?? {});
          const facts = await extractFacts(memoryView(testCase.files ?? {}), STATIC_EXTRACTORS, {
            branches: testCase.branches ?? null,
            preset,
          });
          // Extractors emit, and cases hand in, only the fields their family's schema declares.
          expect(factProblems(facts)).toEqual([]);
          const { result, findings } = judgeRule(rule, facts);
          if (typeof testCase.expect === "string") {
            expect(result.outcome).toBe(testCase.expect);
            return;
          }
          const got = findings.map((f, i) => {
            const also = f.locations.slice(1).map((at) => (at.line !== undefined ? `${at.file}:${at.line}` : at.file));
            return {
              file: f.file,
              line: f.line,
              ...(f.cell !== undefined ? { cell: f.cell, cellLine: f.cellLine } : {}),
              ...(also.length ? { also } : {}),
              ...(typeof testCase.expect === "object" && testCase.expect[i]?.message !== undefined
                ? { message: f.message }
                : {}),
              ...(typeof testCase.expect === "object" && testCase.expect[i]?.evidence !== undefined
                ? { evidence: f.evidence }
                : {}),
            };
          });
          const want = testCase.expect.map((e) => ({
            file: e.file ?? null,
            line: e.line ?? null,
            ...(e.cell !== undefined ? { cell: e.cell, cellLine: e.cellLine } : {}),
            ...(e.also?.length ? { also: e.also } : {}),
            ...(e.message !== undefined ? { message: e.message } : {}),
            ...(e.evidence !== undefined ? { evidence: e.evidence } : {}),
          }));
          expect(got).toEqual(want);
          if (testCase.blocking !== undefined) expect(result.blocking ?? 0).toBe(testCase.blocking);
        });
      }
    });
  }
});
