// The batch report's charts as Vega-Lite specs, built from the report alone (data inline, no URLs). Pure;
// batch-html.ts renders them to SVG. A chart with nothing to draw is null, and the page says why.
import type { TopLevelSpec } from "vega-lite";
import type { BatchReport } from "../model/batch-report.js";
import { COST_BASES } from "../model/batch-report.js";
import { mass, scoreText } from "./batch-format.js";

export interface Chart {
  id: "co2-per-team" | "score-vs-co2" | "competition-bounds" | "gap-vs-noise";
  title: string;
  spec: TopLevelSpec | null;
  /** Why there is nothing to draw, when spec is null. */
  empty?: string;
}

/** The same colour for a basis on every chart (Tableau 10: blue, orange, green). */
const BASIS_COLOURS = ["#4c78a8", "#f58518", "#54a24b"];
const basisScale = { domain: [...COST_BASES], range: BASIS_COLOURS };
const WIDTH = 640;
const CONFIG = { font: "sans-serif", view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12, orient: "bottom" as const } };
/** Log axes: a label per power of ten, SI-style (1, 10, 100, 1k, 10k). */
const LOG_AXIS = { labelExpr: "floor(log(datum.value) / LN10) == log(datum.value) / LN10 ? format(datum.value, '~s') : ''", grid: true };

/** Log-scale bars need a start above zero: the power of ten at or below the smallest value. */
const logBase = (values: readonly number[]) => 10 ** Math.floor(Math.log10(Math.max(Math.min(...values.filter((v) => v > 0)), 1e-6)));

const teamLabel = (rank: number, name: string) => `${rank}. ${name.length > 28 ? `${name.slice(0, 27)}…` : name}`;

export function batchCharts(report: BatchReport): Chart[] {
  return [co2PerTeam(report), scoreVsCo2(report), competitionBounds(report), gapVsNoise(report)];
}

function co2PerTeam(report: BatchReport): Chart {
  const values = report.rows
    .filter((r) => r.cost)
    .map((r) => ({ team: teamLabel(r.rank, r.name), rank: r.rank, co2g: r.cost!.co2g, low: r.cost!.interval?.low ?? r.cost!.co2g, high: r.cost!.interval?.high ?? r.cost!.co2g, basis: r.cost!.basis, label: mass(r.cost!.co2g) }));
  const chart: Chart = { id: "co2-per-team", title: "CO2eq to train each team's model, by basis (bars: central figure, whiskers: interval)", spec: null };
  if (values.length === 0) return { ...chart, empty: "No team of this batch has a per-model cost yet." };
  const base = logBase(values.map((v) => v.low));
  const scale = { type: "log" as const, domainMin: base };
  const x = { field: "co2g", type: "quantitative" as const, title: "g CO2eq per training (log scale)", scale, axis: LOG_AXIS };
  const y = { field: "team", type: "nominal", title: null, sort: { field: "rank", op: "min", order: "ascending" } } as const;
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: { step: 22 },
      data: { values },
      config: CONFIG,
      layer: [
        { mark: { type: "bar", height: { band: 0.7 } }, encoding: { x, x2: { datum: base }, y, color: { field: "basis", type: "nominal", title: "basis", scale: basisScale } } },
        { mark: { type: "rule", color: "#333" }, encoding: { x: { field: "low", type: "quantitative", scale }, x2: { field: "high" }, y } },
        { mark: { type: "text", align: "left", dx: 4, fontSize: 10 }, encoding: { x: { field: "high", type: "quantitative", scale }, y, text: { field: "label" } } },
      ],
    } as TopLevelSpec,
  };
}

