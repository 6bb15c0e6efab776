// The steps of a rerun in order: each top-level step (README, prose, root script, kernel) followed by the
// steps of the script, Makefile target or notebook it runs, loops counted into `repeat`.
import type { RepoView } from "../../../model/repo-view.js";
import { flattenNotebook } from "../../view/notebook.js";
import {
  interpretLine,
  joinRel,
  submitsScript,
  type ShellCommand,
  type ShellEnv,
} from "../../shell/readme-commands.js";
import { makeRecipe } from "./make-recipe.js";
import { makeArguments } from "../../shell/make-vars.js";
import { makeGoal } from "../../shell/make-goal.js";
import { shellLines, type ShellLine } from "./shell-lines.js";
import { scriptWrites } from "../../shell/script-writes.js";
import { isPlaceholderWord } from "../../shell/shell-words.js";
import { scriptLineReader } from "../../shell/script-folder.js";
import { isInstalledModule } from "../../shell/installed-modules.js";
import { launchedCommands } from "./launches.js";
import { chainedCommands, notebookRuns } from "./notebook-runs.js";
import { globbedScripts } from "../../shell/globbed-scripts.js";
import { invokeRuns } from "./invoke-tasks.js";

export type StepSource =
  "readme" | "readme-prose" | "shell" | "make" | "notebook" | "kernel" | "console-script" | "code";

export interface Step {
  order: number;
  file: string;
  line: number;
  cell?: number;
  cellLine?: number;
  source: StepSource;
  parent: number | null;
  cwd: string;
  command: string;
  program: string | null;
  purpose: string;
  repeat: number;
  repeatSource: string | null;
  /** For `make`: the target (the first when none is named). */
  makeTarget?: string;
  /** For `inv`: the tasks of the program (a tasks.py) it runs. */
  invokeTasks?: string[];
  /** The word that runs the program when it is not the program's own name (a console script). */
  runAs?: string;
  /** The command's path holds no such program: the repo's one code file of that name stands for it. */
  locatedByName?: boolean;
  /** The README has the reader edit a setting by hand and run the step again (hand-edits.ts). */
  handEdit?: string;
}

export type TopStep = Omit<Step, "order" | "parent" | "repeat" | "repeatSource"> & {
  repeat?: number;
  repeatSource?: string | null;
};

const MAX_DEPTH = 4;
/** A path the reader is to fill in: `path/to/x.py`, `<your_script>.sh`, `configs/xxx.yaml`, `{model}.py`. */
const PLACEHOLDER = /(?:^|\/)path\/to\/|[<>{}]|(?:^|[/_.-])(?:xxx+|your[_-]?\w*|my[_-]\w+)(?=[/_.-]|$)/i;

function isPlaceholder(path: string): boolean {
  return PLACEHOLDER.test(path) || isPlaceholderWord(path);
}
const MAX_STEPS = 5000;

/** The repo file a shell command runs: its script from the folder it runs in, from the calling script's
 * folder, or as written from the root; a `-m` module's file; null for an outside tool (an installed module). */
export function programOf(command: ShellCommand, view: RepoView, scriptFolder: string | null): string | null {
  const modules = command.module !== undefined && isInstalledModule(command.module, view) ? [] : command.moduleFiles;
  const candidates = [
    ...command.scriptCandidates,
    ...(command.script && scriptFolder !== null
      ? [joinRel(scriptFolder, command.script.slice(command.script.lastIndexOf("/") + 1))]
      : []),
    ...modules,
  ];
  const found = candidates.find((c) => view.has(c));
  if (found) return found;
  if (command.makeTarget !== undefined) return command.scriptCandidates[0] ?? "Makefile";
  if (command.invokeTasks !== undefined) return joinRel(scriptFolder ?? "", "tasks.py");
  return command.scriptCandidates[0] ?? modules[0] ?? null;
}

const CODE_FILE = /\.(?:py|ipynb|sh|bash)$/;
const byBaseName = new WeakMap<RepoView, Map<string, string[]>>();

/** The repo's one code file named like `path` (its base name), or null when there is none or several. */
function onlyCodeFileNamed(view: RepoView, path: string): string | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (!CODE_FILE.test(base)) return null;
  let names = byBaseName.get(view);
  if (!names) {
    names = new Map();
    for (const f of view.files()) {
      const name = f.path.slice(f.path.lastIndexOf("/") + 1);
      if (CODE_FILE.test(name)) (names.get(name) ?? names.set(name, []).get(name)!).push(f.path);
    }
    byBaseName.set(view, names);
  }
  const found = names.get(base) ?? [];
  return found.length === 1 ? found[0]! : null;
}

