// The static estimate against what authors state (pure): each labelled repo's estimated GPU-hours beside the
// GPU-hours its README states, their ratio, whether it is within 3x and whether the interval covers the
// statement; then the share of repos within 3x and the share covered, beside the goals.

export interface StatedLabel {
  repo: string;
  commit: string;
  /** The README lines the statement was read from, "README.md:<line> <text>". */
  lines: string[];
  gpus: string;
  /** The row of data/gpu-models.json the estimate is asked for. */
  gpuModel: string;
  /** Why gpuModel stands in for the stated GPU; null when it is the stated GPU. */
  standIn: string | null;
  gpuHours: number;
  gpuHoursLow?: number;
  gpuHoursHigh?: number;
  reading: string;
}

/** What the estimate said for one repo: GPU-hours on the reference GPU (one GPU's time), or why there is none. */
export interface EstimatedCompute {
  gpuHours: number;
  low: number;
  high: number;
  /** "rerun-plan" or "single-training", and the trainings counted from the code and guessed. */
  basis: string;
  trainings: number;
  guessed: number;
  /** Each costed training with where its values were read (`--rows` prints them). */
  rows?: RowReading[];
}

/** One training row of an estimate: its figures, the lines it was read from and what was guessed. */
export interface RowReading {
  label: string;
  architecture: string;
  inputSize: number;
  images: number;
  epochs: number;
  runs: number;
  gpuHours: number;
  sources: string[];
  guessed: string[];
  /** The estimate's factors of this row: "name = value (source)". */
  values: string[];
}

export interface StatedRow {
  label: StatedLabel;
  estimate: EstimatedCompute | null;
  /** Why there is no estimate (no checkout, no architecture found, the audit failed). */
  missing: string | null;
  /** estimate / stated. */
  ratio: number | null;
  within3x: boolean;
  covered: boolean;
}

export interface StatedFigures {
  rows: StatedRow[];
  /** Share of labelled repos within 3x of the statement (a repo without an estimate counts as missed). */
  within3x: number;
  /** Share of labelled repos whose interval covers the statement (its stated range, where it gives one). */
  covered: number;
}

export const STATED_GOALS = { within3x: 0.7, covered: 0.8 };

export function statedRow(
  label: StatedLabel,
  estimate: EstimatedCompute | null,
  missing: string | null = null,
): StatedRow {
  if (!estimate)
    return { label, estimate: null, missing: missing ?? "no estimate", ratio: null, within3x: false, covered: false };
  const ratio = estimate.gpuHours / label.gpuHours;
  const low = label.gpuHoursLow ?? label.gpuHours;
  const high = label.gpuHoursHigh ?? label.gpuHours;
  // The interval covers the statement when it overlaps what the README states.
  return {
    label,
    estimate,
    missing: null,
    ratio,
    within3x: ratio >= 1 / 3 && ratio <= 3,
    covered: estimate.low <= high && estimate.high >= low,
  };
}

export function statedFigures(rows: StatedRow[]): StatedFigures {
  const share = (pick: (r: StatedRow) => boolean) => (rows.length === 0 ? 0 : rows.filter(pick).length / rows.length);
  return { rows, within3x: share((r) => r.within3x), covered: share((r) => r.covered) };
}

const h = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function renderStated(f: StatedFigures): string {
  const lines = [
    "repo | stated GPUs | stated GPU-h | estimated GPU-h (interval) | estimate / stated | within 3x | covered | trainings (guessed), basis",
  ];
  for (const r of f.rows) {
    const stated =
      r.label.gpuHoursLow !== undefined
        ? `${h(r.label.gpuHours)} (${h(r.label.gpuHoursLow)}-${h(r.label.gpuHoursHigh ?? r.label.gpuHours)})`
        : h(r.label.gpuHours);
    const e = r.estimate;
    const estimated = e ? `${h(e.gpuHours)} (${h(e.low)}-${h(e.high)}) on ${r.label.gpuModel}` : `- (${r.missing})`;
    const ratio = r.ratio === null ? "-" : `${r.ratio.toPrecision(2)}x`;
    const trainings = e ? `${e.trainings} (${e.guessed}), ${e.basis}` : "-";
    lines.push(
      `${r.label.repo} | ${r.label.gpus} | ${stated} | ${estimated} | ${ratio} | ${r.within3x ? "yes" : "no"} | ${r.covered ? "yes" : "no"} | ${trainings}`,
    );
  }
  lines.push(
    "",
    `within 3x: ${pct(f.within3x)} of ${f.rows.length} (goal ${pct(STATED_GOALS.within3x)}); interval covers the statement: ${pct(f.covered)} (goal ${pct(STATED_GOALS.covered)})`,
  );
  return lines.join("\n");
}

/** Per repo, each training row and what it was read from: where a miss comes from. */
export function renderRowReadings(f: StatedFigures): string {
  const lines: string[] = [];
  for (const r of f.rows) {
    lines.push(`${r.label.repo}:`);
    if (!r.estimate) {
      lines.push(`  no estimate: ${r.missing}`);
      continue;
    }
    for (const t of r.estimate.rows ?? [])
      lines.push(
        `  ${t.label}: ${t.architecture} ${t.inputSize} px, ${t.images} images x ${t.epochs} epochs x ${t.runs} runs = ${h(t.gpuHours)} GPU-h`,
        `    read from: ${t.sources.join("; ") || "-"}`,
        ...t.values.map((v) => `    ${v}`),
        ...t.guessed.map((g) => `    guessed: ${g}`),
      );
  }
  return lines.join("\n");
}

/** The labels file, checked field by field: a bench reads it, so a typo is a one-line error, never a wrong figure. */
export function parseStatedLabels(json: unknown): StatedLabel[] {
  const labels = (json as { labels?: unknown })?.labels;
  if (!Array.isArray(labels)) throw new Error("stated-compute.json: no labels list");
  return labels.map((l: Record<string, unknown>, i) => {
    for (const key of ["repo", "commit", "gpus", "gpuModel", "reading"])
      if (typeof l[key] !== "string") throw new Error(`stated-compute.json /labels/${i}/${key}: must be a string`);
    if (typeof l.gpuHours !== "number" || !(l.gpuHours > 0))
      throw new Error(`stated-compute.json /labels/${i}/gpuHours: must be a positive number`);
    if (!Array.isArray(l.lines) || l.lines.length === 0)
      throw new Error(`stated-compute.json /labels/${i}/lines: must list the README lines`);
    return l as unknown as StatedLabel;
  });
}
