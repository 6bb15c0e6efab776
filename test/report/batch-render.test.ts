// The batch report's text, Markdown and JSON: golden files for the rendered text, the schema for the JSON.
import { describe, expect, it } from "vitest";
import { renderBatchText } from "../../src/report/batch-text.js";
import { renderBatchMarkdown } from "../../src/report/batch-md.js";
import { batchReportProblems, renderBatchJson } from "../../src/report/batch-json.js";
import { batchReportFixture } from "./batch-fixtures.js";

const golden = (name: string): string => new URL(`./golden/${name}`, import.meta.url).pathname;

describe("batch reports", () => {
  it("text, colour off", async () => {
    await expect(renderBatchText(batchReportFixture())).toMatchFileSnapshot(golden("batch.txt"));
  });

  it("markdown", async () => {
    await expect(renderBatchMarkdown(batchReportFixture())).toMatchFileSnapshot(golden("batch.md"));
  });

  it("JSON carries the footprint with its teams and bases, and fits its schema", () => {
    const report = JSON.parse(renderBatchJson(batchReportFixture()));
    expect(report.competition).toMatchObject({
      submissionsCounted: 31_751,
      submissions: 32_307,
      teams: 1305,
      models: 4,
      basisCounts: { measured: 1, estimated: 1, given: 2 },
    });
    expect(report.competition.lower).toEqual({
      co2g: 1.58 * 31_751,
      kmByCar: (1.58 * 31_751) / 107.5,
      perModelCo2g: 1.58,
      teams: [{ rank: 612, name: "Tiny Baseline", basis: "given", co2g: 1.58 }],
      bases: ["given"],
    });
    expect(report.competition.upper.co2g).toBe(182_631_752);
    expect(report.competition.central).toMatchObject({
      perModelCo2g: (890 + 2400) / 2,
      bases: ["estimated", "measured"],
    });
    expect(report.verdict).toMatchObject({
      diminishingReturns: false,
      overRuntimeLimit: [{ rank: 1, name: "Lung Nodules United", hours: (2400 * 20) / 3600, basis: "measured" }],
    });
    expect(batchReportProblems({ ...report, rows: [{ ...report.rows[0], status: "done" }] })).toContain(
      "/rows/0/status: must be one of audited, cached, failed, timeout, no-repo, interrupted",
    );
  });

  it("gives one known cost as both bounds resting on that team, and says why there is no central figure", () => {
    const text = renderBatchText(batchReportFixture({ costed: ["Opacity Hunters"] }));
    expect(text).toContain(
      "Lower:   28.3 t CO2eq (263,000 km by car) = 890 g (Opacity Hunters, estimated; the only costed team) x 31,751",
    );
    expect(text).toContain(
      "Central: unknown (no central figure: only 1 team has a per-model cost, and a median of fewer than three says nothing the bounds do not)",
    );
    expect(text).toContain(
      "Upper:   28.3 t CO2eq (263,000 km by car) = 890 g (Opacity Hunters, estimated; the only costed team) x 31,751",
    );
    const md = renderBatchMarkdown(batchReportFixture({ costed: ["Opacity Hunters", "A Team"] }));
    expect(md).toContain("| Central | unknown | - | no central figure: only 2 teams have a per-model cost");
    expect(md).toContain("| Lower | **28.3 t** | 263,000 km by car | 890 g (Opacity Hunters, estimated) x 31,751 |");
    expect(md).toContain("| Upper | **183 t** | 1,700,000 km by car | 5.75 kg (A Team, given) x 31,751 |");
  });

  it("shows untrusted text from audits as one line without control characters", () => {
    const report = batchReportFixture();
    report.rows[3]!.reason = "git said: \u001b[31mred\u001b[0m\nsecond line";
    const text = renderBatchText(report);
    expect(text).toContain("git said: \\x1b[31mred\\x1b[0m second line");
    expect(renderBatchMarkdown(report)).not.toContain("\u001b");
  });
});
