// Each drawn chart of the batch report also as a file beside batch.html, for papers and posts:
// charts/<id>.svg (vega's own SVG) and, when asked, charts/<id>.png (that SVG as headless Chromium draws it, at 2x).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { runPool } from "./pool.js";

export interface ChartFile {
  id: string;
  svg: string;
  png: string | null;
}

/** Where a PNG needs Chromium: REPRO_AUDIT_CHROMIUM, else the first of these on PATH. */
const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
/** Chromiums drawing at once: each start takes seconds, and each holds about 1 GB while it draws. */
const SCREENSHOTS_AT_ONCE = 2;

/** `png`: draw the PNGs too. Off, no Chromium is looked for or started: each start costs a batch seconds. */
export async function writeChartFiles(
  charts: ReadonlyArray<{ id: string; svg: string | null }>,
  outDir: string,
  options: { png: boolean } = { png: true },
): Promise<{ files: ChartFile[]; note: string | null }> {
  const drawn = charts.filter((c): c is { id: string; svg: string } => c.svg !== null);
  if (drawn.length === 0) return { files: [], note: null };
  const dir = join(outDir, "charts");
  mkdirSync(dir, { recursive: true });
  const chromium = options.png ? await findChromium() : null;
  let note: string | null =
    chromium || !options.png
      ? null
      : "charts written as SVG only: no Chromium found for the PNGs (install chromium, or set REPRO_AUDIT_CHROMIUM to its path)";
  // Two PNGs at a time: each Chromium spends seconds starting, after the batch's audits have all ended.
  const drawnFiles: Array<{ file: ChartFile; failure: string | null }> = [];
  await runPool(drawn, SCREENSHOTS_AT_ONCE, async (chart, index) => {
    const svg = join(dir, `${chart.id}.svg`);
    writeFileSync(svg, chart.svg);
    if (!chromium) {
      drawnFiles[index] = { file: { id: chart.id, svg, png: null }, failure: null };
      return;
    }
    const png = join(dir, `${chart.id}.png`);
    const failure = await screenshot(chromium, svg, png, svgSize(chart.svg));
    drawnFiles[index] = { file: { id: chart.id, svg, png: failure ? null : png }, failure };
  });
  const files: ChartFile[] = drawnFiles.map((d) => d.file);
  const failure = drawnFiles
    .map((d) => d.failure)
    .filter(Boolean)
    .pop();
  if (failure) note = `chart PNGs not written: ${failure}`;
  return { files, note };
}

/** The width and height vega wrote on the root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: Math.ceil(attr("width")) || 800, height: Math.ceil(attr("height")) || 600 };
}

async function findChromium(): Promise<string | null> {
  if (process.env.REPRO_AUDIT_CHROMIUM) return process.env.REPRO_AUDIT_CHROMIUM;
  for (const name of CHROMIUM_NAMES) {
    const found = await execa("sh", ["-c", `command -v ${name}`], { reject: false });
    if (found.exitCode === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/** One headless screenshot of one local SVG file; a one-line reason when it fails. */
async function screenshot(
  chromium: string,
  svg: string,
  png: string,
  size: { width: number; height: number },
): Promise<string | null> {
  const flags = [
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=2",
  ];
  // Chromium refuses to start as root with its sandbox on; the page is our own SVG, no script in it.
  if (process.getuid?.() === 0) flags.push("--no-sandbox");
  const result = await execa(
    chromium,
    [...flags, `--window-size=${size.width},${size.height}`, `--screenshot=${png}`, `file://${svg}`],
    { reject: false, timeout: 60_000 },
  );
  return result.exitCode === 0 ? null : `${chromium} exited with ${result.exitCode ?? result.signal}`;
}