/** The repo's one code file whose path ends with `path`'s folders and name, or null (none, several, no folder). */
function onlyCodeFileEndingWith(view: RepoView, path: string): string | null {
  if (!path.includes("/") || path.startsWith("..") || !CODE_FILE.test(path)) return null;
  const found = view.files().filter((f) => f.path.endsWith(`/${path}`));
  return found.length === 1 ? found[0]!.path : null;
}

/** The draft of one script a globbed step runs: that script, the glob's word in the command replaced by its name. */
function globbedStep(draft: Omit<Step, "order">, path: string): Omit<Step, "order"> {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const command = draft.command.replace(
    /(\S*\/)?[^\s/]*[*?][^\s/]*(?=\s|$)/,
    (_w, folder: string | undefined) => `${folder ?? ""}${name}`,
  );
  return { ...draft, command, program: path };
}

/** Lays the steps out in order, expanding what each runs. */
export class StepList {
  readonly steps: Step[] = [];
  /** Scripts that steps' files write (heredocs, echo lines), by the path they land at: a later step may run one. */
  private readonly written = new Map<string, { file: string; lines: Array<{ line: number; text: string }> }>();

  constructor(
    private readonly view: RepoView,
    private readonly env: ShellEnv,
  ) {}

  /** Notes the scripts `file`'s lines write when run from `cwd`, and returns the lines that are data (heredoc
   * bodies), to be read as no commands. */
  noteWrites(file: string, text: string, cwd: string): ReadonlySet<number> {
    const { scripts, bodyLines } = scriptWrites(text);
    for (const s of scripts) this.written.set(joinRel(cwd, s.path), { file, lines: s.lines });
    return bodyLines;
  }

  add(top: TopStep): void {
    this.push({ ...top, parent: null, repeat: top.repeat ?? 1, repeatSource: top.repeatSource ?? null }, 0, new Set());
  }

  private push(draft: Omit<Step, "order">, depth: number, chain: ReadonlySet<string>): void {
    if (this.steps.length >= MAX_STEPS) return;
    // `./run_1_*.sh`: each committed script the glob matches, in the shell's order.
    const globbed =
      draft.program !== null && !this.view.has(draft.program) ? globbedScripts(this.view, draft.program) : [];
    if (globbed.length > 0) {
      for (const path of globbed) this.push(globbedStep(draft, path), depth, chain);
      return;
    }
    const written = draft.program !== null && isPlaceholder(draft.program) ? null : draft.program;
    // A command off by a folder (`python predict.py`, the file in a/src/) still runs that file for a stranger who finds it.
    // So does one named by its tail (`script/run.sh` for input/training/script/run.sh), where one file ends so.
    const named =
      written !== null && !this.view.has(written)
        ? (onlyCodeFileEndingWith(this.view, written) ?? onlyCodeFileNamed(this.view, written))
        : null;
    const step: Step = {
      order: this.steps.length + 1,
      ...draft,
      program: named ?? written,
      ...(named !== null ? { locatedByName: true } : {}),
    };
    this.steps.push(step);
    const program = step.program;
    if (program === null || chain.has(program) || depth >= MAX_DEPTH) return;
    const generated = this.view.has(program) ? undefined : this.written.get(program);
    // A script an earlier step wrote: its lines, read where they were written.
    if (generated && /\.(?:sh|bash)$/.test(program)) {
      const body = shellLines(generated.lines.map((l) => l.text).join("\n"));
      const at = (n: number) => generated.lines[n - 1]?.line ?? n;
      const lines = body.map((l) => ({
        ...l,
        line: at(l.line),
        loopLine: l.loopLine === null ? null : at(l.loopLine),
      }));
      const folder = program.includes("/") ? program.slice(0, program.lastIndexOf("/")) : "";
      this.expandLines(step, generated.file, lines, folder, depth, new Set(chain).add(program));
      return;
    }
    if (!this.view.has(program)) return;
    const inner = new Set(chain).add(program);
    // sbatch runs its script as a shell script whatever its name (`job.slurm`).
    if (/\.(?:sh|bash)$/.test(program) || submitsScript(step.command)) this.expandShell(step, program, depth, inner);
    else if (step.makeTarget !== undefined) this.expandMake(step, program, depth, inner);
    else if (step.invokeTasks !== undefined) this.expandInvoke(step, program, depth, inner);
    else if (program.endsWith(".ipynb")) this.expandNotebook(step, program, depth, inner);
    else if (program.endsWith(".py")) this.expandLaunches(step, program, depth, inner);
  }

