// The batch charts as files: vega's SVG, and the PNG headless Chromium (Debian's) draws from it at 2x.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { svgSize, writeChartFiles } from "../../src/batch/chart-files.js";
import { renderBatchChartSvgs } from "../../src/report/batch-html.js";
import { batchReportFixture } from "../report/batch-fixtures.js";

const haveChromium = existsSync("/usr/bin/chromium");
if (!haveChromium && process.env.CI) throw new Error("/usr/bin/chromium is missing: run scripts/ensure-chromium.sh");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "chart-files-"));
  dirs.push(dir);
  return dir;
};
/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe.skipIf(!haveChromium)("writeChartFiles", () => {
  it("writes every drawn chart as SVG and as a PNG at twice its size, and nothing for a not-enough-data panel", async () => {
    const dir = temp();
    const svgs = await renderBatchChartSvgs(batchReportFixture({ costed: ["Opacity Hunters"] }));
    const { files, note } = await writeChartFiles(svgs.map((s) => ({ id: s.chart.id, svg: s.svg })), dir);
    expect(note).toBeNull();
    const drawn = svgs.filter((s) => s.svg).map((s) => s.chart.id);
    expect(files.map((f) => f.id)).toEqual(drawn);
    expect(drawn).not.toContain("competition-bounds");
    for (const f of files) {
      const svg = readFileSync(f.svg, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      const size = svgSize(svg);
      expect(pngSize(f.png!)).toEqual({ width: size.width * 2, height: size.height * 2 });
    }
  }, 120_000);

  it("says why when the Chromium it is given does not run, and keeps the SVGs", async () => {
    const dir = temp();
    const svgs = await renderBatchChartSvgs(batchReportFixture());
    const before = process.env.REPRO_AUDIT_CHROMIUM;
    process.env.REPRO_AUDIT_CHROMIUM = join(dir, "no-such-chromium");
    try {
      const { files, note } = await writeChartFiles(svgs.map((s) => ({ id: s.chart.id, svg: s.svg })), dir);
      expect(note).toMatch(/^chart PNGs not written: .*no-such-chromium exited with/);
      expect(files.every((f) => existsSync(f.svg) && f.png === null)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.REPRO_AUDIT_CHROMIUM;
      else process.env.REPRO_AUDIT_CHROMIUM = before;
    }
  });
});
