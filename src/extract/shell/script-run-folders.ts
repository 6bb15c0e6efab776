// The folders each shell script runs from: where the README's commands run it (`sh bin/x.sh` from the root),
// then where those scripts run the scripts they call, followed line by line (a move to the script's own
// folder, `cd "$(dirname "$0")"`, included). A script's relative paths resolve from there. Pure.
import { joinRel, scriptRun, type ShellEnv } from "./readme-commands.js";
import { scriptLineReader } from "./script-folder.js";

const SHELL = /\.(?:sh|bash)$/;
const MAX_SCRIPTS = 200;
const MAX_LINES = 2000;

export interface ScriptRun {
  /** The script, from the repo root. */
  script: string;
  /** The folder the command that runs it works in, from the root ("" for the root). */
  cwd: string;
}

/** Every folder each script is run from, starting at `runs` (the README's) and following the calls. */
export function scriptRunFolders(
  runs: readonly ScriptRun[],
  read: (path: string) => string | null,
  has: (path: string) => boolean,
  env: ShellEnv = {},
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const queue: ScriptRun[] = [];
  const add = (run: ScriptRun) => {
    if (!SHELL.test(run.script) || !has(run.script)) return;
    const folders = out.get(run.script) ?? out.set(run.script, new Set()).get(run.script)!;
    if (folders.has(run.cwd) || out.size > MAX_SCRIPTS) return;
    folders.add(run.cwd);
    queue.push(run);
  };
  for (const run of runs) add(run);
  while (queue.length > 0) {
    const { script, cwd: start } = queue.shift()!;
    const folder = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "";
    const reader = scriptLineReader(folder, env);
    let cwd = start;
    for (const line of (read(script) ?? "").split("\n").slice(0, MAX_LINES)) {
      const { command, cwd: after } = reader(line, cwd);
      cwd = after;
      const called = command ? scriptRun(command, has, folder) : null;
      if (called !== null && called !== script) add({ script: called, cwd });
    }
  }
  return out;
}

/** A path standing for `script` as if it lay in `folder`: its relative paths resolve from there. */
export const placedIn = (script: string, folder: string): string =>
  joinRel(folder, script.slice(script.lastIndexOf("/") + 1));
