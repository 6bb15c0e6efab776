// The terminal report's later-stage sections: what the build stage did, and a compact carbon summary.
// Both sections belong to stages still growing, so every field is read as if it might be missing.
import type { CarbonSection, Consumption } from "../model/carbon.js";
import type { EnvironmentSection } from "../model/environment.js";
import type { Paint } from "./ansi.js";
import { columns, duration, num, oneLineText, safeText } from "./format.js";

const LOG_TAIL_LINES = 8;

function labelled(rows: Array<[string, string]>, p: Paint): string[] {
  return columns(rows).map(([label = "", value = ""]) => `  ${p.dim(label)}  ${value}`.trimEnd());
}

/** "built in 1 min 24 s", "cached (0.4 s)", "failed after 42.0 s: package-not-found (torchh)", "skipped (no engine)". */
export function buildText(build: EnvironmentSection["build"] | undefined): string {
  if (!build) return "?";
  const seconds = build.seconds ?? null;
  const reason = build.reason ? ` (${oneLineText(build.reason)})` : "";
  switch (build.status) {
    case "built":
      return `built in ${duration(seconds)}, cache ${build.cacheHit ? "hit" : "miss"}`;
    case "cached":
      return `cached image reused${seconds !== null ? ` (${duration(seconds)})` : ""}, cache hit`;
    case "failed": {
      const cls = build.failureClass ? `: ${build.failureClass}` : "";
      const pkg = build.package ? ` (${build.package})` : "";
      return `failed${seconds !== null ? ` after ${duration(seconds)}` : ""}${cls}${pkg}${reason}`;
    }
    default:
      return `${build.status}${reason}`;
  }
}

export function environmentLines(env: EnvironmentSection, p: Paint): string[] {
  const specFiles = env.specFiles?.length ? `: ${env.specFiles.join(", ")}` : "";
  const rows: Array<[string, string]> = [
    ["spec", `${env.specKind}${specFiles}${env.reconstructed ? " (reconstructed from imports)" : ""}`],
    ["python", `${env.python?.version ?? "?"}${env.python?.source ? ` (${env.python.source})` : ""}`],
  ];
  if (env.cuda) {
    const cuda = env.cuda.needed ? `${env.cuda.version ?? "needed"}${env.cuda.source ? ` (${env.cuda.source})` : ""}` : "not needed";
    rows.push(["cuda", cuda]);
  }
  rows.push(["base image", `${env.baseImage ?? "?"}${env.baseImageReason ? ` (${env.baseImageReason})` : ""}`]);
  rows.push(["dockerfile", env.dockerfile ?? "not written"]);
  const engine = [env.engine, env.image].filter(Boolean).join(", image ");
  rows.push(["build", `${buildText(env.build)}${engine ? ` [${engine}]` : ""}`]);
  if (env.build?.logPath) rows.push(["build log", env.build.logPath]);

  const modules = env.probe?.modules ?? [];
  const failed = modules.filter((m) => !m.ok);
  if (!env.probe?.ran) rows.push(["probe", "not run"]);
  else rows.push(["probe", `${modules.length} module(s) probed: ${modules.length - failed.length} import, ${failed.length} fail`]);
  const probeRow = rows.length;
  if (env.probe?.pipCheck) rows.push(["pip check", env.probe.pipCheck.ok ? "ok" : "problems found"]);

  const lines = [p.bold("Environment"), ...labelled(rows.map(([l, v]) => [l, safeText(oneLineText(v))]), p)];
  // Each module that failed to import goes right under the probe's line, with the files that import it.
  const failures = failed.map((m) => {
    const where = m.files?.length ? ` (imported in ${m.files.join(", ")})` : "";
    return `    ${p.red(safeText(m.module))}: ${safeText(oneLineText(m.error ?? "import failed"))}${safeText(where)}`;
  });
  lines.splice(1 + probeRow, 0, ...failures);
  if (env.probe?.pipCheck && !env.probe.pipCheck.ok && env.probe.pipCheck.output) {
    for (const line of env.probe.pipCheck.output.trim().split("\n").slice(0, LOG_TAIL_LINES)) lines.push(`    ${p.dim(safeText(line))}`);
  }
  if (env.build?.status === "failed" && env.build.logTail) {
    lines.push(`  ${p.dim("log tail")}`);
    for (const line of env.build.logTail.trimEnd().split("\n").slice(-LOG_TAIL_LINES)) lines.push(`    ${p.dim(safeText(line))}`);
  }
  return lines;
}

