// Golden files for the rendered formats (text without colour, Markdown, SARIF); `vitest -u` rewrites them.
import { describe, expect, it } from "vitest";
import { render } from "../../src/report/index.js";
import { explainScore } from "../../src/evaluate/score-explain.js";
import { errorsOnly } from "../../src/evaluate/quiet.js";
import { RULES, sampleReport } from "./fixtures.js";

const golden = (name: string): string => new URL(`./golden/${name}`, import.meta.url).pathname;

describe("rendered reports match their golden files", () => {
  it("text, colour off", async () => {
    await expect(render(sampleReport(), "text", { color: false })).toMatchFileSnapshot(golden("report.txt"));
  });

  it("markdown", async () => {
    await expect(render(sampleReport(), "md", { rules: RULES })).toMatchFileSnapshot(golden("report.md"));
  });

  it("text with --quiet and --explain-score", async () => {
    const report = errorsOnly(sampleReport());
    report.score.explanation = explainScore(report.score);
    await expect(render(report, "text", { color: false })).toMatchFileSnapshot(golden("report-quiet-explained.txt"));
  });

  it("sarif", async () => {
    await expect(render(sampleReport(), "sarif", { rules: RULES })).toMatchFileSnapshot(golden("report.sarif.json"));
  });
});
