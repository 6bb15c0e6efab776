// The batch report's HTML page: one file that needs no network, its charts rendered by vega to SVG, and
// the page opened in a real headless Chromium (Debian's): no console error, every chart with marks, a
// screenshot kept in test-artifacts/ (gitignored).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartSvg, renderBatchHtml } from "../../src/report/batch-html.js";
import { batchCharts } from "../../src/report/batch-charts.js";
import { runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { batchReportFixture } from "./batch-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url).pathname;
const LEADERBOARDS = new URL("../../samples/leaderboards/", import.meta.url).pathname;
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);

describe("the HTML page as written", () => {
  it("is one self-contained file: no script, no stylesheet or image to fetch, no vega warning", async () => {
    const warnings: string[] = [];
    const html = await renderBatchHtml(batchReportFixture(), { warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/(?:src|href)=/g)).toBeNull();
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain("default-src 'none'");
  });

  it("explains a chart with nothing to draw instead of drawing an empty one", async () => {
    const report = batchReportFixture();
    report.rows = report.rows.filter((r) => r.status === "no-repo");
    const charts = batchCharts(report);
    expect(charts.find((c) => c.id === "score-vs-co2")).toMatchObject({
      spec: null,
      empty: "No team has both a reproducibility score (an audit) and a per-model cost.",
    });
    const html = await renderBatchHtml({ ...report, competition: { ...report.competition } });
    expect(html).toContain('data-chart="score-vs-co2" data-empty="true"');
  });
});

describe("the charts", () => {
  const marksOf = (spec: unknown): string[] => JSON.stringify(spec).match(/"type":"(bar|point|rule|text|rect)"/g) ?? [];
  const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

  it("draws points with interval bars on log axes, never bars", () => {
    for (const chart of batchCharts(batchReportFixture())) {
      const spec = JSON.stringify(chart.spec);
      if (spec.includes('"type":"log"')) expect(marksOf(chart.spec), chart.id).not.toContain('"type":"bar"');
    }
    const perTeam = batchCharts(batchReportFixture()).find((c) => c.id === "co2-per-team")!;
    expect(marksOf(perTeam.spec)).toEqual(expect.arrayContaining(['"type":"point"', '"type":"rule"']));
  });

  it("labels the log axes in g, kg and t, and writes team names whole", async () => {
    const report = batchReportFixture();
    const long = "The Extraordinarily Long Named Opacity Detection Collective";
    report.rows.find((r) => r.name === "Opacity Hunters")!.name = long;
    const [perTeam, , bounds] = batchCharts(report);
    const teamTexts = svgTexts(await chartSvg(perTeam!.spec!));
    expect(teamTexts).toEqual(expect.arrayContaining(["1 g", "10 g", "100 g", "1 kg", "10 kg", `3. ${long}`]));
    expect(teamTexts.filter((t) => /^\d[\d,.]*$/.test(t))).toEqual([]);
    // Whole names are the leaderboard's words: drawn as text, never as markup (the SVG files are opened alone).
    const hostile = batchReportFixture();
    hostile.rows.find((r) => r.name === "Opacity Hunters")!.name = "</text><script>alert(1)</script><text>";
    const hostileSvg = await chartSvg(batchCharts(hostile)[0]!.spec!);
    expect(hostileSvg).not.toContain("<script");
    expect(hostileSvg).toContain("&lt;/text&gt;&lt;script&gt;");
    const boundTexts = svgTexts(await chartSvg(bounds!.spec!));
    expect(boundTexts).toEqual(expect.arrayContaining(["100 kg", "1 t", "100 t", "50.2 kg (given)", "183 t (given)"]));
  });

  it("shows a not-enough-data panel for one cost, and both bounds with no central point for two", async () => {
    const one = batchCharts(batchReportFixture({ costed: ["Opacity Hunters"] }));
    expect(one.find((c) => c.id === "co2-per-team")).toMatchObject({
      spec: null,
      empty: expect.stringMatching(/^Not enough data for a chart: one team has a per-model cost/),
    });
    expect(one.find((c) => c.id === "competition-bounds")).toMatchObject({
      spec: null,
      empty: expect.stringMatching(/^Not enough data for a chart: the bounds rest on one per-model cost \(28.3 t\)/),
    });
    const html = await renderBatchHtml(batchReportFixture({ costed: ["Opacity Hunters"] }));
    expect(html).toContain('data-chart="competition-bounds" data-empty="true"');
    const two = batchCharts(batchReportFixture({ costed: ["Opacity Hunters", "A Team"] })).find(
      (c) => c.id === "competition-bounds",
    )!;
    const texts = svgTexts(await chartSvg(two.spec!));
    expect(texts).toEqual(expect.arrayContaining(["lower", "upper", "28.3 t (estimated)", "183 t (given)"]));
    expect(texts).not.toContain("central");
  });
});

