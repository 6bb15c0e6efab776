// Fact family `rerun-plan`: what a stranger's rerun executes, in order (steps), the code files it runs and
// imports (reach), the files it reads and writes (io), and what the plan rests on (summary).
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import type { Extractor } from "../../extractor.js";
import { preparePythonIndex, reachableFrom, sourceOf, type RepoPythonIndex } from "../../python/repo-index.js";
import { containerFolderOf } from "../../shell/container-mounts.js";
import {
  commandWords,
  interpretLine,
  isUnplaced,
  joinRel,
  PYTHON_RUNNER,
  type ShellEnv,
} from "../../shell/readme-commands.js";
import { ownRunnerModules } from "../../shell/readme-scripts.js";
import type { PyFileIndex } from "../../python/file-index.js";
import { argsAfter, givenOptions, launcherArgs, rejectedArgument, type ParserView } from "./arguments.js";
import { configsBeside, missingConfigArguments, writes } from "./missing-configs.js";
import { recipeInputRecords } from "./recipe-inputs.js";
import { ioOf } from "./io.js";
import { defaultConfigs, joinFrom, parserOf } from "./parser-view.js";
import { functionParser, rejectedByFunction, type FunctionParser } from "./function-parsers.js";
import {
  configNameArgument,
  hydraMainConfig,
  hydraTree,
  rejectedOverride,
  unsetMandatory,
  type HydraFiles,
  type HydraTree,
} from "./hydra-overrides.js";
import { readsUnassigned } from "./mandatory-reads.js";
import { hydraConfigFiles } from "./hydra-configs.js";
import { proseSteps } from "./prose-steps.js";
import { applyHandEdits, handEdits } from "./hand-edits.js";
import { pythonPath, reachOf } from "./reach.js";
import { importsOffPath, repoSetsPythonPath } from "./imports-off-path.js";
import { installedRoots } from "./installed-roots.js";
import { projectSpecs, type ProjectSpec } from "../../python/spec-roots.js";
import { imageSearchPath } from "./image-path.js";
import { programOf, StepList, type Step, type TopStep } from "./steps.js";
import { isModelName, ONE_FOLD, trainingValues } from "./training-values.js";
import { configValues } from "../../python/config-lines.js";
import { compareText } from "../../../model/text-order.js";
import { cellInversion, inversionWords } from "./cell-order.js";
import type { Reach } from "./reach.js";
import { planPurposes } from "./plan-purposes.js";
import { unsetOptionVariables } from "./unset-variables.js";

