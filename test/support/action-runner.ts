// Run action.yml's composite steps as GitHub's runner does: `with:` values over the declared defaults, the
// expressions of env, run and outputs evaluated, each `run` in `bash --noprofile --norc -eo pipefail`, a fresh
// $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY per step, the first failing step ending the action.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { parseOutputFile } from "./github-output.js";

export const ACTION_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ActionInputSpec {
  description: string;
  required?: boolean;
  default?: string;
}
export interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
export interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, ActionInputSpec>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readActionYml(root = ACTION_ROOT): ActionYml {
  return yaml.load(readFileSync(join(root, "action.yml"), "utf8")) as ActionYml;
}

export interface StepRun {
  id: string;
  code: number;
  stdout: string;
  stderr: string;
  /** The step's $GITHUB_OUTPUT file as written, and parsed. */
  outputFile: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRun {
  /** The action's exit status: the failing step's, else 0. */
  code: number;
  steps: StepRun[];
  /** The audit step (id "audit"), when it ran. */
  audit: StepRun | undefined;
  /** The action's outputs, from action.yml's `outputs:` expressions. */
  outputs: Record<string, string>;
}

export interface RunOptions {
  workspace: string;
  with?: Record<string, string>;
  /** Variables the runner would set besides the action's own (GITHUB_REPOSITORY, ...). */
  env?: Record<string, string>;
  /** The event: GITHUB_EVENT_NAME, and its payload written to the file GITHUB_EVENT_PATH names. */
  event?: { name: string; payload: unknown };
  /** Where the action lives (GITHUB_ACTION_PATH); default this checkout. */
  actionPath?: string;
  /** Step ids not to run (the install step, where dist/ is already built). */
  skip?: string[];
  timeoutMs?: number;
}

/** `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ steps.id.outputs.x }}`: any other expression is an error. */
function evaluate(
  text: string,
  scope: { inputs: Record<string, string>; actionPath: string; steps: Map<string, StepRun> },
): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => {
    let match = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (match) {
      if (!(match[1]! in scope.inputs)) throw new Error(`expression names undeclared input ${match[1]}`);
      return scope.inputs[match[1]!]!;
    }
    if (expr === "github.action_path") return scope.actionPath;
    match = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (match) return scope.steps.get(match[1]!)?.outputs[match[2]!] ?? "";
    throw new Error(`expression the test runner does not know: ${expr}`);
  });
}

export function runAction(options: RunOptions): ActionRun {
  const actionPath = options.actionPath ?? ACTION_ROOT;
  const action = readActionYml(actionPath);
  if (action.runs.using !== "composite") throw new Error(`runs.using is ${action.runs.using}`);
  const given = options.with ?? {};
  for (const name of Object.keys(given))
    if (!(name in action.inputs)) throw new Error(`with: names undeclared input ${name}`);
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? ""]),
  );

  const temp = mkdtempSync(join(tmpdir(), "action-run-"));
  const runnerTemp = mkdtempSync(join(temp, "runner-temp-"));
  const eventEnv: Record<string, string> = {};
  if (options.event) {
    eventEnv.GITHUB_EVENT_NAME = options.event.name;
    eventEnv.GITHUB_EVENT_PATH = join(temp, "event.json");
    writeFileSync(eventEnv.GITHUB_EVENT_PATH, JSON.stringify(options.event.payload));
  }
  const steps = new Map<string, StepRun>();
  const ran: StepRun[] = [];
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const id = step.id ?? `__${index}`;
    if (options.skip?.includes(id)) continue;
    if (step.uses || !step.run) throw new Error(`step ${id}: only run steps are supported`);
    if (step.shell !== "bash") throw new Error(`step ${id}: shell ${step.shell}`);
    const scope = { inputs, actionPath, steps };
    const script = join(temp, `step-${index}.sh`);
    writeFileSync(script, evaluate(step.run, scope));
    const outputFile = join(temp, `output-${index}`);
    const summaryFile = join(temp, `summary-${index}`);
    writeFileSync(outputFile, "");
    writeFileSync(summaryFile, "");
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v), scope)]));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: options.workspace,
      encoding: "utf8",
      timeout: options.timeoutMs ?? 300_000,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
        CI: "true",
        GITHUB_ACTIONS: "true",
        NO_COLOR: "1",
        // A host-runtime epoch imports the hook from this checkout: no __pycache__ left in src/.
        PYTHONDONTWRITEBYTECODE: "1",
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runnerTemp,
        GITHUB_SERVER_URL: "https://github.com",
        ...eventEnv,
        ...options.env,
        ...stepEnv,
      },
    });
    const text = readFileSync(outputFile, "utf8");
    const run: StepRun = {
      id,
      code: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      outputFile: text,
      outputs: parseOutputFile(text),
      summary: readFileSync(summaryFile, "utf8"),
    };
    steps.set(id, run);
    ran.push(run);
    if (run.code !== 0) {
      code = run.code;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, spec]) => [name, evaluate(spec.value, { inputs, actionPath, steps })]),
  );
  return { code, steps: ran, audit: steps.get("audit"), outputs };
}
