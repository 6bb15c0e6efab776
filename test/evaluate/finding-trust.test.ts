// A finding's trust: its rule's first-look precision for its plan grade where enough was judged, else the rule's
// whole, else full; what a rule's findings cost in all.
import { describe, expect, it } from "vitest";
import { creditOf, gradeOf, trustOf } from "../../src/evaluate/finding-trust.js";

const t = (correct: number, wrong: number, debatable = 0) => ({ correct, wrong, debatable });

describe("trustOf", () => {
  const whole = t(6, 12); // a third right
  const byGrade = { "on-conclusive": t(9, 1), "on-unconfirmed": t(1, 3) };

  it("takes the precision of the finding's own grade once it has at least 10 judged findings", () => {
    expect(trustOf(whole, byGrade, "on-conclusive")).toBeCloseTo(0.9);
  });
  it("falls back to the rule's whole figures where its grade has too few", () => {
    expect(trustOf(whole, byGrade, "on-unconfirmed")).toBeCloseTo(1 / 3);
    expect(trustOf(whole, byGrade, undefined)).toBeCloseTo(1 / 3);
  });
  it("takes a finding as right where neither has enough judged findings", () => {
    expect(trustOf(t(0, 9), { "on-conclusive": t(0, 9) }, "on-conclusive")).toBe(1);
    expect(trustOf(undefined, undefined, "on-conclusive")).toBe(1);
  });
  it("counts debatable findings against precision, as the gate does", () => {
    expect(trustOf(t(5, 0, 5), undefined, undefined)).toBeCloseTo(0.5);
  });
});

describe("gradeOf", () => {
  it("names plan and evidence together, and nothing for a report graded by no plan", () => {
    expect(gradeOf("on", "unconfirmed")).toBe("on-unconfirmed");
    expect(gradeOf("unknown", undefined)).toBe("unknown-conclusive");
    expect(gradeOf(undefined, "conclusive")).toBeUndefined();
  });
});

describe("creditOf", () => {
  it("sums the trust of the findings on or off no plan, leaving out those off it", () => {
    const figures = { ...t(3, 7), byGrade: { "on-conclusive": t(8, 2) } };
    const findings = [
      { plan: "on" as const, evidence: "conclusive" as const },
      { plan: "unknown" as const, evidence: "conclusive" as const },
      { plan: "off" as const, evidence: "conclusive" as const },
    ];
    expect(creditOf(findings, figures)).toBeCloseTo(0.8 + 0.3);
    expect(creditOf(findings, undefined)).toBe(2);
  });
});
