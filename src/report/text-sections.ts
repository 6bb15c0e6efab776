// The terminal report's later-stage sections: what the build stage did, and the carbon section.
// Both sections belong to stages still growing, so every field is read as if it might be missing.
import type { CarbonSection } from "../model/carbon.js";
import type { Sourced } from "../model/sourced.js";
import { renderCarbonText } from "./carbon-text.js";
import type { EnvironmentSection } from "../model/environment.js";
import type { Paint } from "./ansi.js";
import { columns, duration, oneLineText, safeText } from "./format.js";

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
    const cuda = env.cuda.needed
      ? `${env.cuda.version ?? "needed"}${env.cuda.source ? ` (${env.cuda.source})` : ""}`
      : "not needed";
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
  else
    rows.push([
      "probe",
      `${modules.length} module(s) probed: ${modules.length - failed.length} import, ${failed.length} fail`,
    ]);
  const probeRow = rows.length;
  if (env.probe?.pipCheck) rows.push(["pip check", env.probe.pipCheck.ok ? "ok" : "problems found"]);

  const lines = [
    p.bold("Environment"),
    ...labelled(
      rows.map(([l, v]) => [l, safeText(oneLineText(v))]),
      p,
    ),
  ];
  // Each module that failed to import goes right under the probe's line, with the files that import it.
  const failures = failed.map((m) => {
    const where = m.files?.length ? ` (imported in ${m.files.join(", ")})` : "";
    return `    ${p.red(safeText(m.module))}: ${safeText(oneLineText(m.error ?? "import failed"))}${safeText(where)}`;
  });
  lines.splice(1 + probeRow, 0, ...failures);
  if (env.probe?.pipCheck && !env.probe.pipCheck.ok && env.probe.pipCheck.output) {
    for (const line of env.probe.pipCheck.output.trim().split("\n").slice(0, LOG_TAIL_LINES))
      lines.push(`    ${p.dim(safeText(line))}`);
  }
  if (env.build?.status === "failed" && env.build.logTail) {
    lines.push(`  ${p.dim("log tail")}`);
    for (const line of env.build.logTail.trimEnd().split("\n").slice(-LOG_TAIL_LINES))
      lines.push(`    ${p.dim(safeText(line))}`);
  }
  return lines;
}

function sourcedCount(value: Sourced<number> | undefined, noun: string): string {
  if (!value) return `? ${noun}s`;
  return `${value.value} ${noun}${value.value === 1 ? "" : "s"} (${value.origin === "default" ? "default" : value.source})`;
}

/** "30 epochs (README.md line 22), 5 runs = 5 folds (train.py:12) x 1 model (default) x 1 seed (default)". */
export function planText(plan: CarbonSection["plan"]): string {
  const runs = `${plan.runs ?? "?"} run${plan.runs === 1 ? "" : "s"} = ${sourcedCount(plan.folds, "fold")} x ${sourcedCount(plan.models, "model")} x ${sourcedCount(plan.seeds, "seed")}`;
  return `${sourcedCount(plan.epochs, "epoch")}, ${runs}`;
}

/** The carbon section: the plan and its commands, then the CarbonTracker-style blocks. */
export function carbonLines(carbon: CarbonSection, p: Paint): string[] {
  const rows: Array<[string, string]> = [["plan", planText(carbon.plan)]];
  for (const command of carbon.plan.commands) rows.push(["command", `${command.value} (${command.source})`]);
  const blocks = renderCarbonText(carbon)
    .replace(/\n+$/, "")
    .split("\n")
    .map((line) => safeText(line));
  return [
    p.bold("Carbon"),
    ...labelled(
      rows.map(([l, v]) => [l, safeText(oneLineText(v))]),
      p,
    ),
    ...blocks,
  ];
}
