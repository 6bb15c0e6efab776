// One run of the Action: inputs, the audit, then the files, annotations, summary and outputs the runner reads.
// Returns the exit code: 0 ok, 1 under fail-under or over max-warnings, 2 bad input, 3 engine or internal
// failure, 130 interrupted. The summary and outputs are written whatever the ending.
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { AuditError, EXIT, audit, render, type AuditResult, type Finding, type Report } from "../index.js";
import { finish, gatesFrom } from "../evaluate/finish.js";
import type { Progress } from "../model/progress.js";
import { scoreBadge } from "./badge.js";
import { logLine, planAnnotations, workflowCommand } from "./commands.js";
import { inActionWords, readInputs, type ActionInputs } from "./inputs.js";
import { actionOutputs, emptyOutputs, outputFileText } from "./outputs.js";
import { auditedFolder, existingFile, trustOf, writableFile, type AuditedFolder } from "./runner-context.js";
import { readSavedReport } from "../report/saved-report.js";
import { fitSarif } from "./sarif.js";
import { failureSummary, summaryMarkdown, type SummaryParts } from "./summary.js";

type Env = Readonly<Record<string, string | undefined>>;
type Write = (line: string) => void;

const REPORT_EXTENSION = { json: "json", md: "md", text: "txt", sarif: "sarif" } as const;
/** GitHub refuses a step summary over 1 MiB; stay under it with room for the run's own lines. */
const SUMMARY_LIMIT = 1_000_000;

/** Variables through which a step talks to the runner, and the runner's tokens: the Action reads them, the
 * audited code (a host-runtime epoch inherits the environment) must not write our outputs or use them. */
const RUNNER_ONLY = /^(GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)|ACTIONS_[A-Z_]+|INPUT_.+)$/;

/** A copy of `env` for the Action, with the runner-only variables then removed from `env` itself. */
export function withholdRunnerVariables(env: NodeJS.ProcessEnv): Env {
  const copy = { ...env };
  for (const name of Object.keys(env)) if (RUNNER_ONLY.test(name)) delete env[name];
  return copy;
}

/** Whether the summary and outputs were written: a failure after that must not write them twice. */
interface Written {
  record: boolean;
}

export async function runAction(env: Env, write: Write): Promise<number> {
  const controller = new AbortController();
  // The runner cancels a job with SIGINT, then SIGTERM: stop the stages, which remove their containers.
  const onSignal = () => controller.abort(new Error("interrupted"));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const written: Written = { record: false };
  try {
    return await auditAndReport(env, write, controller.signal, written);
  } catch (error) {
    const { code, reason } = failure(error);
    write(workflowCommand("error", { title: "repro-audit" }, reason));
    // Later steps read the outputs and the summary whatever the ending.
    if (!written.record) writeFailureRecord(env, reason);
    return code;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Any failure: its exit code, and one sentence saying what went wrong and what to set. */
function failure(error: unknown): { code: number; reason: string } {
  if (error instanceof AuditError) {
    const reason = `${error.message}. ${inActionWords(error.hint)}`.replace(/\.\. /g, ". ");
    if (error.code === "BAD_INPUT") return { code: EXIT.badInput, reason };
    if (error.code === "INTERRUPTED") return { code: EXIT.interrupted, reason };
    return { code: EXIT.engine, reason };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: EXIT.internal,
    reason: `internal error: ${message.split("\n")[0]}. Please report it with the job's log.`,
  };
}

/** The failure's reason as the summary, every output empty: best effort, as the files may be what failed. */
function writeFailureRecord(env: Env, reason: string): void {
  try {
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, failureSummary(reason));
  } catch {
    // The ::error line already says why.
  }
  try {
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, outputFileText(emptyOutputs()));
  } catch {
    // As above.
  }
}

/** Progress as plain log lines, each starting with "repro-audit:" so none is read as a workflow command. */
function logProgress(write: Write): Progress {
  let stage = "";
  return {
    start: (name, text) => {
      stage = name;
      write(logLine(`[${name}] ${text}`));
    },
    succeed: (text) => write(logLine(`[${stage}] done: ${text}`)),
    skip: (text) => write(logLine(`[${stage}] skipped: ${text}`)),
    fail: (text) => write(logLine(`[${stage}] failed: ${text}`)),
    note: (text) => write(logLine(`note: ${text}`)),
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value)
    throw new AuditError("BAD_INPUT", `${name} is not set`, "Run the Action as a step of a GitHub Actions job");
  return value;
}

