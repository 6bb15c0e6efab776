// Reach: the code files each step runs, the local modules they import (transitively) and the scripts they
// call (`subprocess`/`os.system` with a literal; a called shell script's own lines), each file once, under
// the first step that reaches it.
import type { RepoView } from "../../../model/repo-view.js";
import { commandWords, interpretLine, isLocal, joinRel, type ShellEnv } from "../../shell/readme-commands.js";
import { resolveImport, type RepoPythonIndex } from "../../python/repo-index.js";
import { programOf, type Step } from "./steps.js";
import { shellLines } from "./shell-lines.js";
import { scriptLineReader } from "../../shell/script-folder.js";
import { mainOnlySpans, spansText, uncalledSpans } from "./main-only.js";
import { flattenNotebook } from "../../view/notebook.js";
import { dynamicImports, type ModuleTree } from "../../python/dynamic-imports.js";
import { argsAfter } from "./arguments.js";
import { installedRoots } from "./installed-roots.js";
import { sysPathFolders } from "../../python/sys-path-folders.js";
import { ruledOutSpans } from "./ruled-out.js";
import { stepOptionValues } from "./option-values.js";
import { textGiver, textSetter, unsetFlagSpans } from "./unset-flags.js";
import { configFlagSpans } from "./config-flags.js";
import type { Span } from "./main-only.js";

export interface Reach {
  file: string;
  step: number;
  via: "runs" | "calls" | "imports";
  from: string | null;
  /** For a module the steps only import: the lines that run only when it is run itself ("12-20,31-40"). */
  mainOnly?: string;
  /** The lines of top-level functions nothing calls ("12-20,31-40"): no step runs them. */
  uncalled?: string;
  /** The lines of branches the documented arguments rule out ("12-20,31-40"), and why in words. */
  ruledOut?: string;
  ruledOutWhy?: string;
}

const CODE = /\.(?:py|pyw|ipynb|sh|bash)$/;
/** The most steps whose walks are each followed to the end (a module's steps known): the walks cost steps x files. */
const MAX_WALKED_STEPS = 40;

/** The config files a step loads (its arguments' and those its program composes or defaults to). */
export type ConfigsOfStep = (step: Step) => readonly string[];

export function reachOf(
  steps: readonly Step[],
  index: RepoPythonIndex,
  view: RepoView,
  env: ShellEnv,
  configsOf: ConfigsOfStep = () => [],
): Reach[] {
  const reached = new Map<string, Reach>();
  /** Files some step runs or calls, though another step may have reached them first by an import. */
  const ranItself = new Set<string>();
  const tree = moduleTree(view);
  const installed = installedRoots(steps, view).roots;
  /** Each Python file with the steps that reach it (each step's own walk), for the values their arguments give. */
  const stepsOf = new Map<string, Step[]>();
  // Each step walks every file it reaches while there are few steps; past that, a file is walked once, and which
  // steps reach a module is not known (no branch is ruled out).
  const perStep = steps.length <= MAX_WALKED_STEPS;
  // Branches behind a flag parameter nothing sets, per file: what they import is not walked.
  const flagged = flagSpansOf(index, view);
  for (const step of steps) {
    if (step.program === null || !view.has(step.program) || !CODE.test(step.program)) continue;
    const args = argsAfter(step.command, step.program, step.runAs);
    // sys.path is the process's: a folder the script (or a module it imports) appends serves every later import.
    const searchPath = pythonPath(step);
    const queue: Reach[] = [{ file: step.program, step: step.order, via: "runs", from: null }];
    // A file another step reached first is walked again for this one: which steps reach a module matters.
    const walked = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next.via !== "imports") ranItself.add(next.file);
      if (walked.has(next.file) || (!perStep && reached.has(next.file))) continue;
      walked.add(next.file);
      (stepsOf.get(next.file) ?? stepsOf.set(next.file, []).get(next.file)!).push(step);
      if (!reached.has(next.file)) reached.set(next.file, next);
      const file = next.file;
      const add = (target: string, via: Reach["via"]) => {
        if ((!walked.has(target) && (perStep || !reached.has(target))) || via !== "imports")
          queue.push({ file: target, step: step.order, via, from: file });
      };
      if (/\.(?:sh|bash)$/.test(file)) {
        // A called script's lines: only for scripts no step expands (a step's own script has child steps).
        if (next.via === "calls") for (const target of calledByShell(view, file, step.cwd, env)) add(target, "calls");
        continue;
      }
      const py = index.byPath.get(file);
      if (!py) continue;
      const text = view.read(file) ?? "";
      for (const folder of sysPathFolders(text, file, step.cwd, (p) => view.isDir(p)))
        if (!searchPath.includes(folder)) searchPath.push(folder);
      const off = flagged(file, text);
      for (const imp of py.imports) {
        if (off.some(({ span: [from, to] }) => imp.line >= from && imp.line <= to)) continue;
        for (const target of resolveImport(index, file, imp, searchPath, installed)) add(target, "imports");
      }
      // A module loaded by a name the step's arguments give (a config by name), or every one it may be.
      if (/import_module\(|__import__\(/.test(text))
        for (const target of dynamicImports(text, folderOf(file), step.cwd, args, tree, (p) => view.read(p)))
          add(target, "imports");
      for (const s of py.shellStrings) {
        const { command } = interpretLine(s.value, step.cwd, env);
        const target = command
          ? programOf(command, view, file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "")
          : null;
        if (target && view.has(target) && CODE.test(target)) add(target, "calls");
      }
    }
  }
  markMainOnly([...reached.values()], ranItself, index, view);
  markRuledOut([...reached.values()], perStep ? stepsOf : new Map(), index, view, flagged, configsOf);
  return [...reached.values()];
}

