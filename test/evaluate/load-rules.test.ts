import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules, parseRule, ruleProblems } from "../../src/evaluate/load-rules.js";
import { AuditError } from "../../src/model/errors.js";

const valid = `id: my-rule
title: Require something
category: code
severity: warning
weight: 2
reason: Because it breaks reruns.
check: { family: syntax }
message: "{message}"
`;

describe("rule files", () => {
  it("every built-in rule passes the schema (loading them at start-up checks only their id)", () => {
    const dir = builtinRulesDir();
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) {
      const doc = yaml.load(readFileSync(join(dir, name), "utf8"), { schema: yaml.JSON_SCHEMA });
      expect(ruleProblems(join(dir, name), doc), name).toEqual([]);
    }
  });

  it("accepts a valid rule", () => {
    expect(parseRule("/x/my-rule.yaml", valid)).toMatchObject({ id: "my-rule", weight: 2, source: "/x/my-rule.yaml" });
  });

  it("names the file and the JSON pointer of every problem", () => {
    const doc = {
      id: "bad",
      title: "Checks",
      category: "nope",
      severity: "error",
      weight: 2,
      reason: "long enough reason",
      check: { family: "x", extra: 1 },
      message: "m",
    };
    const problems = ruleProblems("rules/bad.yaml", doc);
    expect(problems).toContain(
      "rules/bad.yaml /category: must be one of instructions, requirements, environment, paths, datasets, branches, code, execution",
    );
    expect(problems).toContain("rules/bad.yaml /check: unknown property 'extra'");
    expect(problems).toContain('rules/bad.yaml /title: must match pattern "^(Require|Disallow|Record) "');
  });

  it("reads a rule's evidence and its unconfirmedWhen, and names a wrong one by its pointer", () => {
    const rule = parseRule(
      "/x/my-rule.yaml",
      `${valid}evidence: conclusive\nunconfirmedWhen: { trainPath: { exists: false } }\n`,
    );
    expect(rule).toMatchObject({ evidence: "conclusive", unconfirmedWhen: { trainPath: { exists: false } } });
    const doc = { ...(yaml.load(valid) as object), evidence: "likely", unconfirmedWhen: "always" };
    expect(ruleProblems("rules/my-rule.yaml", doc)).toEqual(
      expect.arrayContaining([
        "rules/my-rule.yaml /evidence: must be one of conclusive, unconfirmed",
        "rules/my-rule.yaml /unconfirmedWhen: must be object",
      ]),
    );
  });

  it("names a selector's unknown family or field, which would otherwise make the rule silently not applicable", () => {
    const doc = {
      ...(yaml.load(valid) as object),
      check: { family: "syntax", where: { mesage: "x" } },
      applies: { family: "readme", where: { hasInstal: true } },
      unless: { family: "no-such-family" },
    };
    expect(ruleProblems("rules/my-rule.yaml", doc)).toEqual([
      "rules/my-rule.yaml /check/where/mesage: 'syntax' records have no field 'mesage'",
      "rules/my-rule.yaml /applies/where/hasInstal: 'readme' records have no field 'hasInstal'",
      "rules/my-rule.yaml /unless/family: no fact family 'no-such-family' (see `repro-audit rules facts`)",
    ]);
    expect(() =>
      parseRule("/x/my-rule.yaml", `${valid}applies: { family: readme, where: { hasInstal: true } }\n`),
    ).toThrow(/invalid rule file: .*applies\/where\/hasInstal: 'readme' records have no field 'hasInstal'/);
  });

  it("reads an absence's blockWhen against the records `applies` finds, the ones its finding stands on", () => {
    const absence = {
      ...(yaml.load(valid) as object),
      check: { family: "env-spec", where: { kind: "spec-file" }, absent: true },
      applies: { family: "readme", where: { kind: "readme" } },
    };
    expect(ruleProblems("rules/my-rule.yaml", { ...absence, blockWhen: { trainsNothing: true } })).toEqual([]);
    expect(ruleProblems("rules/my-rule.yaml", { ...absence, blockWhen: { hasInstal: true } })).toEqual([
      "rules/my-rule.yaml /blockWhen/hasInstal: 'readme' records have no field 'hasInstal'",
    ]);
  });

  it("requires the id to equal the file name", () => {
    expect(() => parseRule("/x/other.yaml", valid)).toThrow("/x/other.yaml /id: must equal the file name 'other'");
  });

  it("throws a bad-input error for YAML that does not parse", () => {
    try {
      parseRule("/x/my-rule.yaml", "id: [unclosed");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AuditError);
      expect((error as AuditError).code).toBe("BAD_INPUT");
      expect((error as AuditError).message).toContain("/x/my-rule.yaml is not valid YAML");
    }
  });

  it("loads folders in order, a later rule replacing an earlier one with the same id", () => {
    const root = mkdtempSync(join(tmpdir(), "rules-"));
    mkdirSync(join(root, "a"));
    mkdirSync(join(root, "b"));
    writeFileSync(join(root, "a", "my-rule.yaml"), valid);
    writeFileSync(join(root, "b", "my-rule.yaml"), valid.replace("weight: 2", "weight: 7"));
    const rules = loadRules([join(root, "a"), join(root, "b")]);
    expect(rules.map((r) => [r.id, r.weight])).toEqual([["my-rule", 7]]);
  });

  it("rejects a rules folder that does not exist", () => {
    expect(() => loadRules(["/nonexistent/rules"])).toThrow("rules folder /nonexistent/rules cannot be read");
  });
});