function sourced(value: { value: unknown; source: string } | undefined, noun: string): string {
  if (!value) return `? ${noun}s`;
  const n = Number(value.value);
  return `${value.value} ${noun}${n === 1 ? "" : "s"} (${value.source})`;
}

/** "30 epochs (README line 22), 5 runs = 5 folds (config) x 1 model (default) x 1 seed (default)". */
export function planText(plan: CarbonSection["plan"]): string {
  const runs = `${plan.runs ?? "?"} runs = ${sourced(plan.folds, "fold")} x ${sourced(plan.models, "model")} x ${sourced(plan.seeds, "seed")}`;
  return `${sourced(plan.epochs, "epoch")}, ${runs}`;
}

function consumptionRow(label: string, c: Consumption | undefined): string[] {
  if (!c) return [label, "?", "?", "?", "?", "?"];
  return [label, num(c.epochs), duration(c.seconds), `${num(c.energyKWh)} kWh`, `${num(c.co2g)} g`, `${num(c.kmByCar)} km`];
}

/** Measured against predicted time, energy, CO2eq and km by car, with the plan and the assumptions behind them. */
export function carbonSummaryLines(carbon: CarbonSection, p: Paint): string[] {
  const status = carbon.status === "measured" ? "measured" : `${carbon.status}${carbon.reason ? `: ${oneLineText(carbon.reason)}` : ""}`;
  const lines = [`${p.bold("Carbon")}  ${safeText(status)}${carbon.runtime ? ` (in the ${carbon.runtime === "host" ? "host" : "container"})` : ""}`];
  const plan = carbon.plan;
  if (plan) {
    const planRows: Array<[string, string]> = [["plan", planText(plan)]];
    for (const command of plan.commands ?? []) planRows.push(["command", `${command.value} (${command.source})`]);
    lines.push(...labelled(planRows.map(([l, v]) => [l, safeText(oneLineText(v))]), p));
  }
  const rows = [["", "epochs", "time", "energy", "CO2eq", "by car"], consumptionRow("measured", carbon.measured)];
  rows.push(consumptionRow("predicted", carbon.predicted));
  const interval = carbon.predicted?.interval;
  if (interval) {
    const span = (pick: (c: Consumption) => number, unit: string, fmt: (n: number) => string = num): string =>
      `${fmt(pick(interval.low))}-${fmt(pick(interval.high))}${unit}`;
    rows.push(["interval", "", `${duration(interval.low.seconds)} to ${duration(interval.high.seconds)}`, span((c) => c.energyKWh, " kWh"), span((c) => c.co2g, " g"), span((c) => c.kmByCar, " km")]);
  }
  lines.push("", ...columns(rows, [false, true, true, true, true, true]).map((row) => `  ${row.join("  ")}`.trimEnd()));

  const a = carbon.assumptions;
  if (a) {
    const intensity = a.intensity
      ? `${num(a.intensity.gPerKWh)} gCO2/kWh (${[a.intensity.region, a.intensity.source, a.intensity.year].filter((x) => x !== undefined && x !== "").join(", ")})`
      : "intensity ?";
    const parts = [`PUE ${a.pue}`, intensity];
    if (a.gCO2PerKm !== undefined) parts.push(`${a.gCO2PerKm} gCO2/km by car`);
    const meters = (carbon.meters ?? []).map(
      (m) => `${m.meter}${m.component && m.component !== m.meter ? ` ${m.component}` : ""} (${m.kind}) ${num(m.energyKWh)} kWh`,
    );
    const rowsA: Array<[string, string]> = [["assumptions", parts.join(", ")]];
    if (meters.length) rowsA.push(["meters", meters.join("; ")]);
    lines.push("", ...labelled(rowsA.map(([l, v]) => [l, safeText(v)]), p));
  }
  return lines;
}
