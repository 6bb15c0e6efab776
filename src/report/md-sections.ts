// Markdown pieces: escaping for text from the audited repo, and the environment and carbon summaries.
import type { CarbonSection, Consumption, Prediction } from "../model/carbon.js";
import type { EnvironmentSection } from "../model/environment.js";
import { duration, factorSource, num, oneLineText, safeText } from "./format.js";
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
  if (env.cuda)
    pairs.push([
      "CUDA",
      env.cuda.needed
        ? mdText(`${env.cuda.version ?? "needed"}${env.cuda.source ? ` (${env.cuda.source})` : ""}`)
        : "not needed",
    ]);
  pairs.push([
    "Base image",
    `${mdCode(env.baseImage ?? "?")}${env.baseImageReason ? ` (${mdText(env.baseImageReason)})` : ""}`,
  ]);
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

function row(label: string, c: Consumption): string {
  return `| ${label} | ${num(c.epochs)} | ${duration(c.seconds)} | ${num(c.energyKWh)} kWh | ${num(c.co2g)} g | ${num(c.kmByCar)} km |`;
}

/** The prediction's row, naming its basis once. */
const PREDICTED: Record<Prediction["basis"], string> = {
  measured: "Predicted from measured epochs",
  estimated: "Estimated from the code",
  given: "Given",
};

export function carbonMarkdown(carbon: CarbonSection): string[] {
  const lines: string[] = [];
  const m = carbon.measurement;
  const p = carbon.prediction;
  if (m && m.status !== "measured") lines.push(`The run ${m.status}${m.reason ? `: ${mdText(m.reason)}` : ""}.`, "");
  lines.push(`Plan: ${mdText(planText(carbon.plan))}.`, "");
  if (!m && !p) return lines;
  lines.push("| | Epochs | Time | Energy | CO2eq | By car |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  if (m) lines.push(row(m.complete ? "Measured (whole training)" : "Measured", m.actual));
  if (p) {
    lines.push(row(PREDICTED[p.basis], p.total));
    const { low, high } = p.interval;
    lines.push(
      `| Interval | | ${duration(low.seconds)} to ${duration(high.seconds)} | ${num(low.energyKWh)}-${num(high.energyKWh)} kWh | ${num(low.co2g)}-${num(high.co2g)} g | ${num(low.kmByCar)}-${num(high.kmByCar)} km |`,
    );
    if (p.basis !== "measured" && p.factors.length) {
      lines.push("", "| Factor | Value | From |", "| --- | ---: | --- |");
      for (const f of p.factors) {
        const range = f.low !== undefined && f.high !== undefined ? ` (${num(f.low)}-${num(f.high)})` : "";
        lines.push(`| ${mdText(f.name)} | ${num(f.value)} ${mdText(f.unit)}${range} | ${mdText(factorSource(f))} |`);
      }
    }
    if (p.basis === "estimated") lines.push(...trainingsMarkdown(p));
  }
  const a = carbon.assumptions;
  const where =
    a.intensity.origin === "table" ? a.intensity.source : `${a.intensity.source}, region ${a.intensity.region}`;
  lines.push(
    "",
    `Assumptions: PUE ${a.pue.value} (${mdText(a.pue.origin === "default" ? "default" : a.pue.source)}), ${num(a.intensity.value)} gCO2/kWh (${mdText(where)}), ${a.gCO2PerKm.value} gCO2/km by car.`,
  );
  return lines;
}

/** The static estimate's trainings: one row each with its own figure and interval, where it was read and what was
 * guessed, then the sum and what the rows rest on. */
const grams = (x: number): string => `${num(x)} g`;

function trainingsMarkdown(p: Prediction): string[] {
  const rows = p.trainings ?? [];
  const c = p.coverage;
  if (rows.length === 0 || !c) return [];
  const lines = [
    "",
    `Trainings costed: ${c.trainings} (${c.fromCode} from the code, ${c.guessed} with guessed inputs; a guessed count, epochs or model moves its training ${c.widening}x each way). ${mdText(c.note)}`,
    "",
    "| Training | Role | Model | Size | Batch | Images x epochs x runs | Time | CO2eq | Interval | From | Guessed |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${mdText(r.label)} | ${r.role} | ${mdText(r.architecture)} | ${r.inputSize} px | ${r.batchSize ?? "?"} | ${num(r.images)} x ${num(r.epochs)} x ${num(r.runs)} | ` +
        `${duration(r.total.seconds)} | ${grams(r.total.co2g)} | ${grams(r.interval.low.co2g)}-${grams(r.interval.high.co2g)} | ${mdText(r.sources.join(", "))} | ${r.guessed.join(", ") || "none"} |`,
    );
  }
  lines.push(
    `| **Sum** | | | | | | ${duration(p.total.seconds)} | **${grams(p.total.co2g)}** | ${grams(p.interval.low.co2g)}-${grams(p.interval.high.co2g)} | | |`,
  );
  return lines;
}