function scoreVsCo2(report: BatchReport): Chart {
  const values = report.rows.filter((r) => r.cost && r.score !== null).map((r) => ({ team: teamLabel(r.rank, r.name), co2g: r.cost!.co2g, score: r.score!, basis: r.cost!.basis }));
  const chart: Chart = { id: "score-vs-co2", title: "Reproducibility score against CO2eq per training", spec: null };
  if (values.length === 0) return { ...chart, empty: "No team has both a reproducibility score (an audit) and a per-model cost." };
  const x = { field: "co2g", type: "quantitative" as const, title: "g CO2eq per training (log scale)", scale: { type: "log" as const }, axis: LOG_AXIS };
  const y = { field: "score", type: "quantitative" as const, title: "reproducibility score", scale: { domain: [0, 100] } };
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: 300,
      data: { values },
      config: CONFIG,
      layer: [
        { mark: { type: "point", filled: true, size: 90 }, encoding: { x, y, color: { field: "basis", type: "nominal", title: "basis", scale: basisScale } } },
        { mark: { type: "text", align: "left", dx: 7, dy: -6, fontSize: 10 }, encoding: { x, y, text: { field: "team" } } },
      ],
    } as TopLevelSpec,
  };
}

function competitionBounds(report: BatchReport): Chart {
  const c = report.competition;
  const chart: Chart = { id: "competition-bounds", title: `The competition's footprint: per-model CO2eq x ${c.submissionsCounted.toLocaleString("en-US")} counted submissions`, spec: null };
  const bounds = (["lower", "central", "upper"] as const).flatMap((name) => {
    const b = c[name];
    return b ? [{ bound: name, kg: b.co2g / 1000, label: `${mass(b.co2g)} (${b.teams.map((t) => t.basis).join(", ")})` }] : [];
  });
  if (bounds.length === 0) return { ...chart, empty: "No per-model cost is known, so the footprint has no bounds." };
  const y = { field: "bound", type: "nominal", title: null, sort: ["lower", "central", "upper"] } as const;
  const base = logBase(bounds.map((b) => b.kg));
  const scale = { type: "log" as const, domainMin: base };
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: { step: 34 },
      data: { values: bounds },
      config: CONFIG,
      layer: [
        { mark: { type: "bar", height: { band: 0.6 }, color: "#72b7b2" }, encoding: { x: { field: "kg", type: "quantitative", title: "kg CO2eq for the whole competition (log scale)", scale, axis: LOG_AXIS }, x2: { datum: base }, y } },
        { mark: { type: "text", align: "left", dx: 4, fontSize: 11 }, encoding: { x: { field: "kg", type: "quantitative", scale }, y, text: { field: "label" } } },
      ],
    } as TopLevelSpec,
  };
}

function gapVsNoise(report: BatchReport): Chart {
  const v = report.verdict;
  const chart: Chart = { id: "gap-vs-noise", title: "Winner gap against evaluation noise: public minus private score across teams", spec: null };
  if (!v.noise || v.gap === null) return { ...chart, empty: "The leaderboard lacks public or private scores, so gap and noise are unknown." };
  const bins = v.noise.histogram.map((b) => ({ from: b.from, to: b.to, teams: b.teams }));
  const lines = [
    { x: v.gap, label: `winner gap ${scoreText(v.gap)}`, kind: "gap" },
    { x: v.noise.mean - v.noise.sd, label: "mean - 1 sd", kind: "sd" },
    { x: v.noise.mean + v.noise.sd, label: "mean + 1 sd", kind: "sd" },
  ];
  const x = { field: "from", type: "quantitative", title: "public score - private score" } as const;
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: 240,
      config: CONFIG,
      layer: [
        { data: { values: bins }, mark: { type: "rect", color: "#9ecae9", stroke: "#fff", strokeWidth: 0.5 }, encoding: { x, x2: { field: "to" }, y: { field: "teams", type: "quantitative", title: "teams" }, y2: { datum: 0 } } },
        {
          data: { values: lines },
          mark: { type: "rule", strokeWidth: 2 },
          encoding: {
            x: { field: "x", type: "quantitative" },
            color: { field: "kind", type: "nominal", title: null, scale: { domain: ["gap", "sd"], range: ["#e45756", "#555"] }, legend: null },
            strokeDash: { field: "kind", type: "nominal", scale: { domain: ["gap", "sd"], range: [[1, 0], [4, 3]] }, legend: null },
          },
        },
        { data: { values: lines }, mark: { type: "text", angle: 270, align: "right", baseline: "bottom", dx: -4, dy: -3, fontSize: 10 }, encoding: { x: { field: "x", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } } },
      ],
    } as TopLevelSpec,
  };
}
