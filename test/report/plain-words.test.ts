// The report speaks plainly: no internal words ("Estimated (estimated)", "default: default"), plurals right.
import { describe, expect, it } from "vitest";
import type { Factor, Prediction } from "../../src/model/carbon.js";
import { render } from "../../src/report/index.js";
import { renderBatchText } from "../../src/report/batch-text.js";
import { renderBatchMarkdown } from "../../src/report/batch-md.js";
import { sampleReport } from "./fixtures.js";
import { batchReportFixture } from "./batch-fixtures.js";

const INTERNAL =
  /not collected|\(found ''\)|Estimated \(estimated\)|Given \(given\)|default: default|\b1 (?:runs|teams|folds|models|seeds|epochs|submissions)\b/;

function estimatedOneRun() {
  const report = sampleReport();
  const carbon = report.carbon!;
  const pue: Factor = {
    name: "PUE",
    value: 1.58,
    unit: "facility energy / IT energy",
    origin: "default",
    source: "default",
  } as Factor;
  const prediction = { ...carbon.prediction!, basis: "estimated", runs: 1, factors: [pue] } as Prediction;
  return { ...report, carbon: { ...carbon, prediction, plan: { ...carbon.plan, runs: 1 } } };
}

describe("plain words in the report", () => {
  it("names an estimate's basis once, a default once, and one run as one run, in text and Markdown", () => {
    const report = estimatedOneRun();
    for (const format of ["text", "md"] as const) {
      const text = render(report, format, { color: false });
      expect(text, format).not.toMatch(INTERNAL);
      expect(text, format).toMatch(/1 run = /);
    }
    expect(render(report, "md", {})).toContain("| Estimated from the code |");
  });

  it("counts one team as one team in the batch report", () => {
    const report = batchReportFixture();
    const c = report.competition;
    Object.assign(c, { teams: 1, teamsCounted: 1, submissions: 1, submissionsCounted: 1 });
    for (const text of [renderBatchText(report, { color: false }), renderBatchMarkdown(report)]) {
      expect(text).not.toMatch(INTERNAL);
      expect(text).toContain("1 of 1 submission counted, from 1 of 1 team with at least");
    }
  });
});
