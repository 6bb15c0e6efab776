// The carbon section as CarbonTracker-style text blocks (pure), for every basis: what was measured, and the
// whole training measured, estimated or given, with what each figure rests on.
import type {
  CarbonSection,
  Consumption,
  Factor,
  Measurement,
  Prediction,
  Range,
  TrainingCost,
} from "../model/carbon.js";
import { sourcedText } from "../model/sourced.js";
import { clock, factorSource, num, oneLineText, plural } from "./format.js";

const epochsLabel = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function block(title: string, c: Consumption, range?: Range<Consumption>, energyKnown = true): string[] {
  const r = <K extends keyof Consumption>(k: K, f: (x: number) => string): string =>
    range && range.low[k] !== range.high[k] ? ` (${f(range.low[k])} to ${f(range.high[k])})` : "";
  const time = `  Time:   ${clock(c.seconds)}${r("seconds", clock)}`;
  // Unknown is not zero: no meter saw the window, so no energy, CO2 or distance is printed.
  if (!energyKnown) return [title, time, `  Energy: not measured`, `  CO2eq:  not measured`];
  return [
    title,
    time,
    `  Energy: ${num(c.energyKWh)} kWh${r("energyKWh", num)}`,
    `  CO2eq:  ${num(c.co2g)} g${r("co2g", num)}`,
    `  This is equivalent to:`,
    `  ${num(c.kmByCar)} km travelled by car`,
  ];
}

const TITLE: Record<Prediction["basis"], string> = { measured: "Predicted", estimated: "Estimated", given: "Given" };

function runsText(p: Prediction): string {
  return p.runs > 1 ? ` (${p.runs} runs of ${p.epochs})` : "";
}

function factorLine(f: Factor): string {
  const range =
    f.low !== undefined && f.high !== undefined && (f.low !== f.value || f.high !== f.value)
      ? ` (${num(f.low)} to ${num(f.high)})`
      : "";
  return `    ${f.name}: ${num(f.value)}${f.unit ? ` ${f.unit}` : ""}${range}, ${factorSource(f)}`;
}

function measurementLines(m: Measurement, section: CarbonSection): string[] {
  const lines: string[] = [];
  if (m.status !== "measured") lines.push(`Epoch run ${m.status}: ${m.reason ?? "no reason given"}`);
  else if (!m.energyMeasured) lines.push(`Energy not measured: ${m.reason ?? "no meter saw the measured part"}`);
  if (m.status === "failed" && m.actual.seconds <= 0) return lines;
  const whole = m.complete ? ` (the whole training: every epoch of the plan was measured)` : "";
  lines.push(
    ...block(
      `Actual consumption for ${epochsLabel(m.actual.epochs)} epoch(s)${whole}:`,
      m.actual,
      undefined,
      m.energyMeasured || m.status !== "measured",
    ),
  );
  if (m.complete) lines.push(`  Epochs from ${section.plan.epochs.source}`);
  return lines;
}

function predictionLines(p: Prediction, section: CarbonSection): string[] {
  const m = section.measurement;
  const energyKnown = p.basis !== "measured" || m?.energyMeasured !== false;
  const lines = block(
    `${TITLE[p.basis]} consumption for ${epochsLabel(p.epochs * p.runs)} epoch(s)${runsText(p)}:`,
    p.total,
    p.interval,
    energyKnown,
  );
  if (p.basis === "measured" && m) {
    lines.push(
      `  Basis: ${p.from === "batches" ? `${m.actual.batches} batches of one epoch` : "measured epoch(s)"}, epochs from ${section.plan.epochs.source}, ` +
        `${clock(m.actual.setupSeconds)} start-up` +
        (m.actual.warmupSeconds !== null ? `, ${num(m.actual.warmupSeconds)} s warm-up` : ""),
    );
    // Start-up and warm-up are paid once per run, the steady epoch once per epoch: say what told them apart.
    if (m.actual.setupEvidence) lines.push(`  Start-up, once per run: ${m.actual.setupEvidence.words}`);
    // A partial epoch never reaches what runs after an epoch's last batch (validation, checkpoints).
    if (p.from === "batches")
      lines.push(
        "  Not in it: what runs after an epoch's last batch (validation, checkpoints); a whole epoch (no --batches) measures it",
      );
  } else {
    lines.push(
      `  Basis: ${p.basis === "estimated" ? "estimated from the code (no epoch measured)" : "figures given by the user"}; it rests on:`,
    );
    lines.push(...p.factors.map(factorLine));
    lines.push(...trainingLines(p));
  }
  return lines;
}