export const extractor: Extractor = {
  id: "rerun-plan",
  reads: ["readme", "kaggle-kernel", "training", "data-refs", "env-spec"],
  roles: [
    "readme",
    "docs",
    "shell",
    "makefile",
    "python",
    "notebook",
    "config",
    "setup",
    "pyproject",
    "kernel-metadata",
    "text",
    "requirements",
  ],
  async extract(ctx) {
    const { view, facts } = ctx;
    const index = await preparePythonIndex(view);
    const runners = ownRunnerModules(view);
    const env: ShellEnv = {
      isDir: (p) => view.isDir(p),
      runners: new Set(runners.keys()),
      containerFolder: containerFolderOf(view),
    };
    const list = new StepList(view, env);
    // 1. The README's steps: its code blocks (as the readme family read them) and its prose steps.
    const readmeData = (file: string, folder: string) => list.noteWrites(file, view.read(file) ?? "", folder);
    for (const top of readmeSteps(view, facts.families["readme"] ?? [], runners, env, readmeData)) list.add(top);
    const runsRepoFile = () => list.steps.some((s) => s.program !== null && view.has(s.program));
    let basis: "readme" | "scripts" | "kernel" | "notebook" | "none" = runsRepoFile() ? "readme" : "none";
    // 2. No README step runs the repo's code: the root's shell scripts and Makefile, else the Kaggle kernel.
    if (basis === "none") {
      for (const top of rootScriptSteps(view, env)) list.add(top);
      if (runsRepoFile()) basis = "scripts";
    }
    if (basis === "none") {
      for (const r of facts.families["kaggle-kernel"] ?? []) {
        if (r.kind !== "code-file" || typeof r.value !== "string") continue;
        const tool = r.value.endsWith(".ipynb") ? "jupyter nbconvert --to notebook --execute" : "python";
        const folder = r.value.includes("/") ? r.value.slice(0, r.value.lastIndexOf("/")) : "";
        list.add({
          file: String(r.file),
          line: Number(r.line ?? 1),
          source: "kernel",
          cwd: folder,
          command: `${tool} ${r.value}`,
          program: r.value,
          purpose: /infer|predict|submi/i.test(r.value) ? "predict" : "train",
        });
      }
      if (runsRepoFile()) basis = "kernel";
    }
    // 3. Nothing else orders the pipeline: the notebook that chains the repo's scripts, in cell order.
    if (basis === "none") {
      for (const top of driverNotebookSteps(view, env)) list.add(top);
      if (runsRepoFile()) basis = "notebook";
    }
    const steps = list.steps;
    settlePurposes(steps);
    // Reruns the README asks for by hand ("change FOLD in config.py to 1..4 and rerun") count as a loop's would.
    for (const doc of (facts.families["readme"] ?? []).filter((r) => r.kind === "readme"))
      applyHandEdits(steps, String(doc.file), handEdits(view.read(String(doc.file)) ?? ""));
    // 4. Each step's arguments, configs and training; then reach and io.
    const hints = byFile(facts.families["training"] ?? []);
    const programs = new Map<string, ProgramView>();
    const programOfStep = (path: string) =>
      programs.get(path) ?? programs.set(path, programView(path, view, index)).get(path)!;
    const records: FactRecord[] = steps.map((step) => stepRecord(step, view, programOfStep, hints));
    // A script line that passes a variable nothing sets as an option's value (`--output_dir $output_dir`).
    for (const [i, unset] of unsetOptionVariables(steps, (p) => view.read(p))) records[i]!.unsetVariables = unset;
    // Scripts run by path whose imports of the repo's own packages Python will not find from their folder
    // (the repo's files are read for a PYTHONPATH only when some step has such imports: one listing at most).
    const installed = installedRoots(steps, view);
    // The environment's image may put the working folder on PYTHONPATH (Kaggle's), or set a path we cannot know.
    const image = imageSearchPath(facts.families["env-spec"] ?? []);
    const imagePath = (step: Step) => (image.workingFolder !== null ? [step.cwd === "." ? "" : step.cwd] : []);
    // A project whose spec would make them importable, but which no step installs: its install is what is missing.
    let lacking: ProjectSpec[] | null = null;
    const uninstalled = () => (lacking ??= projectSpecs(view).filter((p) => !installed.projects.has(p.folder)));
    const offPath = steps.map((step) =>
      importsOffPath(step, index, view, [...pythonPath(step), ...imagePath(step)], installed.roots, uninstalled),
    );
    if (offPath.some((o) => o !== null) && !repoSetsPythonPath(view))
      offPath.forEach((off, i) => {
        if (!off) return;
        Object.assign(records[i]!, { importsOffPath: off.imports.join(", "), searchedFolder: off.searched });
        if (off.uninstalled) records[i]!.uninstalledProject = off.uninstalled;
        if (image.unknown !== null) records[i]!.imageUnknown = image.unknown;
      });
    // The configs each step loads: those its record lists, and those a hydra program composes for its words.
    const configsOf = (step: Step): string[] => {
      const listed = String(records[steps.indexOf(step)]?.configs ?? "")
        .split(",")
        .filter((c) => c !== "");
      const program = step.program;
      const composed =
        program !== null && /\.py$/.test(program) && view.has(program)
          ? (hydraConfigFiles(
              view.read(program) ?? "",
              program,
              argsAfter(step.command, program, step.runAs),
              hydraFiles(view),
            ) ?? [])
          : [];
      return [...new Set([...listed, ...composed])];
    };
    const reach = reachOf(steps, index, view, env, configsOf);
    for (const r of reach)
      records.push({
        kind: "reach",
        file: r.file,
        step: r.step,
        via: r.via,
        from: r.from,
        ...(r.mainOnly ? { mainOnly: r.mainOnly } : {}),
        ...(r.uncalled ? { uncalled: r.uncalled } : {}),
        ...(r.ruledOut ? { ruledOut: r.ruledOut, ruledOutWhy: r.ruledOutWhy } : {}),
      });
    const io = ioOf(reach, steps, index, facts.families["data-refs"] ?? [], {
      isDir: (p) => view.isDir(p),
      text: (file) => sourceOf(view, file)?.text ?? null,
    });
    for (const item of io) records.push(item);
    // A config a step passes that an earlier step writes is the pipeline's own, not missing.
    const written = io.flatMap((r) => (r.mode === "write" && typeof r.path === "string" ? [r.path] : []));
    for (const r of records) {
      if (typeof r.missingConfig !== "string" || !written.some((w) => writes(w, String(r.missingConfig)))) continue;
      delete r.missingConfig;
      delete r.configsBeside;
    }
    // A dump or seed a reached Makefile target copies or loads as it is (`make db`: `cp out.pgsql db/`).
    for (const item of recipeInputRecords(steps, view, written)) records.push(item);
    for (const item of cellOrderRecords(reach, view, index)) records.push(item);
    // A plan whose training runs only scripts the repo lacks (`python train_v2.py` beside train.py) cannot say
    // which code is off the rerun path: the training a reader would run is not among its steps.
    const trains = steps.filter((s) => s.purpose === "train" && s.program !== null);
    const lostTraining = trains.length > 0 && trains.every((s) => !view.has(s.program!)) ? trains[0]!.program : null;
    // A plan of only a download or a launcher (`bash download.sh`, `tensorboard.sh`), no Python step and no
    // training or prediction, beside the repo's training scripts: it is not the rerun, it only starts it.
    const trainingScripts = trains.length === 0 && !ranPython(steps) ? trainingScriptsOf(view) : [];
    const found = basis !== "none" && lostTraining === null && trainingScripts.length === 0;
    const what =
      steps.length === 0
        ? "no README step, root shell script, Makefile or kernel-metadata.json"
        : lostTraining !== null
          ? `the training step runs ${lostTraining}, which the repo lacks`
          : trainingScripts.length > 0
            ? `its steps run no training (${[...new Set(steps.flatMap((s) => (s.program ? [s.program] : [])))].join(", ")}), while ${trainingScripts.join(", ")} ${trainingScripts.length === 1 ? "is" : "are"} there`
            : "no step runs a file of the repo";
    // Whether the README's steps train and predict, however deep their scripts and imports put it.
    const purposes = planPurposes(steps, reach, view);
    records.push({
      kind: "summary",
      found,
      steps: steps.length,
      reached: reach.length,
      basis,
      ...(found ? {} : { what }),
      ...(purposes.train !== null ? { readmeTrains: purposes.train } : {}),
      ...(purposes.predict !== null ? { readmePredicts: purposes.predict } : {}),
    });
    return records;
  },
};