  /** The scripts a Python program launches (`subprocess.run([...], cwd=d)`, `os.chdir(d); os.system(...)`), each
   * a step in the folder it runs in; where the code computes that folder, the one folder holding a script of
   * that name is it. A launch of nothing the repo holds is no step. */
  private expandLaunches(parent: Step, program: string, depth: number, chain: ReadonlySet<string>): void {
    const text = this.view.read(program);
    if (text === null) return;
    const folder = program.includes("/") ? program.slice(0, program.lastIndexOf("/")) : "";
    const byText = new Map<string, Step>();
    for (const launch of launchedCommands(text)) {
      const start =
        launch.folder === undefined ? parent.cwd : launch.folder === null ? null : joinRel(parent.cwd, launch.folder);
      for (const { command, cwd } of this.chain(launch.command, start ?? parent.cwd).commands) {
        if (command.script === null) continue;
        const known = start !== null && !cwd.includes("*");
        const found = known ? programOf(command, this.view, folder) : null;
        const target =
          found !== null && this.view.has(found) ? found : known ? null : onlyCodeFileNamed(this.view, command.script);
        if (target === null || !this.view.has(target)) continue;
        // The same command launched again (folds spelled out one by one): one step run once more.
        const key = `${cwd}\0${command.command}`;
        const same = byText.get(key);
        if (same) {
          same.repeat += parent.repeat;
          same.repeatSource ??= `${program}:${launch.line}`;
          continue;
        }
        const before = this.steps.length;
        this.push(
          {
            file: program,
            line: launch.line,
            source: "code",
            parent: parent.order,
            cwd: known ? cwd : target.includes("/") ? target.slice(0, target.lastIndexOf("/")) : "",
            command: command.command,
            program: target,
            purpose: command.purpose,
            repeat: parent.repeat,
            repeatSource: parent.repeatSource,
          },
          depth + 1,
          chain,
        );
        if (this.steps.length > before) byText.set(key, this.steps[before]!);
      }
    }
  }

  /** A line's commands chained by `&&` or `;`, each read from where the ones before it left the shell, and
   * where the last leaves it; a line of one command is read whole. */
  private chain(text: string, cwd: string): { commands: Array<{ command: ShellCommand; cwd: string }>; cwd: string } {
    const parts = chainedCommands(text);
    const commands: Array<{ command: ShellCommand; cwd: string }> = [];
    let at = cwd;
    for (const part of parts.length > 1 ? parts : [text]) {
      const { command, cwd: after } = interpretLine(part, at, this.env);
      at = after;
      if (command) commands.push({ command, cwd: after });
    }
    return { commands, cwd: at };
  }

  /** A script's lines run from the folder the step runs it in. */
  private expandShell(parent: Step, script: string, depth: number, chain: ReadonlySet<string>): void {
    const text = this.view.read(script);
    if (text === null) return;
    const folder = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "";
    // A heredoc's body is what the script writes, not what it runs: blanked, its line numbers kept.
    const data = this.noteWrites(script, text, parent.cwd);
    const code =
      data.size === 0
        ? text
        : text
            .split("\n")
            .map((l, i) => (data.has(i + 1) ? "" : l))
            .join("\n");
    this.expandLines(parent, script, shellLines(code), folder, depth, chain);
  }

  /** Lines of `script` (or of what it wrote) run from the folder the step runs it in; identical lines add to one step's repeat. */
  private expandLines(
    parent: Step,
    script: string,
    lines: readonly ShellLine[],
    folder: string,
    depth: number,
    chain: ReadonlySet<string>,
  ): void {
    let cwd = parent.cwd;
    const byText = new Map<string, Step>();
    // `cd "$(dirname "$0")"` and the like move to the script's own folder.
    const read = scriptLineReader(folder, this.env);
    for (const line of lines) {
      const { command, cwd: after } = read(line.text, cwd);
      const at = cwd;
      cwd = after;
      if (!command) continue;
      const key = `${at}\0${command.command}`;
      const same = byText.get(key);
      if (same && same.parent === parent.order) {
        // A repeated line: the step runs once more (its children keep their own counts).
        same.repeat += parent.repeat * line.repeat;
        same.repeatSource ??= `${script}:${line.line}`;
        continue;
      }
      const before = this.steps.length;
      this.push(
        {
          file: script,
          line: line.line,
          source: "shell",
          parent: parent.order,
          cwd: after,
          command: command.command,
          program: programOf(command, this.view, folder),
          purpose: command.purpose,
          repeat: parent.repeat * line.repeat,
          repeatSource: line.loopLine !== null ? `${script}:${line.loopLine}` : parent.repeatSource,
          ...(command.makeTarget !== undefined ? { makeTarget: command.makeTarget } : {}),
          ...(command.invokeTasks !== undefined ? { invokeTasks: command.invokeTasks } : {}),
        },
        depth + 1,
        chain,
      );
      if (this.steps.length > before) byText.set(key, this.steps[before]!);
    }
  }

