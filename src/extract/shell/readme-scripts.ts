// What the scripts a README runs do: `bash run_stage1.sh` trains when the script's lines run a training,
// `make train` when its recipe does. Read through the view, a few levels deep, never executed.
import { expandMakeVariables, makeVariables } from "./make-vars.js";
import type { RepoView } from "../../model/repo-view.js";
import { interpretLine, joinContinuations, scriptRun, type Purpose, type ShellEnv } from "./readme-commands.js";
import { scriptWrites } from "./script-writes.js";
import { scriptLineReader } from "./script-folder.js";

const MAX_DEPTH = 3;
const MAX_LINES = 2000;

/** Console scripts the repo installs: setup.py's console_scripts and pyproject's [project.scripts]. */
export function ownRunners(view: RepoView): Set<string> {
  return new Set(ownRunnerModules(view).keys());
}

/** Each console script the repo installs, with the module file it runs (`aptos=aptos.cli:cli` ->
 * aptos/cli.py, or aptos/cli/__init__.py; null when that file is not in the repo). */
export function ownRunnerModules(view: RepoView): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const add = (name: string, target: string) => {
    const module = target
      .trim()
      .replace(/^["']|["']$/g, "")
      .split(":")[0]!
      .trim()
      .replace(/\./g, "/");
    out.set(name, [`${module}.py`, `${module}/__init__.py`, `src/${module}.py`].find((p) => view.has(p)) ?? null);
  };
  const setup = view.read("setup.py") ?? "";
  const scripts = /console_scripts['"]?\s*[:=]\s*\[([^\]]*)\]/.exec(setup)?.[1] ?? "";
  for (const m of scripts.matchAll(/['"]\s*([\w.-]+)\s*=\s*([\w.:]+)/g)) add(m[1]!, m[2]!);
  const pyproject = view.read("pyproject.toml") ?? "";
  const table =
    /^\[(?:project\.scripts|tool\.poetry\.scripts)\]\s*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? "";
  for (const m of table.matchAll(/^\s*["']?([\w.-]+)["']?\s*=\s*["']([\w.:]+)["']/gm)) add(m[1]!, m[2]!);
  return out;
}

/** A shell script's text when the walk may go into it: not too deep, not seen before on this walk. */
function enterScript(view: RepoView, script: string, depth: number, seen: Set<string>): string | null {
  // A SLURM job script (`job.slurm`, `job.sbatch`) is a shell script sbatch runs.
  if (depth >= MAX_DEPTH || seen.has(script) || !/\.(?:sh|bash|slurm|sbatch)$/.test(script)) return null;
  seen.add(script);
  return view.read(script);
}

/** The purposes of the commands a shell script holds (and of the scripts it runs in turn). */
export function scriptPurposes(
  view: RepoView,
  script: string,
  env: ShellEnv,
  depth = 0,
  seen = new Set<string>(),
): Purpose[] {
  const text = enterScript(view, script, depth, seen);
  if (text === null) return [];
  // What a heredoc writes is the written script's purpose, not this one's.
  const data = scriptWrites(text).bodyLines;
  const lines = text.split("\n").slice(0, MAX_LINES);
  const folder = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "";
  const kept = data.size ? lines.map((l, i) => (data.has(i + 1) ? "" : l)) : lines;
  return linesPurposes(view, kept, env, depth, seen, folder);
}

/** The purposes of a Makefile target's recipe (the first target when none is named). */
export function makePurposes(
  view: RepoView,
  target: string,
  env: ShellEnv,
  makefile = "Makefile",
  depth = 0,
): Purpose[] {
  const text = view.read(makefile) ?? view.read("makefile");
  if (text === null) return [];
  const lines = text.split("\n").slice(0, MAX_LINES);
  const start = lines.findIndex((l) =>
    target
      ? new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:(?!=)`).test(l)
      : /^[A-Za-z0-9_.-]+\s*:(?!=)/.test(l) && !l.startsWith("."),
  );
  if (start < 0) return [];
  const recipe: string[] = [];
  const vars = makeVariables(text);
  for (let i = start + 1; i < lines.length && /^\t/.test(lines[i]!); i++)
    recipe.push(expandMakeVariables(lines[i]!.replace(/^\t[@-]*/, ""), vars));
  // A target that only names others (`all: train predict`) does what they do.
  const prerequisites = lines[start]!.replace(/^[^:]*:/, "")
    .replace(/#.*$/, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const out = linesPurposes(view, recipe, env, depth, new Set());
  if (depth < MAX_DEPTH) for (const p of prerequisites) out.push(...makePurposes(view, p, env, makefile, depth + 1));
  return out;
}

function linesPurposes(
  view: RepoView,
  lines: string[],
  env: ShellEnv,
  depth: number,
  seen: Set<string>,
  from = "",
): Purpose[] {
  const out: Purpose[] = [];
  let cwd = "";
  for (const { text } of joinContinuations(lines.map((t, i) => ({ line: i + 1, text: t })))) {
    const step = interpretLine(text, cwd, env);
    cwd = step.cwd;
    const command = step.command;
    if (!command) continue;
    if (command.purpose !== "other") out.push(command.purpose);
    // A call the script makes from its own folder (`./step.sh` beside it) does what that script does, run where
    // it works or not: whether it resolves from the README's folder is the missing-call check's to say.
    const script = scriptRun(command, (p) => view.has(p), from);
    if (script) out.push(...scriptPurposes(view, script, env, depth + 1, seen));
  }
  return out;
}

/** The Python scripts (and notebooks) a shell script runs, and those its own scripts run in turn: the
 * training a README's `bash train.sh` starts. Paths tried from the root and from the script's folder. */
export function scriptsRunBy(
  view: RepoView,
  script: string,
  env: ShellEnv,
  depth = 0,
  seen = new Set<string>(),
): string[] {
  const text = enterScript(view, script, depth, seen);
  if (text === null) return [];
  const folder = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "";
  const out: string[] = [];
  let cwd = "";
  const read = scriptLineReader(folder, env);
  for (const { text: line } of joinContinuations(
    text
      .split("\n")
      .slice(0, MAX_LINES)
      .map((t, i) => ({ line: i + 1, text: t })),
  )) {
    const step = read(line, cwd);
    cwd = step.cwd;
    const command = step.command;
    if (!command) continue;
    const found = scriptRun(command, (p) => view.has(p), folder);
    if (!found) continue;
    if (/\.(?:sh|bash)$/.test(found)) out.push(...scriptsRunBy(view, found, env, depth + 1, seen));
    else out.push(found);
  }
  return out;
}