/** Whether a step runs Python or a notebook, or trains or predicts (under any name). */
const ranPython = (steps: readonly Step[]) =>
  steps.some((s) => s.purpose === "train" || s.purpose === "predict" || /\.(?:py|ipynb)$/.test(s.program ?? ""));

/** The repo's scripts named for training (`train.py`, `train_cls.py`, `01_train.ipynb`, `run_train.sh`), outside
 * tests, sorted; at most three. */
function trainingScriptsOf(view: RepoView): string[] {
  return view
    .files()
    .map((f) => f.path)
    .filter(
      (p) =>
        /(?:^|[_\-.\d])(?:train|fit)(?:[_\-.\d]|$)/i.test(
          p.slice(p.lastIndexOf("/") + 1).replace(/\.(?:py|ipynb|sh)$/, ""),
        ) &&
        /\.(?:py|ipynb|sh)$/.test(p) &&
        !/(?:^|\/)tests?\//.test(p),
    )
    .sort()
    .slice(0, 3);
}

/** The README's steps in reading order: each README's commands and prose steps, merged by line. */
function readmeSteps(
  view: RepoView,
  readme: readonly FactRecord[],
  runners: ReadonlyMap<string, string | null>,
  env: ShellEnv,
  /** Notes the scripts a README writes and returns its lines that are data (heredoc bodies). */
  dataLines: (file: string, folder: string) => ReadonlySet<number>,
): TopStep[] {
  const out: TopStep[] = [];
  const byBase = baseNameIndex(view);
  for (const doc of readme.filter((r) => r.kind === "readme")) {
    const file = String(doc.file);
    // A docs/ page the root README never links (a vendored framework's GETTING_STARTED.md) is background, not the
    // solution's procedure: its commands are steps only where the root README gives none of its own.
    if (doc.place === "docs" && doc.linked !== true && out.some((t) => !t.file.includes("/"))) continue;
    // So is a sub-folder README the root never points to (a cheat sheet of API calls) where the root README
    // trains or predicts by its own steps.
    if (
      doc.place === "sub-project" &&
      doc.linked !== true &&
      out.some((t) => !t.file.includes("/") && (t.purpose === "train" || t.purpose === "predict"))
    )
      continue;
    const folder =
      doc.place === "sub-project"
        ? file.slice(0, file.lastIndexOf("/"))
        : typeof doc.runsFrom === "string"
          ? doc.runsFrom
          : "";
    const data = dataLines(file, folder);
    const commands = readme.filter(
      (r) => r.kind === "command" && r.file === file && r.via === undefined && !data.has(Number(r.line)),
    );
    const lines = new Set(commands.map((c) => c.line));
    const tops: TopStep[] = commands.map((c) => commandStep(c, view, runners, env));
    const sections = readme.filter((r) => r.kind === "section" && r.file === file).map((r) => Number(r.line));
    // A prose step runs where the README's blocks left the reader: the folder of the last command before it in its section.
    const carried = (line: number): string => {
      const start = Math.max(0, ...sections.filter((l) => l < line));
      const last = commands.filter((c) => Number(c.line) < line && Number(c.line) > start).pop();
      // A script the prose names runs in its own folder; the reader is not left there.
      return last && typeof last.cwd === "string" && last.named !== true ? last.cwd : folder;
    };
    for (const p of proseSteps(view.read(file) ?? "")) {
      if (lines.has(p.line)) continue;
      const cwd =
        p.folder !== null
          ? ([joinRel(folder, p.folder), joinRel("", p.folder)].find((d) => view.isDir(d)) ?? null)
          : carried(p.line);
      if (cwd === null) continue;
      // A bare file name in prose resolves anywhere in the repo when it is the only one of that name.
      const program =
        [joinRel(cwd, p.script), joinRel(folder, p.script), joinRel("", p.script)].find((c) => view.has(c)) ??
        (p.script.includes("/") ? null : soleNamed(byBase, p.script)) ??
        joinRel(cwd, p.script);
      const parsed = interpretLine(p.command, cwd, env).command;
      tops.push({
        file,
        line: p.line,
        source: "readme-prose",
        cwd,
        command: p.command,
        program,
        purpose: parsed?.purpose ?? "other",
      });
    }
    // A command docs/ repeats from the root README is one step a reader runs once, not two.
    const earlier = new Set(out.filter((t) => t.file !== file).map((t) => `${t.cwd}\0${t.command}`));
    out.push(...tops.sort((a, b) => a.line - b.line).filter((t) => !earlier.has(`${t.cwd}\0${t.command}`)));
  }
  return out;
}