/** Each Python file's branches behind a flag parameter no code sets (unset-flags.ts), read once per file; the
 * repo's Python texts are read only when a file has such a branch to check. */
function flagSpansOf(
  index: RepoPythonIndex,
  view: RepoView,
): (file: string, text: string) => Array<{ span: Span; why: string }> {
  const cache = new Map<string, Array<{ span: Span; why: string }>>();
  let files: Array<{ file: string; text: string }> | null = null;
  const sources = () =>
    (files ??= [...index.byPath.keys()]
      .filter((f) => /\.pyw?$/.test(f))
      .map((f) => ({ file: f, text: view.read(f) ?? "" })));
  const setter = textSetter(() => sources().map((s) => s.text));
  const giver = textGiver(sources);
  return (file, text) => {
    if (!cache.has(file))
      cache.set(
        file,
        /^\s*(?:if|elif)\b/m.test(text) && /=\s*(?:False|None)\b/.test(text) ? unsetFlagSpans(text, setter, giver) : [],
      );
    return cache.get(file)!;
  };
}

/** Each module only imported: the lines its `__main__` block and the functions only that block calls hold. */
function markMainOnly(reach: Reach[], ranItself: ReadonlySet<string>, index: RepoPythonIndex, view: RepoView): void {
  const texts = new Map<string, string>();
  const textOf = (file: string) => texts.get(file) ?? texts.set(file, view.read(file) ?? "").get(file)!;
  for (const r of reach) {
    if (r.via !== "imports" || ranItself.has(r.file) || !/\.pyw?$/.test(r.file) || !index.byPath.get(r.file)?.hasMain)
      continue;
    // Another reached file that imports the name or calls it may run the function whatever the guard says.
    const usedElsewhere = (name: string) => {
      const call = new RegExp(`(?:^|[^\\w])${name}\\s*\\(`, "m");
      return reach.some(
        (o) =>
          o.file !== r.file &&
          (index.byPath.get(o.file)?.imports.some((i) => i.names.includes(name)) === true || call.test(textOf(o.file))),
      );
    };
    const spans = mainOnlySpans(textOf(r.file), usedElsewhere);
    if (spans.length > 0) r.mainOnly = spansText(spans);
  }
  markUncalled(reach, index, textOf);
}