const g = (x: number): string => `${num(x)} g`;

/** One costed training: what it trains, how often, its own figure and interval, where it was read, what was guessed. */
function trainingLine(r: TrainingCost): string {
  const batch = r.batchSize !== null ? `, batch ${r.batchSize}` : "";
  const what = `${oneLineText(r.label)} (${r.role}): ${oneLineText(r.architecture)} @${r.inputSize} px${batch}, ${num(r.images)} images x ${num(r.epochs)} ${plural(r.epochs, "epoch")} x ${num(r.runs)} ${plural(r.runs, "run")}`;
  const figure = `${clock(r.total.seconds)}, ${num(r.total.energyKWh)} kWh, ${g(r.total.co2g)} (${g(r.interval.low.co2g)} to ${g(r.interval.high.co2g)})`;
  const guessed = r.guessed.length ? `; guessed: ${r.guessed.join(", ")}` : "";
  return `    ${what}: ${figure}; from ${r.sources.map(oneLineText).join(", ") || "the code"}${guessed}`;
}

/** The trainings the estimate sums, how many rest on the code and how many on guesses, and the sum. */
function trainingLines(p: Prediction): string[] {
  const rows = p.trainings ?? [];
  const c = p.coverage;
  if (rows.length === 0 || !c) return [];
  const head = `  Trainings costed: ${c.trainings} (${c.fromCode} from the code, ${c.guessed} with guessed inputs; a guessed count, epochs or model moves its training ${c.widening}x each way)`;
  const sum = `    Sum: ${clock(p.total.seconds)}, ${num(p.total.energyKWh)} kWh, ${g(p.total.co2g)} (${g(p.interval.low.co2g)} to ${g(p.interval.high.co2g)})`;
  return [head, ...rows.map(trainingLine), sum, `  Note: ${c.note}`];
}

export function renderCarbonText(section: CarbonSection): string {
  const lines: string[] = [];
  const m = section.measurement;
  if (m) lines.push(...measurementLines(m, section));
  if (section.prediction) lines.push(...predictionLines(section.prediction, section));
  const a = section.assumptions;
  if (m) {
    const meters = m.meters.map((x) => `${x.meter} (${x.kind}${x.scope ? `, ${x.scope}` : ""})`).join(", ");
    const idle = m.actual.idleWatts === null ? "idle power not sampled" : `idle ${num(m.actual.idleWatts)} W apart`;
    lines.push(`  Meters: ${meters || "none"}; ${idle}`);
    if (a.cpu)
      lines.push(
        `  CPU power: ${num(a.cpu.wattsPerThread)} W per busy thread${a.cpu.model ? ` for ${a.cpu.model}` : ""} (${a.cpu.fallback ? `fallback: ${a.cpu.fallback}; ` : ""}${a.cpu.source})`,
      );
    lines.push(
      `  Boundaries: ${m.actual.boundaries}` +
        (m.epochMarker
          ? `, epoch lines read as ${m.epochMarker.value}s (${m.epochMarker.origin === "measured" ? m.epochMarker.evidence.join("; ") : m.epochMarker.source})`
          : ""),
    );
    for (const note of m.notes ?? []) lines.push(`  Note: ${note}`);
  }
  const intensitySource =
    a.intensity.origin === "table" ? a.intensity.source : `${a.intensity.source}, region ${a.intensity.region}`;
  lines.push(
    `  Assumptions: PUE ${sourcedText(a.pue)}; ${num(a.intensity.value)} g CO2eq/kWh (${intensitySource}); ${a.gCO2PerKm.value} g CO2/km by car`,
  );
  return lines.join("\n") + "\n";
}
