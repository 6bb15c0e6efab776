// The report schema: what it accepts, what it rejects, and that every problem is named by its JSON pointer.
import { describe, expect, it } from "vitest";
import { AuditError } from "../../src/model/errors.js";
import type { Report } from "../../src/model/report.js";
import { renderJson } from "../../src/report/json.js";
import { reportProblems, validateReport } from "../../src/report/validate.js";
import { FINDINGS, sampleReport } from "./fixtures.js";

function thrown(fn: () => unknown): AuditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AuditError) return error;
    throw error;
  }
  throw new Error("expected an AuditError");
}

describe("validateReport", () => {
  it("accepts the representative report, and one without environment and carbon", () => {
    expect(reportProblems(sampleReport())).toEqual([]);
    const bare = sampleReport();
    delete bare.environment;
    delete bare.carbon;
    expect(reportProblems(bare)).toEqual([]);
  });

  it("accepts findings graded by the rerun plan, their rules' counts and the plan, and rejects a place outside on/off/unknown", () => {
    const report = sampleReport();
    report.findings[0] = {
      ...report.findings[0]!,
      plan: "off",
      planReason: "not on the rerun path: no step runs or imports eda.py",
      evidence: "conclusive",
    };
    report.findings[1] = { ...report.findings[1]!, plan: "unknown", evidence: "unconfirmed" };
    report.rules[0] = { ...report.rules[0]!, counted: 0, blocking: 0 };
    report.plan = {
      collected: true,
      found: true,
      basis: "readme",
      reached: 2,
      steps: [
        {
          order: 1,
          file: "README.md",
          line: 4,
          cwd: "src",
          command: "python train.py",
          program: "src/train.py",
          repeat: 5,
        },
      ],
    };
    expect(reportProblems(report)).toEqual([]);
    expect(reportProblems({ ...report, plan: { collected: false, reason: "an older facts file" } })).toEqual([]);
    (report.findings[0] as unknown as Record<string, unknown>).plan = "maybe";
    expect(reportProblems(report)).toEqual(["/findings/0/plan: must be one of on, off, unknown"]);
  });

  it("rejects a report missing repo.commit with INTERNAL and the pointer in the message", () => {
    const report = sampleReport() as unknown as { repo: Record<string, unknown> };
    delete report.repo.commit;
    const error = thrown(() => validateReport(report));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toContain("/repo/commit: is missing");
    expect(error.message).toContain("schemas/report.schema.json");
  });

  it("lists every problem, not only the first", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    delete report.score.categories.execution;
    report.findings[0].severity = "fatal";
    report.findings[1].line = 0;
    expect(reportProblems(report)).toEqual(
      expect.arrayContaining([
        "/score/categories/execution: is missing",
        "/findings/0/severity: must be one of error, warning, info",
        "/findings/1/line: must be >= 1",
      ]),
    );
  });

  it("rejects a category marked not assessed that carries a score (never a silent 100)", () => {
    const report = sampleReport();
    report.score.categories.branches = { ...report.score.categories.branches, score: 100 };
    expect(reportProblems(report)).toEqual(["/score/categories/branches/score: must be null"]);
  });

  it("rejects a finding with an unknown property and a category outside the eight", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    report.findings[2].column = 3;
    report.findings[3].category = "style";
    const problems = reportProblems(report);
    expect(problems).toContain("/findings/2: unknown property 'column'");
    expect(problems.some((p) => p.startsWith("/findings/3/category: must be one of"))).toBe(true);
  });

  it("accepts an estimate's trainings and coverage, and names a training's bad role and missing sum fields", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    const p = report.carbon.prediction;
    const row = {
      label: "step 2 train.py",
      role: "pseudo-label",
      architecture: "timm/resnet50",
      inputSize: 512,
      batchSize: null,
      images: 400,
      epochs: 30,
      runs: 5,
      total: p.total,
      interval: p.interval,
      sources: ["run.sh:2"],
      guessed: ["epochs"],
    };
    Object.assign(p, {
      basis: "estimated",
      trainings: [row],
      coverage: { basis: "rerun-plan", trainings: 1, fromCode: 0, guessed: 1, widening: 3, note: "n" },
    });
    delete p.from;
    expect(reportProblems(report)).toEqual([]);
    p.trainings[0].role = "warm-up";
    delete p.coverage.guessed;
    const problems = reportProblems(report);
    expect(problems).toContain("/carbon/prediction/coverage/guessed: is missing");
    expect(problems.some((x) => x.startsWith("/carbon/prediction/trainings/0/role: must be one of"))).toBe(true);
  });

  it("requires the environment and carbon sections' main fields when they are present", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    delete report.environment.build;
    delete report.carbon.prediction;
    delete report.carbon.measurement.actual.boundaries;
    expect(reportProblems(report)).toEqual(
      expect.arrayContaining([
        "/environment/build: is missing",
        "/carbon/prediction: is missing",
        "/carbon/measurement/actual/boundaries: is missing",
      ]),
    );
  });
});

describe("renderJson", () => {
  it("writes the report as pretty JSON that parses back to the same object", () => {
    const report = sampleReport();
    const text = renderJson(report);
    expect(text.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    expect(JSON.parse(text) as Report).toEqual(report);
  });

  it("validates what is written: a field left undefined is dropped, not refused", () => {
    const report = sampleReport();
    report.findings[1] = {
      ...report.findings[1]!,
      cell: undefined,
      values: { branch: "gpu-training", remote: undefined as never },
    };
    expect(JSON.parse(renderJson(report)).findings[1]).toEqual({ ...FINDINGS[1], values: { branch: "gpu-training" } });
  });

  it("refuses to write an invalid report", () => {
    const report = sampleReport() as unknown as Record<string, any>;
    report.score.total = 140;
    expect(thrown(() => renderJson(report as Report)).message).toContain("/score/total: must be <= 100");
  });
});
