// The Action's inputs: read from INPUT_* variables as GitHub names them, checked once, in the Action's words (pure).
import { isAbsolute, resolve } from "node:path";
import { AuditError } from "../index.js";
import type { StageName } from "../index.js";
import { STAGES } from "../model/report.js";
import { FAIL_ON, type FailOn } from "../model/finding.js";
import { specOf, type TunableName, type TunableValue } from "../config/tunables.js";
import { FORMATS, type ReportFormat } from "../report/index.js";

/** Every input action.yml declares, in its order; a test holds the two in step. */
export const INPUT_NAMES = [
  "path",
  "stages",
  "runtime",
  "fail-under",
  "fail-on",
  "config",
  "region",
  "format",
  "sarif-file",
  "baseline",
  "max-warnings",
  "exclude",
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export interface ActionInputs {
  /** Absolute folder to audit. */
  path: string;
  stages: StageName[];
  runtime: "container" | "host";
  failUnder?: number;
  failOn?: FailOn;
  /** Fail when more warnings than this count. */
  maxWarnings?: number;
  /** Globs of files and folders left out of the audit (the audit's --exclude). */
  exclude: string[];
  /** Absolute path of the user's .repro-audit.yml. */
  config?: string;
  region?: string;
  /** Format of the report file at report-path. */
  format: ReportFormat;
  /** Absolute path the SARIF is written to; undefined: the Action's own folder. */
  sarifFile?: string;
  /** Absolute path of a saved JSON report whose findings are known. */
  baseline?: string;
}

/** The variable the runner sets for an input: spaces become underscores, upper case, dashes kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/** A bad input: one line naming the input, what was wrong and what to set instead. */
export function badActionInput(name: InputName, problem: string, hint: string): AuditError {
  return new AuditError("BAD_INPUT", `input '${name}' ${problem}`, hint);
}

/** An input the CLI takes as a flag too: the library's parser decides and gives the value, so the Action and the
 * CLI accept the same settings; a refusal is worded for the Action (its input, its hint). */
function parsedAsTunable<K extends TunableName>(
  name: InputName,
  tunable: K,
  text: string,
  problem: string,
  hint: string,
): TunableValue<K> {
  try {
    return specOf(tunable).parse(text, `input '${name}'`) as TunableValue<K>;
  } catch (error) {
    if (error instanceof AuditError) throw badActionInput(name, problem, hint);
    throw error;
  }
}

/** The inputs from the step's environment; relative paths are relative to the workspace. */
export function readInputs(env: Readonly<Record<string, string | undefined>>, workspace: string): ActionInputs {
  const get = (name: InputName) => (env[inputVariable(name)] ?? "").trim();
  const inWorkspace = (text: string) => (isAbsolute(text) ? text : resolve(workspace, text));

  const stagesText = get("stages") || "static";
  const stages = parsedAsTunable(
    "stages",
    "stages",
    stagesText,
    `takes a comma list of ${STAGES.join(", ")}, not '${stagesText}'`,
    "Set e.g. stages: static, stages: static,resolve, or stages: static,build,epoch",
  );

  const runtime = get("runtime") || "container";
  if (runtime !== "container" && runtime !== "host") {
    throw badActionInput(
      "runtime",
      `takes container or host, not '${runtime}'`,
      "Set runtime: container (host runs the repo's code on the runner)",
    );
  }

  const inputs: ActionInputs = {
    path: inWorkspace(get("path") || "."),
    stages,
    runtime,
    format: "json",
    exclude: [],
  };

  const failUnder = get("fail-under");
  if (failUnder !== "") {
    inputs.failUnder = parsedAsTunable(
      "fail-under",
      "failUnder",
      failUnder,
      `takes a number from 0 to 100, not '${failUnder}'`,
      "Set e.g. fail-under: 70, or leave it out",
    );
  }

  const failOn = get("fail-on");
  if (failOn !== "") {
    inputs.failOn = parsedAsTunable(
      "fail-on",
      "failOn",
      failOn,
      `takes one of ${FAIL_ON.join(", ")}, not '${failOn}'`,
      "Set e.g. fail-on: error, or fail-on: never to gate on the score alone",
    );
  }

  const maxWarnings = get("max-warnings");
  if (maxWarnings !== "") {
    inputs.maxWarnings = parsedAsTunable(
      "max-warnings",
      "maxWarnings",
      maxWarnings,
      `takes a whole number 0 or more, not '${maxWarnings}'`,
      "Set e.g. max-warnings: 0, or leave it out",
    );
  }

  // One glob per line (a YAML block), since a glob may hold a comma ({a,b}).
  inputs.exclude = get("exclude")
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter(Boolean);

  const region = get("region");
  if (region !== "") {
    inputs.region = parsedAsTunable(
      "region",
      "region",
      region,
      `takes a two-letter country code, not '${region}'`,
      "Set e.g. region: FR, or leave it out for the world average",
    );
  }

  const format = get("format") || "json";
  if (!(FORMATS as readonly string[]).includes(format))
    throw badActionInput("format", `takes one of ${FORMATS.join(", ")}, not '${format}'`, "Set e.g. format: json");
  inputs.format = format as ReportFormat;

  const config = get("config");
  if (config !== "") inputs.config = inWorkspace(config);
  const sarifFile = get("sarif-file");
  if (sarifFile !== "") inputs.sarifFile = inWorkspace(sarifFile);
  const baseline = get("baseline");
  if (baseline !== "") inputs.baseline = inWorkspace(baseline);
  return inputs;
}

/** A hint written for the CLI in the Action's words: `pass --stages static` becomes `set the input stages: static`. */
export function inActionWords(hint: string): string {
  return hint.replace(
    /(?:\bpass )?--([a-z][a-z-]*)(?: ([^\s,;]+))?/g,
    (text, flag: string, value: string | undefined) =>
      (INPUT_NAMES as readonly string[]).includes(flag) ? `set the input ${flag}:${value ? ` ${value}` : ""}` : text,
  );
}