async function auditAndReport(env: Env, write: Write, signal: AbortSignal, written: Written): Promise<number> {
  // 1. Inputs and what the runner provides, each checked before anything runs.
  const workspace = required(env, "GITHUB_WORKSPACE");
  const inputs = readInputs(env, workspace);
  const folder = auditedFolder(inputs.path, workspace);
  if (inputs.config) existingFile("config", inputs.config);
  if (inputs.sarifFile) writableFile("sarif-file", inputs.sarifFile);
  // The same reader as the CLI's --baseline: a malformed report is the same one line, exit 2.
  const baseline = inputs.baseline ? readSavedReport(inputs.baseline, "input 'baseline'").findings : null;
  const trust = trustOf(folder, workspace, env);
  if (inputs.runtime === "host" && !trust.trusted) {
    throw new AuditError(
      "BAD_INPUT",
      `input 'runtime' is host, but ${trust.why}: its code would run on the runner`,
      "Set runtime: container to audit another team's code",
    );
  }
  const outDir = env.RUNNER_TEMP
    ? join(env.RUNNER_TEMP, "repro-audit")
    : mkdtempSync(join(tmpdir(), "repro-audit-action-"));
  mkdirSync(outDir, { recursive: true });
  write(
    logLine(
      `auditing ${folder.prefix || "the workspace"} (stages ${inputs.stages.join(",")}, runtime ${inputs.runtime}, repository ${trust.trusted ? "trusted" : "not trusted"})`,
    ),
  );

  // 2. The audit itself, on the library's entry point.
  const result = await audit({
    source: folder.root,
    // A path: below the checkout keeps the checkout's git (branches limited to that folder).
    gitRootWithin: workspace,
    stages: inputs.stages,
    runtime: inputs.runtime,
    trustRepo: trust.trusted,
    outDir,
    progress: logProgress(write),
    signal,
    ...(inputs.failUnder !== undefined ? { failUnder: inputs.failUnder } : {}),
    ...(inputs.maxWarnings !== undefined ? { maxWarnings: inputs.maxWarnings } : {}),
    // Only when given: an empty list would hide the exclude globs of the user's config.
    ...(inputs.exclude.length > 0 ? { exclude: inputs.exclude } : {}),
    ...(inputs.failOn !== undefined ? { failOn: inputs.failOn } : {}),
    ...(inputs.region ? { region: inputs.region } : {}),
    ...(inputs.config ? { configFile: inputs.config } : {}),
  });

  // 3. The library's finishing path, as the CLI's: the baseline's findings leave the gates and the annotations.
  const finished = finish(result.report, {
    gates: gatesFrom(result.settings, "action"),
    ...(baseline && inputs.baseline ? { baseline: { file: basename(inputs.baseline), findings: baseline } } : {}),
  });
  const { report, verdict } = finished;
  const known = baseline ? report.findings.map((f) => f.baseline === "unchanged") : null;
  const fresh = report.findings.filter((f) => f.baseline !== "unchanged");

  // 4. Files: the report in the asked format, the SARIF, the badge.
  const paths = writeFiles(report, result, inputs, folder, outDir, known);

  // 5. Annotations, summary, outputs.
  const titles = new Map(result.rules.map((r) => [r.id, r.title]));
  const annotations = planAnnotations(fresh, { prefix: folder.prefix, titles });
  for (const line of annotations.lines) write(line);
  const parts: Omit<SummaryParts, "reportMarkdown"> = {
    verdict,
    annotations,
    info: fresh.filter((f) => f.severity === "info").length,
    baseline: report.suppressions?.baseline ?? null,
    trust,
    sarifPath: paths.sarif,
  };
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, fittedSummary(report, result, parts));
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, outputFileText(actionOutputs(report, paths)));
  written.record = true;

  // 6. The gates: each failed one is an ::error, so the runner shows why the step failed.
  write(
    logLine(
      `score ${report.score.total ?? "not assessed"}; ${report.findings.length} finding(s); report ${paths.report}`,
    ),
  );
  for (const check of verdict.checks)
    if (check.failed) write(workflowCommand("error", { title: "repro-audit" }, check.text));
  return verdict.failed ? EXIT.belowThreshold : EXIT.ok;
}

function writeFiles(
  report: Report,
  result: AuditResult,
  inputs: ActionInputs,
  folder: AuditedFolder,
  outDir: string,
  known: boolean[] | null,
) {
  const paths = {
    report: join(outDir, `repro-audit-report.${REPORT_EXTENSION[inputs.format]}`),
    sarif: inputs.sarifFile ?? join(outDir, "repro-audit.sarif"),
    badge: join(outDir, "repro-audit-badge.json"),
  };
  const sarif = fitSarif(render(report, "sarif", { rules: result.rules }), {
    prefix: folder.prefix,
    known,
    rules: report.findings.map((f: Finding) => f.rule),
  });
  // The report file is the saved report a later run's baseline reads: the same paths as the SARIF's.
  const reportText =
    inputs.format === "sarif" ? sarif.text : render(report, inputs.format, { rules: result.rules, color: false });
  writeFileSync(paths.report, reportText);
  mkdirSync(dirname(paths.sarif), { recursive: true });
  writeFileSync(paths.sarif, sarif.text);
  writeFileSync(paths.badge, `${JSON.stringify(scoreBadge(report.score.total), null, 2)}\n`);
  return paths;
}

/** The summary under GitHub's size limit: fewer findings listed when the full table would not fit. */
function fittedSummary(report: Report, result: AuditResult, parts: Omit<SummaryParts, "reportMarkdown">): string {
  for (const maxFindings of [100, 25, 0]) {
    const text = summaryMarkdown({
      ...parts,
      reportMarkdown: render(report, "md", { rules: result.rules, maxFindings }),
    });
    if (Buffer.byteLength(text) <= SUMMARY_LIMIT) return text;
  }
  return summaryMarkdown({
    ...parts,
    reportMarkdown: "The report is too large for a job summary: see the report file and the SARIF.",
  });
}