/** Each reached Python file or notebook: the top-level functions no line of it and no other reached file names. */
function markUncalled(reach: Reach[], index: RepoPythonIndex, rawText: (file: string) => string): void {
  const files = [...new Set(reach.map((r) => r.file))];
  // A notebook's cells as one Python text, whose lines are the ones its findings name.
  const flat = new Map<string, string>();
  const textOf = (file: string): string => {
    if (!file.endsWith(".ipynb")) return rawText(file);
    if (!flat.has(file)) {
      const nb = flattenNotebook(rawText(file));
      flat.set(file, nb.ok ? nb.notebook.text : "");
    }
    return flat.get(file)!;
  };
  const named = (file: string, name: string) => {
    const word = new RegExp(`(?<!\\w)${name}(?!\\w)`, "m");
    const ownDef = new RegExp(`^(?:(?:async\\s+)?def|class)\\s+${name}\\b`, "m");
    // A file that imports the name, or uses it without a `def` of its own (a helper copied between notebooks
    // calls its own copy).
    return files.some(
      (o) =>
        o !== file &&
        (index.byPath.get(o)?.imports.some((i) => i.names.includes(name)) === true ||
          (word.test(textOf(o)) && !ownDef.test(textOf(o)))),
    );
  };
  for (const r of reach) {
    if (!/\.(?:pyw?|ipynb)$/.test(r.file)) continue;
    const spans = uncalledSpans(textOf(r.file), (name) => named(r.file, name));
    if (spans.length > 0) r.uncalled = spansText(spans);
  }
}

/** Each reached Python file: the branches no value the steps that reach it give an option can enter. */
function markRuledOut(
  reach: Reach[],
  stepsOf: ReadonlyMap<string, readonly Step[]>,
  index: RepoPythonIndex,
  view: RepoView,
  flagged: (file: string, text: string) => Array<{ span: Span; why: string }>,
  configsOf: ConfigsOfStep,
): void {
  const files = new Map<Step, string[]>();
  for (const [file, steps] of stepsOf)
    for (const step of steps) (files.get(step) ?? files.set(step, []).get(step)!).push(file);
  const filesOf = (step: Step) => files.get(step) ?? [];
  for (const r of reach) {
    if (!/\.pyw?$/.test(r.file)) continue;
    const text = view.read(r.file) ?? "";
    if (!/^\s*(?:if|elif)\b/m.test(text)) continue;
    const steps = stepsOf.get(r.file);
    const spans = [
      ...(steps ? ruledOutSpans(text, (option) => stepOptionValues(option, steps, index, filesOf)) : []),
      ...flagged(r.file, text),
      ...(steps
        ? configFlagSpans(text, () =>
            steps.map((step) => ({
              configs: configsOf(step).map((path) => ({ path, text: view.read(path) ?? "" })),
              args: argsAfter(step.command, step.program, step.runAs),
            })),
          )
        : []),
    ].sort((a, b) => a.span[0] - b.span[0]);
    if (spans.length === 0) continue;
    r.ruledOut = spansText(spans.map((s) => s.span));
    r.ruledOutWhy = [...new Set(spans.map((s) => s.why))].join("; ");
  }
}

/** The repo folders a step's `PYTHONPATH=a:b` prefix puts on the import path, from the folder it runs in
 * (`$PYTHONPATH`, absolute and home paths name nothing of the repo). */
export function pythonPath(step: Step): string[] {
  const value = commandWords(step.command)?.assignments["PYTHONPATH"];
  if (value === undefined) return [];
  return value
    .split(":")
    .map((p) => p.replace(/^\$\{?PWD\}?|^\$\(pwd\)|^`pwd`/, "."))
    .filter((p) => p !== "" && isLocal(p))
    .map((p) => joinRel(step.cwd === "." ? "" : step.cwd, p))
    .filter((p) => !p.startsWith(".."));
}

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");

/** The repo's Python modules by folder, built on first use. */
function moduleTree(view: RepoView): ModuleTree {
  let byFolder: Map<string, string[]> | null = null;
  const modules = (folder: string): string[] => {
    if (byFolder === null) {
      byFolder = new Map();
      for (const f of view.files())
        if (!f.skipped && /\.py$/.test(f.path))
          (byFolder.get(folderOf(f.path)) ?? byFolder.set(folderOf(f.path), []).get(folderOf(f.path))!).push(f.path);
    }
    return byFolder.get(folder) ?? [];
  };
  return { has: (p) => view.has(p), isDir: (p) => view.isDir(p), modules };
}

/** The code files a shell script's lines run. */
function calledByShell(view: RepoView, script: string, cwd: string, env: ShellEnv): string[] {
  const text = view.read(script);
  if (text === null) return [];
  const folder = script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "";
  const out: string[] = [];
  let at = cwd;
  const read = scriptLineReader(folder, env);
  for (const line of shellLines(text)) {
    const { command, cwd: after } = read(line.text, at);
    at = after;
    const target = command ? programOf(command, view, folder) : null;
    if (target && view.has(target) && CODE.test(target)) out.push(target);
  }
  return out;
}
