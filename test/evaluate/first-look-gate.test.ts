// The first-look gate: a rule under 90% precision over at least 10 blind-judged findings is held to a friction warning.
import { describe, expect, it } from "vitest";
import { asWritten, belowGate, gateByFirstLook } from "../../src/evaluate/first-look-gate.js";
import { builtinRulesDir, loadRules, parseRule } from "../../src/evaluate/load-rules.js";
import type { Rule } from "../../src/evaluate/rule.js";

const rule = (over: Partial<Rule>): Rule => ({
  id: "x-y",
  title: "Require x",
  category: "paths",
  severity: "error",
  effect: "block",
  weight: 2,
  reason: "because it matters",
  check: { family: "path-literals" },
  message: "m",
  source: "x-y.yaml",
  ...over,
});

describe("belowGate", () => {
  it("needs at least 10 judged findings before it holds a rule back", () => {
    expect(belowGate({ correct: 0, wrong: 9, debatable: 0, corpus: "r" })).toBe(false);
    expect(belowGate({ correct: 0, wrong: 9, debatable: 1, corpus: "r" })).toBe(true);
  });
  it("lets a rule at 90% or more act as written", () => {
    expect(belowGate({ correct: 9, wrong: 1, debatable: 0, corpus: "r" })).toBe(false);
    expect(belowGate({ correct: 8, wrong: 1, debatable: 1, corpus: "r" })).toBe(true);
  });
});

describe("the gate reads the figures of the findings it governs", () => {
  // Wrong or trivial two times in three over all its findings, most of them off the plan in earlier rounds.
  const whole = { correct: 20, wrong: 30, debatable: 10, corpus: "r" };
  const onPlan = (correct: number, wrong: number) => ({
    ...whole,
    byGrade: { "on-conclusive": { correct, wrong, debatable: 0 } },
  });

  it("judges a rule by its conclusive findings on the plan once at least 10 of them were judged", () => {
    const warned = gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: onPlan(9, 5) }));
    expect(warned.severity).toBe("warning"); // 64% on the plan: held from errors, not to notes
    expect(gateByFirstLook(rule({ firstLook: onPlan(19, 1) }))).toMatchObject({ severity: "error", effect: "block" });
    expect(belowGate(onPlan(19, 1))).toBe(false);
  });
  it("holds to notes by the findings on the plan once the rule has the note line's 20 judged findings in all", () => {
    const few = gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: onPlan(2, 10) }));
    expect(few.severity).toBe("info"); // 17% over the 12 on the plan
    const many = gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: onPlan(14, 8) }));
    expect(many.severity).toBe("warning");
  });
  it("keeps the rule's whole figures where its findings on the plan are too few", () => {
    expect(belowGate(onPlan(9, 0))).toBe(true);
    expect(gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: onPlan(9, 0) })).severity).toBe(
      "info",
    );
  });
});

describe("gateByFirstLook", () => {
  const low = { correct: 2, wrong: 5, debatable: 5, corpus: "round-1" };
  it("turns a blocking error under the gate into a friction warning and says what it held back", () => {
    const g = gateByFirstLook(rule({ firstLook: low }));
    expect(g).toMatchObject({
      severity: "warning",
      effect: "friction",
      heldBack: { severity: "error", effect: "block" },
    });
  });
  it("drops the blocking case of a friction rule under the gate", () => {
    const g = gateByFirstLook(rule({ effect: "friction", blockWhen: { kind: "script" }, firstLook: low }));
    expect(g.blockWhen).toBeUndefined();
    expect(g.heldBack?.blockWhen).toEqual({ kind: "script" });
  });
  it("leaves alone a rule with no figures, one above the gate, and a warning that never blocked", () => {
    expect(gateByFirstLook(rule({}))).toMatchObject({ severity: "error", effect: "block" });
    expect(gateByFirstLook(rule({ firstLook: { correct: 19, wrong: 1, debatable: 0, corpus: "r" } })).severity).toBe(
      "error",
    );
    expect(gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: low })).heldBack).toBeUndefined();
  });
  it("is applied when a rule file is read", () => {
    const text =
      "id: x-y\ntitle: Require x\ncategory: paths\nseverity: error\neffect: block\nweight: 2\nreason: because it matters\ncheck: { family: path-literals }\nmessage: m\nfirstLook: { correct: 1, wrong: 9, debatable: 0, corpus: round-1 }\n";
    expect(parseRule("/r/x-y.yaml", text)).toMatchObject({ severity: "warning", effect: "friction" });
  });
  it("leaves the training-code-included rule free to block while instructions-train-documented is held", () => {
    const loaded = loadRules([builtinRulesDir()]);
    const byId = (id: string) => loaded.find((r) => r.id === id)!;
    expect(byId("instructions-train-documented").heldBack).toBeDefined();
    expect(byId("instructions-train-code-included")).toMatchObject({
      severity: "error",
      blockWhen: { code: "training" },
    });
  });

  it("holds a rule under the note line (50% over at least 20 findings) to info, still friction", () => {
    const poor = { correct: 5, wrong: 10, debatable: 6, corpus: "rounds 1-2" };
    expect(gateByFirstLook(rule({ firstLook: poor }))).toMatchObject({
      severity: "info",
      effect: "friction",
      heldBack: { severity: "error", effect: "block" },
    });
    expect(gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: poor }))).toMatchObject({
      severity: "info",
      heldBack: { severity: "warning" },
    });
    expect(
      gateByFirstLook(rule({ severity: "warning", effect: "friction", firstLook: { ...poor, correct: 16 } })).severity,
    ).toBe("warning");
    expect(
      gateByFirstLook(
        rule({
          severity: "warning",
          effect: "friction",
          firstLook: { correct: 0, wrong: 19, debatable: 0, corpus: "r" },
        }),
      ).severity,
    ).toBe("warning");
    const written = rule({ severity: "warning", effect: "friction", firstLook: poor });
    expect(asWritten(gateByFirstLook(written))).toEqual(written);
  });
  it("keeps what it held back, so the rule as written can be restored", () => {
    const written = rule({ effect: "friction", blockWhen: { kind: "script" }, firstLook: low });
    expect(asWritten(gateByFirstLook(written))).toEqual(written);
  });
});
