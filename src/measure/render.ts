// The CarbonTracker-style text blocks for the carbon section (pure): actual, predicted, assumptions.
import type { CarbonSection, Consumption } from "../model/carbon.js";

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** Enough significant digits for tiny CPU runs and big GPU trainings alike. */
export function formatNumber(x: number): string {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

const epochsLabel = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function block(title: string, c: Consumption, range?: { low: Consumption; high: Consumption }, energyKnown = true): string[] {
  const r = <K extends keyof Consumption>(k: K, f: (x: number) => string): string =>
    range && range.low[k] !== range.high[k] ? ` (${f(range.low[k])} to ${f(range.high[k])})` : "";
  const time = `  Time:   ${formatDuration(c.seconds)}${r("seconds", formatDuration)}`;
  // Unknown is not zero: no meter saw the window, so no energy, CO2 or distance is printed.
  if (!energyKnown) return [title, time, `  Energy: not measured`, `  CO2eq:  not measured`];
  return [
    title,
    time,
    `  Energy: ${formatNumber(c.energyKWh)} kWh${r("energyKWh", formatNumber)}`,
    `  CO2eq:  ${formatNumber(c.co2g)} g${r("co2g", formatNumber)}`,
    `  This is equivalent to:`,
    `  ${formatNumber(c.kmByCar)} km travelled by car`,
  ];
}

export function renderCarbonText(section: CarbonSection): string {
  const lines: string[] = [];
  const { measured, predicted, assumptions: a, plan } = section;
  const energyKnown = section.energyMeasured !== false;
  if (section.status !== "measured") lines.push(`Epoch run ${section.status}: ${section.reason ?? "no reason given"}`);
  else if (!energyKnown) lines.push(`Energy not measured: ${section.reason ?? "no meter saw the measured part"}`);
  if (section.status !== "failed" || measured.seconds > 0) {
    lines.push(...block(`Actual consumption for ${epochsLabel(measured.epochs)} epoch(s):`, measured, undefined, energyKnown));
  }
  if (section.status === "measured") {
    const runs = (predicted.runs ?? plan.runs) > 1 ? ` (${predicted.runs ?? plan.runs} runs of ${plan.epochs.value})` : "";
    lines.push(...block(`Predicted consumption for ${epochsLabel(predicted.epochs)} epoch(s)${runs}:`, predicted, predicted.interval, energyKnown));
    lines.push(
      `  Basis: ${predicted.basis === "epoch" ? "measured epoch(s)" : `${measured.batches} batches`}, ` +
        `epochs from ${plan.epochs.source}, ${formatDuration(measured.setupSeconds ?? 0)} start-up` +
        (measured.warmupSeconds !== null ? `, ${formatNumber(measured.warmupSeconds)} s warm-up` : ""),
    );
  }
  const meters = section.meters.map((m) => `${m.meter} (${m.kind}${m.scope ? `, ${m.scope}` : ""})`).join(", ");
  lines.push(
    `  Meters: ${meters || "none"}; idle ${formatNumber(measured.idleWatts)} W apart`,
    `  Assumptions: PUE ${a.pue}; ${a.intensity.gPerKWh} g CO2eq/kWh (${a.intensity.region}, ${a.intensity.source} ${a.intensity.year}); ` +
      `${a.gCO2PerKm} g CO2/km by car`,
  );
  return lines.join("\n") + "\n";
}
