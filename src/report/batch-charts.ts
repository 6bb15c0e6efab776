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
const CONFIG = {
  font: "sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: "bottom" as const },
};
/** A log axis of grams: a label per power of ten, in the unit a person reads (1 g, 10 g, 1 kg, 100 t).
 * The test for a power of ten allows for floating point (log10(1000) is 2.9999999999999996). */
const POWER_OF_TEN = "abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6";
const GRAMS_LABEL = `${POWER_OF_TEN} ? (datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' t' : datum.value >= 1e3 ? format(datum.value / 1e3, '~g') + ' kg' : format(datum.value, '~g') + ' g') : ''`;
const GRAMS_AXIS = { labelExpr: GRAMS_LABEL, grid: true, labelOverlap: false };

/** Full team names on the axis: vega cuts labels at 180 px unless told otherwise. */
const TEAM_AXIS = { labelLimit: 0 };
const teamLabel = (rank: number, name: string) => `${rank}. ${name}`;

/** Why a chart of this many points says nothing: an interval from one figure, or one point alone. */
const NOT_ENOUGH = "Not enough data for a chart:";

export function batchCharts(report: BatchReport): Chart[] {
  return [co2PerTeam(report), scoreVsCo2(report), competitionBounds(report), gapVsNoise(report)];
}

function co2PerTeam(report: BatchReport): Chart {
  const values = report.rows
    .filter((r) => r.cost)
    .map((r) => ({
      team: teamLabel(r.rank, r.name),
      rank: r.rank,
      co2g: r.cost!.co2g,
      low: r.cost!.interval?.low ?? r.cost!.co2g,
      high: r.cost!.interval?.high ?? r.cost!.co2g,
      basis: r.cost!.basis,
      label: mass(r.cost!.co2g),
    }));
  const chart: Chart = {
    id: "co2-per-team",
    title: "CO2eq to train each team's model, by basis (points: the figure, bars: its interval)",
    spec: null,
  };
  if (values.length === 0) return { ...chart, empty: "No team of this batch has a per-model cost yet." };
  if (values.length === 1)
    return {
      ...chart,
      empty: `${NOT_ENOUGH} one team has a per-model cost (${values[0]!.team}: ${values[0]!.label}); the table above gives it.`,
    };
  const scale = { type: "log" as const };
  const x = {
    field: "co2g",
    type: "quantitative" as const,
    title: "CO2eq per training (log scale)",
    scale,
    axis: GRAMS_AXIS,
  };
  const y = {
    field: "team",
    type: "nominal",
    title: null,
    sort: { field: "rank", op: "min", order: "ascending" },
    axis: TEAM_AXIS,
  } as const;
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: { step: 22 },
      data: { values },
      config: CONFIG,
      layer: [
        {
          mark: { type: "rule", color: "#333", strokeWidth: 1.5 },
          encoding: { x: { field: "low", type: "quantitative", scale }, x2: { field: "high" }, y },
        },
        {
          mark: { type: "point", filled: true, size: 70, opacity: 1 },
          encoding: {
            x,
            y,
            color: { field: "basis", type: "nominal", title: "basis", scale: basisScale },
            tooltip: [{ field: "team" }, { field: "label" }],
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 10 },
          encoding: { x: { field: "high", type: "quantitative", scale }, y, text: { field: "label" } },
        },
      ],
    } as TopLevelSpec,
  };
}

function scoreVsCo2(report: BatchReport): Chart {
  const values = report.rows
    .filter((r) => r.cost && r.score !== null)
    .map((r) => ({ team: teamLabel(r.rank, r.name), co2g: r.cost!.co2g, score: r.score!, basis: r.cost!.basis }));
  const chart: Chart = { id: "score-vs-co2", title: "Reproducibility score against CO2eq per training", spec: null };
  if (values.length === 0)
    return { ...chart, empty: "No team has both a reproducibility score (an audit) and a per-model cost." };
  if (values.length === 1)
    return {
      ...chart,
      empty: `${NOT_ENOUGH} one team has both a reproducibility score and a per-model cost (${values[0]!.team}).`,
    };
  const x = {
    field: "co2g",
    type: "quantitative" as const,
    title: "CO2eq per training (log scale)",
    scale: { type: "log" as const },
    axis: GRAMS_AXIS,
  };
  const y = {
    field: "score",
    type: "quantitative" as const,
    title: "reproducibility score",
    scale: { domain: [0, 100] },
  };
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: 300,
      data: { values },
      config: CONFIG,
      layer: [
        {
          mark: { type: "point", filled: true, size: 90 },
          encoding: { x, y, color: { field: "basis", type: "nominal", title: "basis", scale: basisScale } },
        },
        {
          mark: { type: "text", align: "left", dx: 7, dy: -6, fontSize: 10 },
          encoding: { x, y, text: { field: "team" } },
        },
      ],
    } as TopLevelSpec,
  };
}

