// The batch charts as files: vega's SVG, and the PNG headless Chromium (Debian's) draws from it at 2x.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    const { files, note } = await writeChartFiles(
      svgs.map((s) => ({ id: s.chart.id, svg: s.svg })),
      dir,
    );
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

  it("draws two PNGs at once, not one Chromium after the other (each start takes seconds, after every audit has ended)", async () => {
    const dir = temp();
    const svgs = await renderBatchChartSvgs(batchReportFixture());
    expect(svgs.filter((s) => s.svg).length).toBeGreaterThan(1);
    // The real Chromium, wrapped to log when each run starts and ends.
    const log = join(dir, "runs.log");
    const wrapper = join(dir, "chromium-logged");
    writeFileSync(
      wrapper,
      `#!/bin/sh\necho "start $(date +%s%N)" >> ${log}\n/usr/bin/chromium "$@"\ncode=$?\necho "end $(date +%s%N)" >> ${log}\nexit $code\n`,
    );
    chmodSync(wrapper, 0o755);
    const before = process.env.REPRO_AUDIT_CHROMIUM;
    process.env.REPRO_AUDIT_CHROMIUM = wrapper;
    try {
      const { files, note } = await writeChartFiles(
        svgs.map((s) => ({ id: s.chart.id, svg: s.svg })),
        dir,
      );
      expect(note).toBeNull();
      expect(files.every((f) => f.png !== null && existsSync(f.png))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.REPRO_AUDIT_CHROMIUM;
      else process.env.REPRO_AUDIT_CHROMIUM = before;
    }
    const events = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(" ") as [string, string]);
    const starts = events.filter(([what]) => what === "start").map(([, at]) => BigInt(at));
    const ends = events.filter(([what]) => what === "end").map(([, at]) => BigInt(at));
    expect(starts.length).toBe(ends.length);
    // The second run started before the first one ended; never more than two ran at once (each holds about 1 GB).
    expect(starts.length).toBeGreaterThan(1);
    const sorted = [...starts].sort((a, b) => (a < b ? -1 : 1));
    expect(sorted[1]! < ends.reduce((a, b) => (b < a ? b : a))).toBe(true);
    const running = (at: bigint) => starts.filter((s) => s <= at).length - ends.filter((e) => e <= at).length;
    expect(Math.max(...starts.map(running))).toBeLessThanOrEqual(2);
  }, 120_000);

  it("writes only the SVGs and starts no Chromium when the PNGs are not asked for", async () => {
    const dir = temp();
    const svgs = await renderBatchChartSvgs(batchReportFixture());
    const marker = join(dir, "chromium-started");
    const wrapper = join(dir, "chromium-marked");
    writeFileSync(wrapper, `#!/bin/sh\ntouch ${marker}\n/usr/bin/chromium "$@"\n`);
    chmodSync(wrapper, 0o755);
    const before = process.env.REPRO_AUDIT_CHROMIUM;
    process.env.REPRO_AUDIT_CHROMIUM = wrapper;
    try {
      const { files, note } = await writeChartFiles(
        svgs.map((s) => ({ id: s.chart.id, svg: s.svg })),
        dir,
        { png: false },
      );
      expect(note).toBeNull();
      expect(files.length).toBeGreaterThan(1);
      expect(files.every((f) => existsSync(f.svg) && f.png === null)).toBe(true);
      expect(existsSync(marker)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.REPRO_AUDIT_CHROMIUM;
      else process.env.REPRO_AUDIT_CHROMIUM = before;
    }
  });

  it("says why when the Chromium it is given does not run, and keeps the SVGs", async () => {
    const dir = temp();
    const svgs = await renderBatchChartSvgs(batchReportFixture());
    const before = process.env.REPRO_AUDIT_CHROMIUM;
    process.env.REPRO_AUDIT_CHROMIUM = join(dir, "no-such-chromium");
    try {
      const { files, note } = await writeChartFiles(
        svgs.map((s) => ({ id: s.chart.id, svg: s.svg })),
        dir,
      );
      expect(note).toMatch(/^chart PNGs not written: .*no-such-chromium exited with/);
      expect(files.every((f) => existsSync(f.svg) && f.png === null)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.REPRO_AUDIT_CHROMIUM;
      else process.env.REPRO_AUDIT_CHROMIUM = before;
    }
  });
});