  private expandMake(parent: Step, makefile: string, depth: number, chain: ReadonlySet<string>): void {
    const text = this.view.read(makefile);
    if (text === null) return;
    const folder = makefile.includes("/") ? makefile.slice(0, makefile.lastIndexOf("/")) : "";
    // A bare `make` runs the default goal, or the pipeline target where that goal only prints help.
    const readme = /^readme/.test(parent.source)
      ? parent.file
      : this.view.files().find((f) => /^readme(?:\.\w+)?$/i.test(f.path))?.path;
    const target = parent.makeTarget || makeGoal(text, readme ? (this.view.read(readme) ?? "") : "");
    for (const line of makeRecipe(text, target, makeArguments(parent.command))) {
      // Each recipe line runs in its own shell, from the Makefile's folder.
      const { command, cwd } = interpretLine(line.text, folder, this.env);
      if (!command) continue;
      this.push(
        {
          file: makefile,
          line: line.line,
          source: "make",
          parent: parent.order,
          cwd,
          command: command.command,
          program: programOf(command, this.view, folder),
          purpose: command.purpose,
          repeat: parent.repeat,
          repeatSource: parent.repeatSource,
        },
        depth + 1,
        chain,
      );
    }
  }

  /** The commands an `inv` step's tasks run (tasks.py's `c.run(...)`), each a step from the tasks file's folder. */
  private expandInvoke(parent: Step, tasks: string, depth: number, chain: ReadonlySet<string>): void {
    const text = this.view.read(tasks);
    if (text === null) return;
    const folder = tasks.includes("/") ? tasks.slice(0, tasks.lastIndexOf("/")) : "";
    for (const line of invokeRuns(text, parent.invokeTasks ?? []))
      for (const { command, cwd } of this.chain(line.text, folder).commands)
        this.push(
          {
            file: tasks,
            line: line.line,
            source: "shell",
            parent: parent.order,
            cwd,
            command: command.command,
            program: programOf(command, this.view, folder),
            purpose: command.purpose,
            repeat: parent.repeat,
            repeatSource: parent.repeatSource,
          },
          depth + 1,
          chain,
        );
  }

  /** A notebook's `!python x.py`, `%run x.py` and `os.system(...)`/`subprocess` lines run from the notebook's
   * folder, in cell order; a launch of nothing the repo holds is no step. */
  private expandNotebook(parent: Step, notebook: string, depth: number, chain: ReadonlySet<string>): void {
    const text = this.view.read(notebook);
    const flat = text === null ? null : flattenNotebook(text);
    if (!flat?.ok) return;
    const folder = notebook.includes("/") ? notebook.slice(0, notebook.lastIndexOf("/")) : "";
    let cwd = folder;
    for (const entry of notebookRuns(flat.notebook)) {
      const launched = entry.launched === true;
      if (entry.folder === null) continue;
      // A launch runs where the kernel stands, moved by the `os.chdir` calls before it.
      const start = entry.folder === undefined ? cwd : joinRel(cwd, entry.folder);
      const { commands, cwd: after } = this.chain(entry.text, start);
      // `!cd x` runs in a shell of its own: only `%cd` (or automagic `cd`) moves the notebook.
      if (!entry.subshell) cwd = after;
      const at = flat.notebook.lineMap[entry.line - 1];
      for (const { command, cwd: ran } of commands) {
        const program = programOf(command, this.view, folder);
        if (launched && (program === null || !this.view.has(program))) continue;
        this.push(
          {
            file: notebook,
            line: entry.line,
            ...(at ? { cell: at.cell, cellLine: at.cellLine } : {}),
            source: "notebook",
            parent: parent.order,
            cwd: ran,
            command: command.command,
            program,
            purpose: command.purpose,
            repeat: parent.repeat,
            repeatSource: parent.repeatSource,
          },
          depth + 1,
          chain,
        );
      }
    }
  }
}
