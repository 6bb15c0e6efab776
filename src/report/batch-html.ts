// The batch report as one self-contained HTML page: the charts as inline SVG (Vega-Lite specs rendered
// by vega's headless view here, so the page needs no script and no network), the teams table, the
// footprint and the verdict. Pure (asynchronous only because vega renders asynchronously).
import type * as Vega from "vega";
import type { BatchReport, Bound } from "../model/batch-report.js";
import { batchCharts, type Chart } from "./batch-charts.js";
import { printableDeep } from "../model/printable.js";
import {
  basesText,
  boundBasis,
  co2Text,
  countedText,
  headline,
  kmText,
  kwhText,
  mass,
  methodText,
  noCentralText,
  repoText,
  reproText,
  scoreText,
  statusText,
  verdictLines,
} from "./batch-format.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A Vega-Lite spec as an SVG string, rendered without a browser, a canvas or a loader that fetches.
 * Warnings from Vega-Lite and Vega go to `warn` (never to the console: stdout holds only the report). */
export async function chartSvg(
  spec: NonNullable<Chart["spec"]>,
  warn: (text: string) => void = () => {},
): Promise<string> {
  const { vega, compile } = await libraries();
  const logger = vega.logger(vega.Warn, "warn", (_method, level, args) =>
    warn(`${level} ${args.map(String).join(" ")}`),
  );
  const compiled = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    loader: noLoader(),
    logger,
    logLevel: vega.Warn,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** vega and vega-lite, loaded on first use: they take a while to load and only this page needs them. */
let loaded: Promise<{ vega: typeof Vega; compile: typeof import("vega-lite").compile }> | undefined;
function libraries() {
  loaded ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, lite]) => ({
    vega,
    compile: lite.compile,
  }));
  return loaded;
}

/** Every chart carries its data inline; a loader that refuses keeps a stray URL from reaching out. */
function noLoader(): Vega.Loader {
  const refuse = async (): Promise<never> => {
    throw new Error("the batch report's charts load nothing");
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as Vega.Loader;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.sub{color:#666;margin-top:0}.charts{display:grid;grid-template-columns:1fr;gap:1.2rem}
figure{margin:0;padding:.6rem;border:1px solid #e4e4e4;border-radius:6px;background:#fff;overflow-x:auto}
figcaption{font-size:.9rem;color:#444;margin-bottom:.4rem}.empty{color:#888;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{padding:.3rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr:hover td{background:#fafafa}
.basis-measured{color:#4c78a8}.basis-estimated{color:#f58518}.basis-given{color:#54a24b}.bad{color:#b00}
ul.verdict li{margin:.25rem 0}.note{color:#555;font-size:.9rem}code{font-size:.85em}`;

/** Every chart of the report with its SVG (null when it has nothing to draw); repo text escaped as on the page. */
export async function renderBatchChartSvgs(
  raw: BatchReport,
  warn?: (text: string) => void,
): Promise<Array<{ chart: Chart; svg: string | null }>> {
  const report = printableDeep(raw);
  return Promise.all(
    batchCharts(report).map(async (chart) => ({ chart, svg: chart.spec ? await chartSvg(chart.spec, warn) : null })),
  );
}

/** `svgs`: the charts already rendered (renderBatchChartSvgs), so that files and page show the same. */
export async function renderBatchHtml(
  raw: BatchReport,
  options: { warn?: (text: string) => void; svgs?: Array<{ chart: Chart; svg: string | null }> } = {},
): Promise<string> {
  const report = printableDeep(raw);
  const charts = (options.svgs ?? (await renderBatchChartSvgs(report, options.warn))).map(({ chart, svg }) =>
    figure(chart, svg),
  );
  const c = report.competition;
  const missing = c.models > 0 ? noCentralText(report) : "no team has a per-model cost";
  const boundRow = (label: string, b: Bound | null) =>
    b
      ? `<tr><td>${label}</td><td class="n"><strong>${mass(b.co2g)}</strong></td><td class="n">${kmText(b.kmByCar)}</td><td>${escape(boundBasis(b, c.submissionsCounted, c.models))}</td></tr>`
      : `<tr><td>${label}</td><td class="n">unknown</td><td></td><td>${escape(missing)}</td></tr>`;
  const rows = report.rows
    .map((r) => {
      const basis = r.cost ? `<span class="basis-${r.cost.basis}">${r.cost.basis}</span>` : "-";
      const status = `${escape(statusText(r))}${r.reason ? `<br><small class="bad">${escape(r.reason)}</small>` : ""}`;
      return `<tr><td class="n">${r.rank}</td><td>${escape(r.name)}</td><td class="n">${scoreText(r.privateScore)}</td><td class="n">${scoreText(r.publicScore)}</td><td class="n">${r.entries}</td><td class="n">${reproText(r.score)}</td><td class="n">${kwhText(r.cost?.kwh)}</td><td class="n">${escape(co2Text(r))}</td><td>${basis}</td><td>${status}</td><td><code>${escape(repoText(r))}</code></td></tr>`;
    })
    .join("\n");
  const sources = report.rows
    .filter((r) => r.cost)
    .map((r) => `<li>${escape(r.name)}: ${r.cost!.basis}, ${escape(r.cost!.source)}</li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>repro-audit batch: ${escape(report.competition.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(headline(report))}</h1>
<p class="sub">repro-audit ${escape(report.tool.version)} · ${escape(report.generatedAt)} · leaderboard <code>${escape(report.leaderboard.file)}</code></p>
<h2>Competition footprint</h2>
<p>Method: ${escape(methodText(report))}. ${escape(countedText(report))}.</p>
<table><thead><tr><th>Bound</th><th class="n">CO2eq</th><th class="n">Equivalent</th><th>Rests on</th></tr></thead>
<tbody>${boundRow("Lower", c.lower)}${boundRow("Central", c.central)}${boundRow("Upper", c.upper)}</tbody></table>
<p>${escape(basesText(report))}.</p>
<h2>Are the winners worth it?</h2>
<ul class="verdict">${verdictLines(report)
    .map((l) => `<li>${escape(l)}</li>`)
    .join("")}</ul>
<h2>Charts</h2>
<div class="charts">
${charts.join("\n")}
</div>
<h2>Teams</h2>
<table><thead><tr><th class="n">Rank</th><th>Team</th><th class="n">Private</th><th class="n">Public</th><th class="n">Entries</th><th class="n">Repro score</th><th class="n">kWh</th><th class="n">g CO2eq</th><th>Basis</th><th>Status</th><th>Repo</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${sources.length ? `<h2>What the costs rest on</h2>\n<ul>${sources.join("")}</ul>` : ""}
${report.notes.map((n) => `<p class="note">${escape(n)}</p>`).join("\n")}
</body>
</html>
`;
}

function figure(chart: Chart, svg: string | null): string {
  const body = svg ?? `<p class="empty">${escape(chart.empty ?? "Nothing to draw.")}</p>`;
  return `<figure data-chart="${chart.id}"${svg ? "" : ' data-empty="true"'}><figcaption>${escape(chart.title)}</figcaption>${body}</figure>`;
}
