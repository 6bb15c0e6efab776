// Markdown pieces: escaping for text from the audited repo, and the environment and carbon summaries.
import type { CarbonSection, Consumption } from "../model/carbon.js";
import type { EnvironmentSection } from "../model/environment.js";
import { duration, num, oneLineText, safeText } from "./format.js";
import { buildText, planText } from "./text-sections.js";

/** Text from the audited repo, safe in a table cell: no markup, HTML, links or @mentions of its own. */
export function mdText(text: string): string {
  return safeText(oneLineText(text))
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u200b");
}

/** A code span that survives any backticks inside, and pipes in a table. */
export function mdCode(text: string): string {
  const clean = safeText(oneLineText(text)).replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function rows(pairs: Array<[string, string]>): string[] {
  return ["| | |", "| --- | --- |", ...pairs.map(([k, v]) => `| ${k} | ${v} |`)];
}

export function environmentMarkdown(env: EnvironmentSection): string[] {
  const files = env.specFiles?.length ? `: ${env.specFiles.map(mdCode).join(", ")}` : "";
  const pairs: Array<[string, string]> = [
    ["Spec", `${env.specKind}${files}${env.reconstructed ? " (reconstructed from imports)" : ""}`],
    ["Python", `${mdText(env.python?.version ?? "?")}${env.python?.source ? ` (${mdText(env.python.source)})` : ""}`],
  ];
  if (env.cuda) pairs.push(["CUDA", env.cuda.needed ? mdText(`${env.cuda.version ?? "needed"}${env.cuda.source ? ` (${env.cuda.source})` : ""}`) : "not needed"]);
  pairs.push(["Base image", `${mdCode(env.baseImage ?? "?")}${env.baseImageReason ? ` (${mdText(env.baseImageReason)})` : ""}`]);
  pairs.push(["Dockerfile", env.dockerfile ? mdCode(env.dockerfile) : "not written"]);
  pairs.push(["Build", mdText(buildText(env.build))]);
  const modules = env.probe?.modules ?? [];
  const failed = modules.filter((m) => !m.ok);
  pairs.push(["Import probe", env.probe?.ran ? `${modules.length} modules, ${failed.length} failed` : "not run"]);
  for (const m of failed) {
    const where = m.files?.length ? ` (imported in ${m.files.map(mdCode).join(", ")})` : "";
    pairs.push([`:x: ${mdCode(m.module)}`, `${mdText(m.error ?? "import failed")}${where}`]);
  }
  if (env.probe?.pipCheck) pairs.push(["pip check", env.probe.pipCheck.ok ? "ok" : "problems found"]);
  return rows(pairs);
}

function row(label: string, c: Consumption | undefined): string {
  if (!c) return `| ${label} | ? | ? | ? | ? | ? |`;
  return `| ${label} | ${num(c.epochs)} | ${duration(c.seconds)} | ${num(c.energyKWh)} kWh | ${num(c.co2g)} g | ${num(c.kmByCar)} km |`;
}

export function carbonMarkdown(carbon: CarbonSection): string[] {
  const lines: string[] = [];
  if (carbon.status !== "measured") lines.push(`The run ${carbon.status}${carbon.reason ? `: ${mdText(carbon.reason)}` : ""}.`, "");
  if (carbon.plan) lines.push(`Plan: ${mdText(planText(carbon.plan))}.`, "");
  lines.push("| | Epochs | Time | Energy | CO2eq | By car |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  lines.push(row("Measured", carbon.measured), row("Predicted", carbon.predicted));
  const interval = carbon.predicted?.interval;
  if (interval) {
    lines.push(
      `| Interval | | ${duration(interval.low.seconds)} to ${duration(interval.high.seconds)} | ${num(interval.low.energyKWh)}-${num(interval.high.energyKWh)} kWh | ${num(interval.low.co2g)}-${num(interval.high.co2g)} g | ${num(interval.low.kmByCar)}-${num(interval.high.kmByCar)} km |`,
    );
  }
  const a = carbon.assumptions;
  if (a?.intensity) {
    const where = [a.intensity.region, a.intensity.source, a.intensity.year].filter((x) => x !== undefined && x !== "").join(", ");
    lines.push("", `Assumptions: PUE ${a.pue}, ${num(a.intensity.gPerKWh)} gCO2/kWh (${mdText(where)})${a.gCO2PerKm !== undefined ? `, ${a.gCO2PerKm} gCO2/km by car` : ""}.`);
  }
  return lines;
}