function competitionBounds(report: BatchReport): Chart {
  const c = report.competition;
  const chart: Chart = {
    id: "competition-bounds",
    title: `The competition's footprint: per-model CO2eq x ${c.submissionsCounted.toLocaleString("en-US")} counted submissions (bar: lower to upper bound)`,
    spec: null,
  };
  if (!c.lower || !c.upper) return { ...chart, empty: "No per-model cost is known, so the footprint has no bounds." };
  if (c.lower.co2g === c.upper.co2g)
    return {
      ...chart,
      empty: `${NOT_ENOUGH} the bounds rest on one per-model cost (${mass(c.lower.co2g)}), so they are one figure and give no interval.`,
    };
  const points = (["lower", "central", "upper"] as const).flatMap((name) => {
    const b = c[name];
    // The upper bound's label sits left of its point so that it stays inside the chart.
    return b
      ? [
          {
            bound: name,
            co2g: b.co2g,
            label: `${mass(b.co2g)} (${b.bases.join(", ")})`,
            side: name === "upper" ? "left" : "right",
          },
        ]
      : [];
  });
  const span = [{ bound: "interval", low: c.lower.co2g, high: c.upper.co2g }];
  const scale = { type: "log" as const };
  const x = {
    field: "co2g",
    type: "quantitative" as const,
    title: "CO2eq for the whole competition (log scale)",
    scale,
    axis: GRAMS_AXIS,
  };
  const y = {
    field: "bound",
    type: "nominal" as const,
    title: null,
    sort: ["lower", "central", "upper", "interval"],
    axis: TEAM_AXIS,
  };
  const text = (side: string, align: "left" | "right", dx: number) => ({
    data: { values: points.filter((p) => p.side === side) },
    mark: { type: "text" as const, align, dx, fontSize: 11 },
    encoding: { x, y, text: { field: "label" } },
  });
  return {
    ...chart,
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: WIDTH,
      height: { step: 30 },
      config: CONFIG,
      layer: [
        {
          data: { values: span },
          mark: { type: "rule", color: "#333", strokeWidth: 1.5 },
          encoding: {
            x: { field: "low", type: "quantitative", scale, axis: GRAMS_AXIS, title: x.title },
            x2: { field: "high" },
            y,
          },
        },
        {
          data: { values: points },
          mark: { type: "point", filled: true, size: 90, color: "#72b7b2", opacity: 1 },
          encoding: { x, y, tooltip: [{ field: "bound" }, { field: "label" }] },
        },
        text("right", "left", 8),
        text("left", "right", -8),
      ],
    } as TopLevelSpec,
  };
}

function gapVsNoise(report: BatchReport): Chart {
  const v = report.verdict;
  const chart: Chart = {
    id: "gap-vs-noise",
    title: "Winner gap against evaluation noise: public minus private score across teams",
    spec: null,
  };
  if (!v.noise || v.gap === null)
    return { ...chart, empty: "The leaderboard lacks public or private scores, so gap and noise are unknown." };
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
        {
          data: { values: bins },
          mark: { type: "rect", color: "#9ecae9", stroke: "#fff", strokeWidth: 0.5 },
          encoding: {
            x,
            x2: { field: "to" },
            y: { field: "teams", type: "quantitative", title: "teams" },
            y2: { datum: 0 },
          },
        },
        {
          data: { values: lines },
          mark: { type: "rule", strokeWidth: 2 },
          encoding: {
            x: { field: "x", type: "quantitative" },
            color: {
              field: "kind",
              type: "nominal",
              title: null,
              scale: { domain: ["gap", "sd"], range: ["#e45756", "#555"] },
              legend: null,
            },
            strokeDash: {
              field: "kind",
              type: "nominal",
              scale: {
                domain: ["gap", "sd"],
                range: [
                  [1, 0],
                  [4, 3],
                ],
              },
              legend: null,
            },
          },
        },
        {
          data: { values: lines },
          mark: { type: "text", angle: 270, align: "right", baseline: "bottom", dx: -4, dy: -3, fontSize: 10 },
          encoding: { x: { field: "x", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } },
        },
      ],
    } as TopLevelSpec,
  };
}