type Box = { left: number; top: number; right: number; bottom: number };
/** Labels of 10 px or more, and no two label boxes of one chart overlapping (a pixel of slack for glyph edges). */
function expectLegibleLabels(
  charts: Array<{ id: string | null; texts: Array<{ text: string; size: number; box: Box }> }>,
): void {
  const overlap = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (const chart of charts) {
    for (const t of chart.texts) expect(t.size, `${chart.id}: "${t.text}"`).toBeGreaterThanOrEqual(10);
    const clashes: string[] = [];
    chart.texts.forEach((a, i) =>
      chart.texts.slice(i + 1).forEach((b) => overlap(a.box, b.box) && clashes.push(`"${a.text}" / "${b.text}"`)),
    );
    expect(clashes, chart.id!).toEqual([]);
  }
}

describe.skipIf(!haveChromium)("the HTML page in headless Chromium", () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    // A fresh profile folder: nothing of an earlier run (cache, service workers) can serve the page.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "chromium-")), {
      executablePath: CHROMIUM,
      args: FLAGS,
      headless: true,
      timeout: 60_000,
      viewport: { width: 1100, height: 900 },
    });
  });
  afterAll(async () => browser?.close());

  async function open(file: string, screenshot: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${file}`, { waitUntil: "load" });
    const charts = await page.$$eval("figure[data-chart]", (figures) =>
      figures.map((f) => ({
        id: f.getAttribute("data-chart"),
        empty: f.hasAttribute("data-empty"),
        marks: f.querySelectorAll(
          "svg .role-mark > path, svg .role-mark > line, svg .role-mark > text, svg .role-mark > rect",
        ).length,
        width: f.querySelector("svg")?.getBoundingClientRect().width ?? 0,
        // Every label as drawn: its text, font size and box, to check legibility and overlaps.
        texts: [...f.querySelectorAll("svg text")]
          .map((t) => ({
            t,
            style: (
              globalThis as unknown as { getComputedStyle(e: object): { fontSize: string; opacity: string } }
            ).getComputedStyle(t),
          }))
          // Labels vega hides to avoid overlaps stay in the SVG with opacity 0: not drawn, not counted.
          .filter(
            ({ t, style }) =>
              (t.textContent ?? "").trim() !== "" && style.opacity !== "0" && t.getAttribute("opacity") !== "0",
          )
          .map(({ t, style }) => {
            const r = t.getBoundingClientRect();
            return {
              text: t.textContent!,
              size: parseFloat(style.fontSize),
              box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
            };
          }),
      })),
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, screenshot);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await page.close();
    return { problems, requests, charts, shot };
  }

  it("opens the page of every basis with no console error, no request but itself, and marks on every chart", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "batch-html-")), "batch.html");
    writeFileSync(file, await renderBatchHtml(batchReportFixture()));
    const { problems, requests, charts, shot } = await open(file, "batch-report-all-bases.png");
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    expect(charts.map((c) => c.id)).toEqual(["co2-per-team", "score-vs-co2", "competition-bounds", "gap-vs-noise"]);
    for (const chart of charts) {
      expect(chart.empty, chart.id!).toBe(false);
      expect(chart.marks, chart.id!).toBeGreaterThan(2);
      expect(chart.width, chart.id!).toBeGreaterThan(300);
    }
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    expectLegibleLabels(charts);
  });

  it("draws the footprint of one, two and many costs with legible labels that do not overlap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-html-costs-"));
    const cases = { one: ["Opacity Hunters"], two: ["Opacity Hunters", "A Team"], many: undefined };
    for (const [name, costed] of Object.entries(cases)) {
      const file = join(dir, `batch-${name}.html`);
      writeFileSync(file, await renderBatchHtml(batchReportFixture(costed ? { costed } : {})));
      const { problems, charts } = await open(file, `batch-report-${name}-cost.png`);
      expect(problems).toEqual([]);
      const bounds = charts.find((c) => c.id === "competition-bounds")!;
      expect(bounds.empty, name).toBe(name === "one");
      expectLegibleLabels(charts);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens the page a real batch of sample repos writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-html-run-"));
    const repos = ["clean-solution", "messy-kaggle", "env-pinned-ok"].map((n) => makeSampleRepo(n));
    const lb = join(dir, "lb.yml");
    writeFileSync(
      lb,
      [
        "competition: siim-covid19-detection",
        "runtimeLimitHours: 9",
        "kaggle:",
        `  private: ${join(LEADERBOARDS, "siim-covid19-detection-privateleaderboard.csv")}`,
        `  public: ${join(LEADERBOARDS, "siim-covid19-detection-publicleaderboard.zip")}`,
        "teams:",
        `  - {name: Lung Nodules United, repo: ${repos[0]}, co2g: 240, source: test figure}`,
        `  - {name: A Team, repo: ${repos[1]}, co2g: 5752, source: published per-model measurement}`,
        `  - {name: Opacity Hunters, repo: ${repos[2]}}`,
        "  - {name: Tiny Baseline, co2g: 1.58, source: published per-model measurement}",
      ].join("\n"),
    );
    const out = join(dir, "out");
    const result = runCli(["batch", lb, "--stages", "static", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const { problems, requests, charts } = await open(join(out, "batch.html"), "batch-report.png");
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${join(out, "batch.html")}`]);
    for (const chart of charts) expect(chart.marks, chart.id!).toBeGreaterThan(2);
  });
});
