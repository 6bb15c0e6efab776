// The committed fact types are what scripts/gen-fact-types.mjs makes of today's schemas/facts/*.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsOf } from "../../src/model/fact-types.js";
import { emptyFacts } from "../../src/model/facts.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCRIPT = join(ROOT, "scripts", "gen-fact-types.mjs");
const COMMITTED = join(ROOT, "src", "model", "fact-types.ts");

describe("src/model/fact-types.ts", () => {
  it("is what the generator writes from the schemas (else: npm run gen:fact-types and commit it)", () => {
    const temp = mkdtempSync(join(tmpdir(), "repro-audit-fact-types-"));
    try {
      const fresh = join(temp, "fact-types.ts");
      execFileSync("node", [SCRIPT, fresh], { cwd: ROOT, stdio: "pipe" });
      expect(readFileSync(COMMITTED, "utf8"), "src/model/fact-types.ts is stale: run npm run gen:fact-types").toBe(
        readFileSync(fresh, "utf8"),
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it("types each field of a schema, optional unless required, with its description", () => {
    const text = readFileSync(COMMITTED, "utf8");
    expect(text).toContain(
      '  /** the long flag ("--lr"), else the first flag or the positional\'s name */\n  option?: string;\n',
    );
    expect(text).toMatch(/export interface EpochRunFact \{[^}]*\n {2}line\?: number;\n/);
    expect(text).toMatch(/export interface BranchesFact \{[^}]*\n {2}error\?: null \| string;\n/);
  });

  it("refuses a schema type it cannot express, naming the schema and field", () => {
    const temp = mkdtempSync(join(tmpdir(), "repro-audit-fact-types-"));
    try {
      // A copy of the script beside a schema folder holding one field typed as an array.
      mkdirSync(join(temp, "scripts"));
      mkdirSync(join(temp, "schemas", "facts"), { recursive: true });
      writeFileSync(join(temp, "scripts", "gen-fact-types.mjs"), readFileSync(SCRIPT));
      writeFileSync(
        join(temp, "schemas", "facts", "odd.json"),
        JSON.stringify({ properties: { list: { type: "array" } } }),
      );
      expect(() =>
        execFileSync("node", [join(temp, "scripts", "gen-fact-types.mjs"), join(temp, "out.ts")], { stdio: "pipe" }),
      ).toThrow(/odd\.json \/properties\/list: type "array" has no TypeScript type here/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it("hands a family's records to the reader, an empty list for a family not collected", () => {
    const facts = emptyFacts();
    facts.families["epoch-run"] = [{ status: "completed", epochs: 1 }];
    expect(factsOf(facts, "epoch-run").map((r) => r.epochs)).toEqual([1]);
    expect(factsOf(facts, "imports")).toEqual([]);
  });
});