function commandStep(
  c: FactRecord,
  view: RepoView,
  runners: ReadonlyMap<string, string | null>,
  env: ShellEnv,
): TopStep {
  const cwd = typeof c.cwd === "string" ? c.cwd : "";
  const command = String(c.command);
  const parsed = interpretLine(command, "", env).command;
  // `CUDA_VISIBLE_DEVICES=0 aptos train`: the console script the variables are set for.
  const head = commandWords(command)?.argv[0] ?? "";
  const base = {
    file: String(c.file),
    line: Number(c.line),
    cwd,
    command,
    purpose: String(c.purpose),
    // `5x python train.py`: the README's own count of runs.
    ...(typeof c.repeat === "number" ? { repeat: c.repeat, repeatSource: `${String(c.file)}:${String(c.line)}` } : {}),
  };
  const source = c.named === true || c.prose === true ? "readme-prose" : "readme";
  if (parsed?.makeTarget !== undefined) {
    const makefile =
      [joinRel(cwd, "Makefile"), joinRel(cwd, "makefile")].find((m) => view.has(m)) ?? joinRel(cwd, "Makefile");
    return { ...base, source, program: makefile, makeTarget: parsed.makeTarget };
  }
  if (parsed?.invokeTasks !== undefined)
    return { ...base, source, program: joinRel(cwd, "tasks.py"), invokeTasks: parsed.invokeTasks };
  if (typeof c.script === "string") return { ...base, source, program: c.script.replace(/^\.\//, "") };
  if (runners.has(head)) return { ...base, source: "console-script", program: runners.get(head) ?? null, runAs: head };
  return { ...base, source, program: parsed ? programOf(parsed, view, null) : null };
}

const DRIVER_NAME = /^(?:run|main|pipeline)/i;
const MAX_NOTEBOOKS = 50;

/** The notebooks that drive the pipeline: those named run*, main* or pipeline* that run a script of the repo,
 * else the one notebook that runs two or more (`!python a.py`, `os.system('python b.py')`); each a step. */
function driverNotebookSteps(view: RepoView, env: ShellEnv): TopStep[] {
  const notebooks = view
    .files()
    .filter((f) => !f.skipped && f.path.endsWith(".ipynb") && !/(?:^|\/)tests?\//.test(f.path))
    .map((f) => f.path)
    .sort()
    .slice(0, MAX_NOTEBOOKS);
  const stepOf = (path: string): TopStep => ({
    file: path,
    line: 1,
    source: "notebook",
    cwd: path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "",
    command: `jupyter nbconvert --to notebook --execute ${path}`,
    program: path,
    purpose: "other",
  });
  // The repo's scripts the notebook's own cells run (its children in a plan of it alone).
  const scriptsRun = (path: string): number => {
    const trial = new StepList(view, env);
    trial.add(stepOf(path));
    const programs = trial.steps.filter((s) => s.parent === 1 && s.program !== null && view.has(s.program));
    return new Set(programs.map((s) => s.program)).size;
  };
  const counts = new Map(notebooks.map((n) => [n, scriptsRun(n)]));
  const named = notebooks.filter((n) => DRIVER_NAME.test(n.slice(n.lastIndexOf("/") + 1)) && counts.get(n)! > 0);
  if (named.length > 0) return named.map(stepOf);
  const chains = notebooks.filter((n) => counts.get(n)! >= 2);
  return chains.length === 1 ? [stepOf(chains[0]!)] : [];
}

/** Root shell scripts no other root script runs, then the Makefile's first target. */
function rootScriptSteps(view: RepoView, env: ShellEnv): TopStep[] {
  const scripts = view
    .files()
    .filter((f) => !f.skipped && /^[^/]+\.(?:sh|bash)$/.test(f.path))
    .map((f) => f.path)
    .sort();
  const called = new Set<string>();
  for (const s of scripts) {
    for (const line of (view.read(s) ?? "").split("\n").slice(0, 2000)) {
      const command = interpretLine(line, "", env).command;
      if (command) for (const c of command.scriptCandidates) if (c !== s) called.add(c);
    }
  }
  const out: TopStep[] = scripts
    .filter((s) => !called.has(s))
    .map((s) => ({ file: s, line: 1, source: "shell", cwd: "", command: `bash ${s}`, program: s, purpose: "other" }));
  const makefile = ["Makefile", "makefile", "GNUmakefile"].find((m) => view.has(m));
  if (makefile)
    out.push({
      file: makefile,
      line: 1,
      source: "make",
      cwd: "",
      command: "make",
      program: makefile,
      purpose: "other",
      makeTarget: "",
    });
  return out;
}

const PREPROCESS =
  /prep|preprocess|features?|make_?folds|create_?folds|split|convert|resize|crop|extract|generate_?data/i;

/** A Python step of a training script that says nothing itself trains with it (`train.sh` runs `python
 * main.py`); a script that only hands its work to child steps that train is no training itself (its
 * children are costed, not it). */
function settlePurposes(steps: Step[]): void {
  const byOrder = new Map(steps.map((s) => [s.order, s]));
  for (const step of steps) {
    const parent = step.parent === null ? undefined : byOrder.get(step.parent);
    const base = (step.program ?? "").slice((step.program ?? "").lastIndexOf("/") + 1);
    if (step.purpose === "other" && /\.py$/.test(base) && PREPROCESS.test(base)) step.purpose = "preprocess";
    else if (
      step.purpose === "other" &&
      parent &&
      /\.(?:py|ipynb)$/.test(base) &&
      (parent.purpose === "train" || parent.purpose === "predict")
    )
      step.purpose = parent.purpose;
  }
  const trainsBelow = new Set<number>();
  // A Python driver that launches the training as a subprocess delegates it too.
  const launchesTraining = new Set<number>();
  for (const step of [...steps].reverse()) {
    if (step.parent !== null && (step.purpose === "train" || trainsBelow.has(step.order))) {
      trainsBelow.add(step.parent);
      if (step.source === "code") launchesTraining.add(step.parent);
    }
    const delegates = step.program !== null && !/\.(?:py|ipynb)$/.test(step.program);
    if (step.purpose === "train" && ((delegates && trainsBelow.has(step.order)) || launchesTraining.has(step.order)))
      step.purpose = "other";
  }
}

/** A Python program with the local modules it imports (where its parser and defaults may be declared) and its parser. */
interface ProgramView {
  own: PyFileIndex[];
  parser: ParserView | null;
  /** fire or typer: options from a function's parameters (when no argparse or click parser is declared). */
  functionParser: FunctionParser | null;
  /** hydra: the config tree `key=value` overrides are checked against. */
  hydra: HydraTree | null;
  /** The hydra config tree of a program that declares a hydra main, even where an imported module's parser
   * decides which options are checked: what its `???` values are read against. */
  hydraValues: HydraTree | null;
}

function programView(path: string, view: RepoView, index: RepoPythonIndex): ProgramView {
  const python = /\.py$/.test(path) ? index.byPath.get(path) : undefined;
  if (!python) return { own: [], parser: null, functionParser: null, hydra: null, hydraValues: null };
  const own = [...reachableFrom(index, [path])]
    .sort((a, b) => (a === path ? -1 : b === path ? 1 : compareText(a, b)))
    .map((p) => index.byPath.get(p)!);
  const text = view.read(path) ?? "";
  const parser = parserOf(own, text, (p) => view.read(p));
  const tree = hydraTree(text, path, hydraFiles(view));
  return {
    own,
    parser,
    functionParser: parser === null ? functionParser(text) : null,
    hydra: parser === null ? tree : null,
    hydraValues: tree,
  };
}

const hydraFiles = (view: RepoView): HydraFiles => ({ read: (p) => view.read(p), isDir: (p) => view.isDir(p) });

function stepRecord(
  step: Step,
  view: RepoView,
  programInfo: (path: string) => ProgramView,
  hints: ReadonlyMap<string, FactRecord[]>,
): FactRecord {
  const exists = step.program === null ? null : view.has(step.program);
  const args = step.program === null ? [] : argsAfter(step.command, step.program, step.runAs);
  const {
    own,
    parser,
    functionParser: byFunction,
    hydra: programHydra,
    hydraValues: programValues,
  } = step.program !== null && exists === true
    ? programInfo(step.program)
    : { own: [], parser: null, functionParser: null, hydra: null, hydraValues: null };
  const python = own[0];
  // `--config-name x` composes x.yaml in place of the decorator's config: the tree its overrides meet.
  // (The decorator's own config may be absent: a program run only with `--config-name` needs none.)
  const configName =
    python && hydraMainConfig(view.read(python.path) ?? "", python.path) ? configNameArgument(args) : undefined;
  const named =
    configName !== undefined && python
      ? hydraTree(view.read(python.path) ?? "", python.path, hydraFiles(view), configName)
      : null;
  const hydra = programHydra && configName !== undefined ? named : programHydra;
  const values = configName !== undefined ? named : programValues;
  const given = new Set(givenOptions(args).map((o) => o.name));
  const configs = [
    ...new Set([
      ...configArguments(args, step.cwd, view),
      ...(python
        ? defaultConfigs(
            own,
            (p) => view.has(p),
            step.cwd,
            given,
            (p) => view.read(p),
          ).map((d) => d.path)
        : []),
    ]),
  ];
  const record: FactRecord = {
    kind: "step",
    file: step.file,
    line: step.line,
    ...(step.cell !== undefined ? { cell: step.cell, cellLine: step.cellLine! } : {}),
    order: step.order,
    source: step.source,
    parent: step.parent,
    cwd: step.cwd === "" ? "." : step.cwd,
    command: step.command,
    tool: toolOf(step.command),
    program: step.program,
    exists,
    ...(step.locatedByName ? { locatedByName: true } : {}),
    purpose: step.purpose,
    repeat: step.repeat,
    repeatSource: step.repeat > 1 ? step.repeatSource : null,
    ...(step.handEdit !== undefined ? { handEdit: step.handEdit } : {}),
    args: args.join(" "),
    rejected: hydra
      ? hydra.readsArgv
        ? rejectedOverride(args, hydra, hydraFiles(view))
        : null
      : byFunction
        ? rejectedByFunction(givenOptions(args), args, byFunction)
        : // A step read from prose names the script, not the words to type: it leaves no option out.
          rejectedArgument(args, parser && step.source === "readme-prose" ? { ...parser, required: [] } : parser),
    configs: configs.join(","),
  };
  // A `???` hydra stops on only when the code reads it before giving it a value.
  if (values) {
    const texts = own.map((f) => view.read(f.path) ?? "");
    const set = new Set(args.map((w) => /^\+{0,2}([\w.]+)=/.exec(w)?.[1]).filter((k) => k !== undefined));
    // A flag the command sets is not known off, whatever it sets it to.
    const off = (flag: string) => values.off.has(flag) && !set.has(flag);
    const unset = unsetMandatory(args, values).filter((k) => readsUnassigned(k.slice(0, k.indexOf(" (")), texts, off));
    if (unset.length > 0) record.mandatoryUnset = unset.join(", ");
  }
  // A step whose working folder is unknown (a `cd` no mount maps) claims no config missing.
  // The launcher's own config (`accelerate launch --config_file ds.yaml train.py`) is one the step loads too.
  const missing = isUnplaced(step.cwd)
    ? undefined
    : [
        ...missingConfigArguments(launcherArgs(step.command, step.program), step.cwd, (p) => view.has(p)),
        ...missingConfigArguments(args, step.cwd, (p) => view.has(p), python ? (view.read(python.path) ?? "") : ""),
      ][0];
  if (missing !== undefined) {
    record.missingConfig = missing;
    const beside = configsBeside(
      missing,
      view.files().map((f) => f.path),
    );
    record.configsBeside = beside.length > 0 ? beside.join(", ") : null;
  }
  if (step.purpose === "train") {
    const programHints = python ? rank(hints.get(python.path) ?? []) : [];
    const imported = own
      .slice(1)
      .flatMap((f) => rank(hints.get(f.path) ?? []).filter((h) => h.source !== "call-argument"));
    // A hydra program's values sit in the files its defaults and the command line's `group=option` compose.
    const composed = python
      ? (hydraConfigFiles(view.read(python.path) ?? "", python.path, args, hydraFiles(view)) ?? [])
      : [];
    const loaded = [...new Set([...configs, ...composed])];
    const configLayers = loaded.map((c) => [...configKeys(c, view), ...(hints.get(c) ?? [])]);
    Object.assign(record, trainingValues(args, `${step.file}:${step.line}`, [...configLayers, programHints, imported]));
  }
  return record;
}

/** A config's `model: yolov5x`-like keys as model hints (the training family reads only unambiguous names), and
 * the single fold it trains (`fold: 0`) as one fold. */
function configKeys(config: string, view: RepoView): FactRecord[] {
  if (!/\.(?:ya?ml|json|toml|cfg|ini)$/i.test(config)) return [];
  const text = view.read(config);
  if (text === null) return [];
  const values = configValues(text);
  const last = (key: string) => key.slice(key.lastIndexOf(".") + 1);
  const model = values
    .filter((v) => v.key !== null && isModelName(last(v.key), v.value))
    .slice(0, 1)
    .map((v) => ({ file: config, line: v.line, kind: "models", value: v.value }));
  // `fold: 0` beside `n_fold: 20`: the config trains the one fold it names, not the count it splits into.
  const oneFold = values
    .filter((v) => v.key !== null && ONE_FOLD.test(last(v.key)) && /^\d+$/.test(v.value.trim()))
    .slice(0, 1)
    .map((v) => ({ file: config, line: v.line, kind: "folds", value: 1 }));
  return [...model, ...oneFold];
}

/** The notebooks the plan runs whose saved run executed cells out of order: the first inversion, at the later cell. */
function cellOrderRecords(reach: readonly Reach[], view: RepoView, index: RepoPythonIndex): FactRecord[] {
  const out: FactRecord[] = [];
  const seen = new Set<string>();
  for (const r of reach) {
    if (!r.file.endsWith(".ipynb") || seen.has(r.file)) continue;
    seen.add(r.file);
    const text = view.read(r.file);
    const inversion = text === null ? null : cellInversion(text);
    if (inversion === null) continue;
    const at = index.byPath.get(r.file)?.lineMap?.findIndex((l) => l.cell === inversion.later) ?? -1;
    out.push({
      kind: "cell-order",
      file: r.file,
      ...(at >= 0 ? { line: at + 1, cellLine: 1 } : {}),
      cell: inversion.later,
      step: r.step,
      inversion: inversionWords(inversion),
    });
  }
  return out;
}

/** Defaults the program declares come first, then its assignments and configs, then call arguments. */
function rank(hints: readonly FactRecord[]): FactRecord[] {
  const order: Record<string, number> = { "argparse-default": 0, config: 1, assignment: 2, "call-argument": 3 };
  return [...hints].sort((a, b) => (order[String(a.source)] ?? 4) - (order[String(b.source)] ?? 4));
}

/** Config files named as arguments and present in the repo, from the step's folder (or the root). */
// A Python-syntax config by its folder or name (mmdet's `configs/x/y.py`, `my_cfg.py`), taken as a positional argument.
const PY_CONFIG = /(?:^|\/)[^/]*(?:config|cfg)[^/]*(?:\/.*)?\.py$/i;

function configArguments(args: readonly string[], cwd: string, view: RepoView): string[] {
  const out: string[] = [];
  args.forEach((arg, i) => {
    const value = arg.includes("=") && arg.startsWith("-") ? arg.slice(arg.indexOf("=") + 1) : arg;
    const isConfig =
      /\.(?:ya?ml|json|toml|cfg|ini)$/i.test(value) ||
      (/\.py$/.test(value) && (args[i - 1]?.startsWith("-") === true || arg.startsWith("-") || PY_CONFIG.test(value)));
    if (!isConfig || value.startsWith("-")) return;
    const path = [joinFrom(cwd, value), joinFrom("", value)].find((p) => p !== null && view.has(p));
    if (path) out.push(path);
  });
  return out;
}

const TOOLS = new Set([
  "python",
  "bash",
  "sh",
  "make",
  "jupyter",
  "pip",
  "conda",
  "kaggle",
  "wget",
  "curl",
  "unzip",
  "docker",
]);

/** What the step invokes: the first word of the segment that runs something (python for torchrun and the like). */
function toolOf(command: string): string {
  for (const segment of command.split(/&&|\|\||;/)) {
    const words = segment
      .trim()
      .split(/\s+/)
      .filter(
        (w) =>
          !/^[A-Za-z_]\w*=/.test(w) &&
          !/^(?:sudo|time|nohup|env|exec|do|then)$/.test(w.replace(/^\/(?:usr\/)?bin\//, "")),
      );
    const head = (words[0] ?? "").replace(/^.*\//, "");
    if (head === "" || head === "cd" || head === "export" || head === "source" || head === "pushd" || head === "popd")
      continue;
    if (PYTHON_RUNNER.test(head) || /^(?:torchrun|accelerate|deepspeed|py)$/.test(head)) return "python";
    if (/^pip\d?$/.test(head)) return "pip";
    if (/^(?:mamba|micromamba)$/.test(head)) return "conda";
    if (head === "papermill") return "jupyter";
    if (/^(?:nvidia-docker|podman)$/.test(head)) return "docker";
    if (/\.(?:sh|bash)$/.test(head)) return "bash";
    if (/\.py$/.test(head)) return "python";
    return TOOLS.has(head) ? head : "other";
  }
  return "other";
}

function byFile(records: readonly FactRecord[]): Map<string, FactRecord[]> {
  const out = new Map<string, FactRecord[]>();
  for (const r of records)
    if (typeof r.file === "string") (out.get(r.file) ?? out.set(r.file, []).get(r.file)!).push(r);
  return out;
}

/** Every file by its base name, built once (a bare name in prose is looked up, never the tree rescanned). */
function baseNameIndex(view: RepoView): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of view.files()) {
    const base = f.path.slice(f.path.lastIndexOf("/") + 1);
    (out.get(base) ?? out.set(base, []).get(base)!).push(f.path);
  }
  return out;
}

function soleNamed(index: ReadonlyMap<string, string[]>, name: string): string | null {
  const hits = index.get(name) ?? [];
  return hits.length === 1 ? hits[0]! : null;
}
