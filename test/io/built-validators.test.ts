// Validators built with the package (dist/validators/): one per schema, fresh, refused once its schema
// changes, and saying exactly what ajv compiled at run time says.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtValidator, builtValidatorPath } from "../../src/io/built-validators.js";
import { compileSchema, describeErrors, schemaPath } from "../../src/io/schema.js";
import { sampleReport } from "../report/fixtures.js";

/** Every schema a run may validate against (vendor/ holds others' schemas). */
function schemaNames(): string[] {
  const top = readdirSync(schemaPath(".")).filter((n) => n.endsWith(".json"));
  const facts = readdirSync(schemaPath("facts"))
    .filter((n) => n.endsWith(".json"))
    .map((n) => `facts/${n}`);
  return [...top, ...facts].sort();
}

const text = (name: string) => readFileSync(schemaPath(name), "utf8");

describe("built validators", () => {
  it("the build made one from the current text of every schema (rebuild: npm run build)", () => {
    const stale = schemaNames().filter((name) => builtValidator(name, text(name)) === null);
    expect(stale.map((name) => `${name} (${builtValidatorPath(name)})`)).toEqual([]);
  });

  it("is refused when its schema's text differs from the one it was built from", () => {
    const changed = text("rule.schema.json").replace('"required"', '"required" ');
    expect(builtValidator("rule.schema.json", changed)).toBeNull();
    expect(builtValidator("no-such.schema.json", "{}")).toBeNull();
  });

  it("finds the same problems, in the same words, as the validator compiled at run time", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    delete report.repo.commit;
    report.findings[0].severity = "fatal";
    report.surplus = true;
    const cases: Array<[string, unknown]> = [
      ["report.schema.json", sampleReport()],
      ["report.schema.json", report],
      ["rule.schema.json", { id: "x", title: 3, check: { any: [1] } }],
      ["config.schema.json", { disable: "not-a-list", unknown: 1 }],
      ["leaderboard.schema.json", { competition: {}, teams: [{ rank: "first" }] }],
    ];
    for (const [name, data] of cases) {
      const built = builtValidator(name, text(name))!;
      const runtime = compileSchema(text(name));
      const builtOk = built(data);
      const runtimeOk = runtime(data);
      expect({ name, ok: builtOk, problems: describeErrors(built.errors) }).toEqual({
        name,
        ok: runtimeOk,
        problems: describeErrors(runtime.errors),
      });
    }
    expect(builtValidator("report.schema.json", text("report.schema.json"))!(report)).toBe(false);
  });
});
