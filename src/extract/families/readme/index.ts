// The `readme` family: the READMEs, their sections, the commands they give and the files and branches they name.
import type { FactRecord } from "../../../model/facts.js";
import type { InventoryEntry, RepoView } from "../../../model/repo-view.js";
import type { Extractor } from "../../extractor.js";
import { parseReadme } from "../../shell/readme-parse.js";
import { codeAbsentStatements } from "./code-absent.js";
import { describesFile } from "./file-descriptions.js";
import {
  commandWords,
  interpretLine,
  isLocal,
  joinContinuations,
  isUnplaced,
  joinRel,
  PYTHON_RUNNER,
  rootVariables,
  scriptRun,
  submitsScript,
  type Purpose,
  type ShellCommand,
  type ShellEnv,
} from "../../shell/readme-commands.js";
import { makePurposes, ownRunners, scriptPurposes, scriptsRunBy } from "../../shell/readme-scripts.js";
import { plainCommand } from "../../shell/plain-commands.js";
import { editDistance } from "../../../model/edit-distance.js";
import { imageInfo } from "../../parse/images.js";
import { stepFolderRecords } from "./step-folders.js";
import { roleOf } from "../../view/file-roles.js";
import { fitsModel, submissionNames, submittedFiles, writesNamed, writesSubmission } from "../../python/script-does.js";
import { makeGoal } from "../../shell/make-goal.js";
import { containerFolderOf } from "../../shell/container-mounts.js";
import { composeServiceFolder } from "../../shell/compose-services.js";
import { proseDirectoryChanges } from "../../shell/prose-folders.js";
import { scriptLineReader } from "../../shell/script-folder.js";
import { isInstalledModule } from "../../shell/installed-modules.js";
import { dottedModuleFile } from "./dotted-module.js";
import { repeatPrefix } from "../../shell/repeat-prefix.js";
import { globbedScripts, isGlobbedScriptWord } from "../../shell/globbed-scripts.js";
import { trainsNothing } from "./trains-nothing.js";
import { withheldTraining } from "./withheld-training.js";
import { standInFolder, standInReadme } from "../../view/stand-in-readme.js";
import { joinWrappedOptions } from "../../shell/wrapped-options.js";
import { cloneEntered, scriptClones, type ScriptClone } from "./script-clones.js";
import { MAX_PATH_WORD, PATH_TOKEN, withoutTrailingDots } from "../../parse/prose-paths.js";

const MAX_DOCS = 20;
/** Extensions of files a README names that the repo itself should ship (outputs and data are left out). */
const MENTIONED =
  /\.(py|sh|ipynb|ya?ml|toml|cfg|ini|r)$|(^|\/)(requirements[\w.-]*\.txt|environment\.ya?ml|Dockerfile|setup\.py|Makefile)$/i;
/** Names a reader fills in (`configs/xxx.yaml`, `path/to/config.yaml`, `your_config.yaml`, `[name].py`, `....yaml`). */
const PLACEHOLDER =
  /(?:^|\/)path\/to\/|(?:^|\/)(?:x{3,}|your(?:[_-][\w-]*)?|\.{3,}[^/]*|\[[^\]/]*\])(?:\.[\w]+)?$|(?:^|\/)(?:x{3,}|your(?:[_-][\w-]*)?|\.{3,})\//i;
/** A name with a part to fill in: `train_xxx.py`, `exp-xxxx/cfg.yaml`. */
const PLACEHOLDER_PART = /(?:^|[/_.-])x{3,}(?=[/_.-]|$)/i;
/** A name ending in one letter standing for a number (`config_modelx.py`, `fold_N.yaml`, `model*.py`). */
const SERIES = /^(.*[A-Za-z_-])(?:x|X|N|n|\*)(\.\w+)$/;

/** Whether `path` names a series of files the repo holds (`config/config_modelx.py` for `config_model1.py` to
 * `config_model11.py`): two or more files in its folder where its last letter stands, a number or a letter. */
function namesSeries(view: RepoView, path: string): boolean {
  const cut = path.lastIndexOf("/");
  const m = SERIES.exec(path.slice(cut + 1));
  if (!m) return false;
  const folder = cut >= 0 ? path.slice(0, cut + 1) : "";
  const [, stem, ext] = m;
  let count = 0;
  for (const e of view.files()) {
    if (!e.path.startsWith(folder) || e.path.indexOf("/", folder.length) >= 0) continue;
    const base = e.path.slice(folder.length);
    if (!base.startsWith(stem!) || !base.endsWith(ext!)) continue;
    if (/^(?:\d+|[A-Za-z])$/.test(base.slice(stem!.length, base.length - ext!.length)) && ++count >= 2) return true;
  }
  return false;
}

/** A line that speaks of an installed package's files ("edit keras/backend/x.py in your site-packages"). */
const INSTALLED = /site-packages|dist-packages|\blib\/python\d/i;

export const extractor: Extractor = {
  id: "readme",
  reads: [],
  roles: [
    "readme",
    "docs",
    "shell",
    "makefile",
    "setup",
    "pyproject",
    "python",
    "notebook",
    "dockerfile",
    "config",
    "text",
  ],
  extract({ view, branches, source }) {
    // The root README, docs/, and the README of each sub-project (a folder up to two levels down holding
    // code of its own, or in a folder just below it: `net-classification/readme.md` beside its train.py,
    // `sol/readme.txt` above sol/src/), which a reviewer reads too.
    const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
    const codeFolders = new Set(
      view
        .files()
        .filter((f) => f.kind === "python" || f.kind === "notebook")
        .flatMap((f) => [parentOf(f.path), parentOf(parentOf(f.path))]),
    );
    // The sub-folder READMEs the root README points to ("see team_a/README.md") hold steps for the whole repo.
    // With none at the root, the shallowest README stands in for it (`Submission/readme.MD`).
    const standIn = standInReadme(view.files());
    const root = view
      .files()
      .find((f) => !f.skipped && roleOf(f) === "readme" && (standIn ? f.path === standIn : !f.path.includes("/")));
    const rootText = root ? (view.read(root.path) ?? "") : "";
    const pointed = root ? pointedReadmes(rootText, (p) => view.has(p), readmeIn(view)) : new Set<string>();
    // The other markdown files it links (`see [training](guides/TRAIN.md)`, `Instructions: INSTALL.md`) are read
    // as docs/ is: their blocks run from the root. Files of the walk only (a symlink out is skipped), and small.
    const linked = root ? linkedDocs(rootText, view) : new Set<string>();
    // Linked files in the order the README links them (install, then train), before docs/ it does not link.
    const linkOrder = [...linked];
    const linkRank = (path: string) => (linked.has(path) ? linkOrder.indexOf(path) : linkOrder.length);
    const placeOf = (entry: InventoryEntry): "root" | "docs" | "sub-project" | null => {
      const role = roleOf(entry);
      if (role === "readme" && (standIn ? entry.path === standIn : !entry.path.includes("/"))) return "root";
      if (role === "docs" || linked.has(entry.path)) return "docs";
      const folder = entry.path.slice(0, Math.max(0, entry.path.lastIndexOf("/")));
      return folder &&
        role === "readme" &&
        (pointed.has(entry.path) || (folder.split("/").length <= 2 && codeFolders.has(folder)))
        ? "sub-project"
        : null;
    };
    const order = { root: 0, docs: 1, "sub-project": 2 } as const;
    const readmes = view
      .files()
      .filter((f) => !f.skipped && f.kind === "text" && placeOf(f) !== null)
      // Among sub-projects the shallower first: a nested copy of another project (`gan/TFHub/`) follows the
      // solution folders' own READMEs, so the rerun plan starts from the solution.
      .sort(
        (a, b) =>
          order[placeOf(a)!] - order[placeOf(b)!] ||
          linkRank(a.path) - linkRank(b.path) ||
          a.path.split("/").length - b.path.split("/").length,
      )
      .slice(0, MAX_DOCS + 4);
    const records: FactRecord[] = [];
    const noTraining = readmes.length > 0 && trainsNothing(view);
    for (const entry of readmes) {
      const text = view.read(entry.path);
      if (text === null) continue;
      // Words saying the training or inference code is not in the repository; the README's own record says so too,
      // for a rule about the missing training command to name.
      const absent = codeAbsentStatements(parseReadme(text));
      const trainAbsent = absent.find((a) => a.purpose === "train");
      const trainScript = placeOf(entry) === "root" ? rootTrainScript(view) : null;
      // A sub-project's README gives its commands from its own folder.
      const startDir =
        placeOf(entry) === "sub-project"
          ? entry.path.slice(0, entry.path.lastIndexOf("/"))
          : entry.path === standIn
            ? standInFolder(standIn, view.files())
            : "";
      const items = readmeFacts(entry.path, text, view, branches, source ?? null, startDir);
      // The root README's training steps whose script is in no folder of the repo: the training code is withheld.
      const withheld = placeOf(entry) === "root" ? withheldTraining(entry.path, text, items, view, source ?? null) : [];
      records.push({
        kind: "readme",
        file: entry.path,
        place: placeOf(entry)!,
        ...((placeOf(entry) === "docs" && linked.has(entry.path)) ||
        (placeOf(entry) === "sub-project" && pointed.has(entry.path))
          ? { linked: true }
          : {}),
        ...(trainScript ? { trainScript } : {}),
        ...(entry.path === standIn ? { standIn: true, runsFrom: standInFolder(standIn, view.files()) } : {}),
        // A README saying its training code is left out, or training with a script it does not ship, is no
        // solution that trains nothing.
        ...(noTraining && !trainAbsent && withheld.length === 0 ? { trainsNothing: true } : {}),
        ...(trainAbsent
          ? {
              trainAbsent: `; ${entry.path} says the training code is not in the repository (line ${trainAbsent.line})`,
            }
          : {}),
      });
      for (const a of absent)
        records.push({
          kind: "code-absent",
          file: entry.path,
          line: a.line,
          code: a.purpose === "train" ? "training" : "inference",
          quote: a.quote,
        });
      records.push(...withheld);
      for (const item of items) records.push(item);
    }
    return records;
  },
};

/** A shell script at the root whose lines train (`run.sh` of `python train.py ...` lines): where a README gives no
 * training command, a stranger still finds the training there. The first by name, or null. */
function rootTrainScript(view: RepoView): string | null {
  const env: ShellEnv = { isDir: (p) => view.isDir(p), containerFolder: containerFolderOf(view) };
  return (
    view
      .files()
      .filter((f) => !f.skipped && !f.path.includes("/") && /\.(?:sh|bash)$/.test(f.path))
      .map((f) => f.path)
      .sort()
      .find((path) => scriptPurposes(view, path, env).includes("train")) ?? null
  );
}

/** "owner/name" of a GitHub URL (lower case), or null. */
function githubSlug(url: string | null): string | null {
  const m = url ? /github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:[/#?]|$)/i.exec(url) : null;
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : null;
}

/** The purposes a command serves: its own, and what the shell script or Makefile target it runs does. */
function purposesOf(
  view: RepoView,
  env: ShellEnv,
  command: ShellCommand,
  script: string | null,
  readme: string,
): Purpose[] {
  const found: Purpose[] = [command.purpose];
  // sbatch runs its script as a shell script, whatever its name.
  const shell = script !== null && (script.endsWith(".sh") || submitsScript(command.command));
  if (shell) found.push(...scriptPurposes(view, script, env));
  // The Python files the script runs, by their code where their names say nothing (`python src/main.py` that fits a
  // model, then writes submission.csv): a script of a shell script trains and predicts as it does run directly.
  if (shell)
    for (const py of scriptsRunBy(view, script, env).filter((p) => p.endsWith(".py"))) {
      const code = view.read(py) ?? "";
      if (fitsModel(code)) found.push("train");
      if (writesSubmission(code, submissionNames(readme))) found.push("predict");
    }
  // A bare `make` runs the default goal, or the pipeline target where that goal only prints help.
  const goal = () => makeGoal(view.read("Makefile") ?? view.read("makefile") ?? "", readme);
  if (command.makeTarget !== undefined) found.push(...makePurposes(view, command.makeTarget || goal(), env));
  const order: Purpose[] = ["train", "predict", "download", "install"];
  const real: Purpose[] = [...new Set(found.filter((p) => p !== "other"))];
  return real.length === 0
    ? ["other"]
    : [
        ...(command.purpose !== "other" ? [command.purpose] : []),
        ...order.filter((p) => p !== command.purpose && real.includes(p)),
      ];
}

const BARE_EXTENSION =
  /^\.(?:py|ipynb|sh|ya?ml|json|jsonl|csv|tsv|txt|md|toml|cfg|ini|xml|html?|pkl|pickle|h5|hdf5|pt|pth|ckpt|bin|onnx|npy|npz|parquet|feather|zip|tar|gz|jpe?g|png|gif|wav|mp3|mp4|sql|db)$/i;

function readmeFacts(
  file: string,
  text: string,
  view: RepoView,
  branches: readonly string[] | null,
  source: string | null,
  startDir = "",
): FactRecord[] {
  const parts = parseReadme(text);
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  const records: FactRecord[] = parts.sections.map((s) => ({ kind: "section", file, line: s.line, title: s.title }));
  const seen = new Set<string>();
  const mention = (
    line: number,
    target: "file" | "branch",
    name: string,
    exists: boolean | null,
    runBy: string | null = null,
    /** Where a script the command runs lies, when the README runs it from a folder that lacks it. */
    at: string | null = null,
  ) => {
    const key = `${target}:${name}:${line}`; // once per line: a grouped finding lists every line naming it
    // "Using `.yaml` instead of `.py` for config": a file type, not a file (a dotfile such as `.env` is one).
    if (target === "file" && BARE_EXTENSION.test(name)) return;
    if (seen.has(key)) return;
    seen.add(key);
    const near = target === "file" && exists === false && !at ? nearNamesake(view, name) : null;
    // A script the README runs from the root that lies, path and all, under one sub-folder (`python models/x.py`
    // for `pkg/models/x.py`): the README leaves out a `cd pkg`; the file is there.
    // So does a path the prose names by its tail ("then run script/run.sh" for input/training/script/run.sh).
    const under =
      target === "file" && exists === false && !at && (runBy || name.includes("/"))
        ? soleFolderHolding(view, name)
        : null;
    // A script a command runs that is not where it runs but whose one namesake lies elsewhere (`src/train.py`).
    const elsewhere =
      at ?? (target === "file" && exists === false && runBy && !under && !near ? namesake(view, name) : null);
    // Where several files have that name, the README is off by a folder, not missing the file: name them.
    const several =
      target === "file" && exists === false && !under && !near && !elsewhere
        ? runBy
          ? namesakes(view, name)
          : name.includes("/")
            ? filesEndingWith(view, name)
            : []
        : [];
    records.push({
      kind: "mention",
      file,
      line,
      target,
      name,
      exists,
      ...(runBy ? { runBy } : {}),
      ...(several.length > 1
        ? { namesakes: several.slice(0, 3).join(", ") + (several.length > 3 ? ", ..." : "") }
        : {}),
      ...(near ? { nearest: near } : {}),
      ...(under ? { runFrom: under } : {}),
      ...(elsewhere ? { elsewhere } : {}),
    });
  };
  const fileExists = (path: string) => view.has(path) || view.isDir(path);
  const lines = text.split(/\r?\n/);
  /** `prose`: a name in the text, not a command's argument; a bare one may be anywhere in the repo. */
  const mentionFile = (
    line: number,
    raw: string,
    fromReadmeDir: boolean,
    runBy: string | null = null,
    prose = false,
    /** A script sbatch submits: a file the command runs whatever its name (`job.slurm`). */
    submitted = false,
  ) => {
    const clean = raw.replace(/[#?].*$/, "").replace(/[.,:;]+$/, "");
    const named = submitted || MENTIONED.test(clean);
    const misspelt = !named && extensionTypo(view, joinRel(dir, clean)) !== null;
    if (!isLocal(clean) || (!named && !misspelt) || PLACEHOLDER.test(clean)) return;
    if (PLACEHOLDER_PART.test(clean) || namesSeries(view, joinRel(dir, clean)) || namesSeries(view, clean)) return;
    if (INSTALLED.test(`${lines[line - 2] ?? ""} ${lines[line - 1] ?? ""}`)) return;
    const fromRoot = joinRel("", clean);
    // The folder the reader was sent to by this line or one before it ("move to `src` and run `./x.sh`").
    const moved = [folderAt.filter((f) => f.line <= line).pop()?.cwd]
      .filter((d): d is string => d !== undefined && d !== "" && d !== dir)
      .map((d) => joinRel(d, clean))
      .find((p) => fileExists(p));
    const fromDir = moved ?? joinRel(dir, clean);
    // Links are relative to the README's folder, commands usually to the root: try both, name the likelier.
    // A README whose commands run from its own folder names its files from there first (`pip install -r
    // requirements.txt` in a sub-project's or a stand-in README), then from the root.
    const ownFirst = dir !== "" && startDir === dir && fileExists(fromDir);
    // A command's file it names from there (`Submission/requirements.txt`) that only the root holds is the root's.
    const atRoot =
      startDir !== "" && clean.startsWith(`${startDir}/`) && !fileExists(fromRoot) && !fileExists(fromDir)
        ? clean.slice(startDir.length + 1)
        : null;
    if (atRoot !== null && fileExists(atRoot)) {
      mention(line, "file", atRoot, true, runBy);
      return;
    }
    // "use `pkg.make_folds.py`": a module's dotted name with the file's extension names pkg/make_folds.py.
    const dotted = fileExists(fromRoot) || fileExists(fromDir) ? null : dottedModuleFile(clean);
    const module = dotted === null ? undefined : [joinRel(dir, dotted), joinRel("", dotted)].find(fileExists);
    if (module !== undefined) {
      mention(line, "file", module, true, runBy);
      return;
    }
    const name = ownFirst
      ? fromDir
      : fileExists(fromRoot)
        ? fromRoot
        : fileExists(fromDir) || fromReadmeDir
          ? fromDir
          : fromRoot;
    if (name.startsWith("..")) return;
    // "The model is built in `model_zoo.py`": prose names a file by its name alone, wherever it lies.
    const anywhere = prose && !clean.includes("/") && view.files().some((e) => e.path.endsWith(`/${clean}`));
    mention(line, "file", name, fileExists(fromRoot) || fileExists(fromDir) || anywhere, runBy);
  };
  const mentionBranch = (line: number, name: string) => {
    const clean = name.replace(/^origin\//, "");
    if (clean === "" || /[\s`'"]/.test(clean)) return;
    mention(
      line,
      "branch",
      clean,
      branches === null ? null : branches.includes(clean) || branches.includes(`origin/${clean}`),
    );
  };

  // A reader runs the README top to bottom in one shell: a `cd` in one block holds for the blocks after it, and
  // so does one the prose gives ("After that `cd ./flayer`", "run the following inside `yolo25d` directory").
  // An inline command runs from the folder the reader is in at that line.
  const env: ShellEnv = {
    isDir: (p: string) => view.isDir(p),
    runners: ownRunners(view),
    rootVars: rootVariables(text),
    clones: new Set(),
    serviceFolder: composeServiceFolder((p) => (view.has(p) ? view.read(p) : null)),
    containerFolder: containerFolderOf(view),
    home: startDir,
  };
  /** `located`: the script as the README runs it, where it is not, when the command was found in another folder. */
  const commands: Array<{
    line: number;
    command: ShellCommand;
    cwd: string;
    prose?: true;
    repeat?: number;
    located?: string;
  }> = [];
  const blocks = new Map<number, Array<{ line: number; text: string }>>();
  for (const c of parts.code) (blocks.get(c.block) ?? blocks.set(c.block, []).get(c.block)!).push(c);
  // A command wrapped onto option lines with no `\`: read as the one command meant, and the wrapping recorded.
  const codeLines = [...blocks.entries()].flatMap(([id, lines]) => {
    const joined = joinWrappedOptions(joinContinuations(lines));
    for (const w of joined.wrapped) records.push({ kind: "wrapped", file, line: w.line, continues: w.continues });
    return joined.lines.map((l) => ({ ...l, block: id }));
  });
  const proseMoves = proseDirectoryChanges(text, parts.inline, (p) => view.isDir(p));
  // A section's end takes the reader back to the folder it began in: a `cd` under "Training" holds in its
  // subsections, not under "Inference".
  const steps: Array<{ line: number; text: string; block: number | null; section?: number }> = [
    ...codeLines.map((c) => ({ line: c.line, text: c.text, block: c.block })),
    ...proseMoves.map((m) => ({ line: m.line, text: `cd ${m.target}`, block: null })),
    ...parts.sections.map((sec) => ({ line: sec.line, text: "", block: null, section: sec.level })),
  ].sort((a, b) => a.line - b.line);
  const folderAt: Array<{ line: number; cwd: string }> = [{ line: 0, cwd: startDir }];
  /** The folder of a file the prose names earlier in the section (inline code or a link) with the script's base name. */
  const namedFolderBefore = (line: number, script: string): string | null => {
    const start = Math.max(0, ...parts.sections.map((sec) => sec.line).filter((l) => l <= line));
    const base = script.slice(script.lastIndexOf("/") + 1);
    const named = [
      ...parts.inline.map((i) => ({ line: i.line, path: i.text })),
      ...parts.links.map((l) => ({ line: l.line, path: l.target })),
    ]
      .filter((n) => n.line >= start && n.line < line && n.path.includes("/") && n.path.endsWith(`/${base}`))
      .map((n) => [joinRel(startDir, n.path), joinRel(dir, n.path), joinRel("", n.path)].find((p) => view.has(p)))
      .filter((p): p is string => p !== undefined);
    const last = named.pop();
    return last === undefined ? null : last.slice(0, last.lastIndexOf("/"));
  };
  // A globbed script (`train_*.py`) is there when it matches a committed file.
  const holds = (p: string) => view.has(p) || (isGlobbedScriptWord(p) && globbedScripts(view, p).length > 0);
  const found = (c: ShellCommand) => scriptRun(c, holds) !== null;
  /** The script is where the command's folder puts it (not only at the repo's root). */
  const foundAt = (c: ShellCommand | null) => c?.script != null && holds(c.script);
  /** The script is there and so is every config or requirements file the command passes. */
  const fits = (c: ShellCommand) => found(c) && c.inputs.every((p) => view.has(p));
  /** The line read from the one folder of the repo that holds its script (as written) and the files it passes;
   * null when no folder or several do. */
  const soleFittingFolder = (line: string) => {
    const written = interpretLine(line, "", env).command?.script;
    if (!written || written.startsWith("..")) return null;
    const readings = view
      .files()
      .filter((e) => e.path.endsWith(`/${written}`))
      .map((e) => interpretLine(line, e.path.slice(0, e.path.length - written.length - 1), env))
      .filter((there) => there.command && fits(there.command));
    return readings.length === 1 ? readings[0]! : null;
  };
  const saidFolders = scriptFoldersSaid(parts.prose, (p) => view.isDir(joinRel(startDir, p)));
  let cwd = startDir;
  // The folder within the code block alone, as a reader who skipped the earlier blocks would have it.
  let blockCwd = startDir;
  let block: number | null = null;
  // The open sections, each with the folder the reader was in at its heading.
  const open: Array<{ level: number; cwd: string }> = [];
  // Folders the document's `cd`s moved the reader to, latest last: one a section's end left may still be
  // where a later block runs ("all the commands below run from training-code").
  const visited: string[] = [];
  for (const step of steps) {
    if (step.section !== undefined) {
      const level = step.section;
      let back: string | null = null;
      while (open.length > 0 && open[open.length - 1]!.level >= level) back = open.pop()!.cwd;
      // The document's first heading, like any other that closes a section, starts from where that section began.
      const next = back ?? (open.length === 0 ? startDir : cwd);
      if (next !== cwd) folderAt.push({ line: step.line, cwd: next });
      cwd = next;
      open.push({ level, cwd });
      continue;
    }
    if (step.block !== block) blockCwd = startDir;
    block = step.block;
    // `5x python train.py --config cfg_1`: the command, run five times.
    const repeated = step.block === null ? null : repeatPrefix(step.text);
    if (repeated) step.text = repeated.rest;
    const carried = interpretLine(step.text, cwd, env);
    const alone = step.block === null ? carried : interpretLine(step.text, blockCwd, env);
    blockCwd = alone.cwd;
    if (carried.cwd !== cwd) folderAt.push({ line: step.line, cwd: carried.cwd });
    cwd = carried.cwd;
    // Where a carried `cd` does not reach the script but the block on its own does, the block is right, and the
    // `cd` was its own block's only (`cd vendored && pip install -e .`): the steps after it run from here too.
    const blockOnly =
      (carried.command && !found(carried.command) && alone.command && found(alone.command)) ||
      (carried.cwd !== alone.cwd && !foundAt(carried.command) && foundAt(alone.command));
    if (blockOnly && alone.cwd !== cwd) {
      folderAt.push({ line: step.line, cwd: alone.cwd });
      cwd = alone.cwd;
    }
    let command = blockOnly
      ? { command: alone.command!, cwd: alone.cwd }
      : carried.command
        ? { command: carried.command, cwd: carried.cwd }
        : null;
    // Where neither does, a folder an earlier `cd` of the document moved to and a section's end left may, one
    // that holds the configs the command passes too; one that lacks them yields to the one folder of the repo
    // that holds both (a `cd` of another section does not reach this command).
    let located: string | null = null;
    if (command && !found(command.command) && command.command.script !== null) {
      const readings = [...visited].reverse().map((folder) => interpretLine(step.text, folder, env));
      const loose = readings.find((r) => r.command && found(r.command));
      const there =
        readings.find((r) => r.command && fits(r.command)) ?? (loose ? (soleFittingFolder(step.text) ?? loose) : null);
      if (there?.command) {
        if (!visited.includes(there.cwd)) located = command.command.script;
        command = { command: there.command, cwd: there.cwd };
      }
    }
    if (cwd !== startDir && !visited.includes(cwd)) visited.push(cwd);
    // A bare script the prose just named with its folder ("run `src/train.py`", then `python train.py`) runs from that folder.
    if (command && !found(command.command) && command.command.script !== null) {
      const folder = namedFolderBefore(step.line, command.command.script);
      const there = folder === null ? null : interpretLine(step.text, folder, env);
      if (there?.command && found(there.command)) command = { command: there.command, cwd: there.cwd };
    }
    // A bare script after prose saying which folder the scripts are in ("In the tools folder we provide ...").
    if (command && !found(command.command) && command.command.script !== null && !command.command.script.includes("/"))
      for (const folder of saidFolders.filter((f) => f.line < step.line).reverse()) {
        const there = interpretLine(step.text, joinRel(startDir, folder.path), env);
        if (!there.command || !found(there.command)) continue;
        command = { command: there.command, cwd: there.cwd };
        break;
      }
    // Else the one folder of the repo that holds the script and the configs it passes: the README is off by a
    // folder, and the mention of the script says where it is (a bare script is left to the plan's namesake).
    if (command && !found(command.command) && command.command.script !== null && command.command.inputs.length > 0) {
      const there = soleFittingFolder(step.text);
      if (there?.command) {
        located = command.command.script;
        command = { command: there.command, cwd: there.cwd };
      }
    }
    if (command)
      commands.push({
        line: step.line,
        ...command,
        ...(repeated ? { repeat: repeated.times } : {}),
        ...(located !== null ? { located } : {}),
      });
  }
  const cwdAt = (line: number) => folderAt.filter((f) => f.line < line).pop()!.cwd;
  const proseAt = new Map(parts.prose.map((p) => [p.line, p.text]));
  const rawLines = text.split(/\r?\n/);
  for (const { line, text: span } of parts.inline) {
    // `./run.sh` runs the script wherever it stands; a bare `code/train.sh` does as a list item of its own.
    const ranScript =
      RUN_BY_PATH.test(span) || (SCRIPT_PATH.test(span) && LIST_ITEM_ONLY.exec(proseAt.get(line) ?? "")?.[1] === span)
        ? span.startsWith("./")
          ? span
          : `bash ${span}`
        : ranPython(span, rawLines[line - 1] ?? "", (p) => view.has(joinRel(cwdAt(line), p)));
    const words = ranScript ?? (/\s/.test(span) && !/^cd\s/.test(span) ? span : null);
    let step = words === null ? null : interpretLine(words, cwdAt(line), env);
    // "Move to `sub` and run `./sub/go.sh`": the reader runs it from the folder the sentence moved to, where the
    // script's own calls (`python main.py` beside it) resolve, even when the path repeats that folder.
    const moved = folderAt.filter((f) => f.line === line).pop()?.cwd;
    if (words !== null && step?.command && moved !== undefined && moved !== step.cwd) {
      const there = interpretLine(words, moved, env);
      if (there.command && found(there.command)) step = there;
      else if (found(step.command) && step.command.script?.startsWith(`${moved}/`)) step = { ...step, cwd: moved };
    }
    if (step?.command) commands.push({ line, command: step.command, cwd: step.cwd });
  }
  // A command written as a plain line of prose, outside any code block ("stage2: python predict.py --fold 0").
  for (const { line, text: written } of parts.prose) {
    const repeated = repeatPrefix(written);
    const prose = repeated ? repeated.rest : written;
    const plain = plainCommand(prose);
    if (plain === null) continue;
    // A carried folder that does not hold the script yields to the README's own, where it does.
    const carried = interpretLine(plain, cwdAt(line), env);
    const here = carried.command?.script ?? null;
    const own = here !== null && !view.has(here) ? interpretLine(plain, startDir, env) : null;
    const step = own?.command && found(own.command) ? own : carried;
    if (step.command)
      commands.push({
        line,
        command: step.command,
        cwd: step.cwd,
        prose: true,
        ...(repeated ? { repeat: repeated.times } : {}),
      });
  }
  commands.sort((a, b) => a.line - b.line);
  const called = new Set<string>();
  let clones: Map<string, ScriptClone> | undefined;
  /** The section title a line is under and the prose line before it: where the README says what a step is. */
  const contextOf = (line: number): string => {
    const title = parts.sections.filter((sec) => sec.line <= line).pop()?.title ?? "";
    const before = parts.prose.filter((p) => p.line <= line).pop()?.text ?? "";
    return `${title}\n${before}`;
  };
  const submissions = submissionNames(text);
  const submitted = submittedFiles(text);
  /** `named`: only the submission files the README names count (a training script's own output is no
   * prediction step unless the README says it is the submission). */
  const submitting = (script: string, named = false): boolean => {
    const code = named && submissions.length === 0 && submitted.length === 0 ? null : view.read(script);
    return (
      code !== null &&
      (named
        ? submissions.some((name) => code.includes(name)) || writesNamed(code, submitted)
        : writesSubmission(code, submissions))
    );
  };
  for (let i = 0; i < commands.length; i++) {
    const { line, command, cwd, prose, repeat, located } = commands[i]!;
    // A script the repo lacks keeps its name: the finding about it names what the README says.
    const script = scriptRun(command, (p) => view.has(p)) ?? command.script;
    const [first, ...more] = purposesOf(view, env, command, script, text);
    let purpose = first!;
    // `docker run <image>` runs what the root Dockerfile's CMD or ENTRYPOINT runs: that script is the step.
    if (command.script === null && /^(?:sudo\s+)?(?:docker|nvidia-docker|podman)\s+run\b/.test(command.command)) {
      const inner = imageCommand(view, env);
      if (inner) {
        commands.push({
          line,
          command: { ...command, script: inner.script, scriptCandidates: [inner.script], purpose: inner.purpose },
          cwd,
        });
        continue;
      }
    }
    // A program the README runs under words saying what it is for ("## Training", "2. Fit the model: `pypy
    // Online.py 4 0.5`"): the reader takes those words as its purpose when its own name says nothing.
    if (purpose === "other" && runsProgram(command) && !USAGE_ONLY.test(command.command))
      purpose = contextPurpose(contextOf(line));
    // Failing words, the script's own code: `python main.py` that fits a model trains; one that writes a
    // submission file (one the README names, or `submission.csv`) predicts, whatever its name (`ensemble.py`).
    if (purpose === "other" && script && /\.py$/.test(script)) {
      if (fitsModel(view.read(script) ?? "")) purpose = "train";
      else if (submitting(script)) purpose = "predict";
    }
    // A shell script the README calls the final submission or inference step makes the predictions.
    if (script && /\.(?:sh|bash)$/.test(script) && PREDICTION_STEP.test(contextOf(line))) {
      if (purpose === "other") purpose = "predict";
      else if (purpose !== "predict" && !more.includes("predict")) more.push("predict");
    }
    // A training script that also writes the submission file the README names, or writes a submission where the
    // README's words say the step makes the predictions ("trains all models and makes predictions"), documents the
    // prediction too.
    if (
      script &&
      /\.py$/.test(script) &&
      (purpose === "train" || more.includes("train")) &&
      purpose !== "predict" &&
      !more.includes("predict") &&
      (submitting(script, true) || (PREDICTION_STEP.test(contextOf(line)) && submitting(script)))
    )
      more.push("predict");
    // What a shell script the README runs calls in turn, from the folder the README runs it in.
    const shell = script !== null && (/\.(?:sh|bash)$/.test(script) || submitsScript(command.command));
    if (script && shell && view.has(script) && !called.has(`${cwd}\0${script}`)) {
      called.add(`${cwd}\0${script}`);
      for (const item of missingCalls(view, script, cwd, env, purpose, (clones ??= scriptClones(view))))
        records.push(item);
    }
    records.push({
      kind: "command",
      file,
      line,
      command: command.command,
      purpose,
      script,
      ...(cwd ? { cwd } : {}),
      ...(prose ? { prose } : {}),
      ...(repeat ? { repeat } : {}),
    });
    // What the script it runs does besides (a driver script that trains, then predicts).
    for (const also of more)
      records.push({
        kind: "command",
        file,
        line,
        command: command.command,
        purpose: also,
        script,
        via: script ?? `make ${command.makeTarget ?? ""}`.trim(),
      });
    if (located !== undefined && script) mention(line, "file", located, false, purpose, script);
    else if (command.script)
      mentionFile(line, script ?? command.script, false, purpose, false, submitsScript(command.command));
    for (const input of command.inputs) mentionFile(line, input, false);
    for (const branch of command.branches) mentionBranch(line, branch);
  }
  for (const { line, text: span } of parts.inline) if (!/\s/.test(span)) mentionFile(line, span, false, null, true);
  // A notebook repo's README names its notebooks ("`train.ipynb` - contains the training pipeline"):
  // that is its command, run as jupyter would.
  const proseByLine = new Map(parts.prose.map((p) => [p.line, p.text]));
  const named = new Set<string>();
  // A line describing a notebook ("- `x.ipynb` — the notebook submitted") is a step only in a README that says to
  // run nothing else: there the list of notebooks is all the procedure it gives.
  const described: Array<[number, string, string | undefined]> = [];
  const nameNotebook = (line: number, raw: string, near?: string, describedToo = false) => {
    if (!describedToo && describesFile(proseByLine.get(line) ?? "")) {
      described.push([line, raw, near]);
      return;
    }
    const written = raw.replace(/[#?].*$/, "");
    // A misspelt extension (`x.ipnb`) runs the notebook it means; the mention says it is misspelt.
    const clean = extensionTypo(view, joinRel(dir, written))?.slice(dir ? dir.length + 1 : 0) ?? written;
    if (!/\.ipynb$/i.test(clean) || !isLocal(clean)) return;
    // "For more details see: analysis.ipynb" points the reader at a notebook; it runs nothing.
    const words = proseByLine.get(line) ?? "";
    if (DETAILS.test(words) && !RUNNING.test(words)) return;
    const path =
      [joinRel("", clean), joinRel(dir, clean)].find((p) => view.has(p)) ??
      (clean.includes("/") ? undefined : soleNotebook(view, clean));
    if (!path || named.has(path)) return;
    named.add(path);
    // Its path says what it is for ("inference/x.ipynb"), else the line's words, else the section's.
    const own = notebookPurpose(path, near ?? proseByLine.get(line) ?? "");
    const said = own === "other" ? contextPurpose(contextOf(line)) : own;
    // Failing words, its code: a notebook that writes the submission predicts, one that fits a model trains.
    const code = said === "other" ? (view.read(path) ?? "") : "";
    const purpose =
      said !== "other"
        ? said
        : writesSubmission(code, submissions) || writesNamed(code, submitted)
          ? "predict"
          : fitsModel(code)
            ? "train"
            : "other";
    records.push({
      kind: "command",
      file,
      line,
      command: `jupyter nbconvert --to notebook --execute ${path}`,
      purpose,
      script: path,
      named: true,
    });
  };
  // "1. run 01_train_a.ipynb 2. run 02_train_b.ipynb ... then run inference.ipynb": each notebook the prose says to run, in order.
  // A line that says to run names its notebooks in the order to run them, a folder of notebooks as each of
  // its notebooks ("run the three notebooks in training/, then inference/inference.ipynb"); a list item may
  // be a notebook's name alone ("1. notebooks/02_model.ipynb").
  for (const { line, text: prose } of parts.prose) {
    if (prose.length > 2000) continue;
    const runs = RUNNING.test(prose) || LIST_NOTEBOOK.test(prose);
    const said: Array<{ at: number; end: number; paths: string[] }> = [];
    if (runs)
      for (const m of prose.matchAll(NOTEBOOK_WORD))
        said.push({ at: m.index, end: m.index + m[0].length, paths: [m[0]] });
    if (RUN_VERB.test(prose))
      for (const m of prose.matchAll(NOTEBOOK_FOLDER))
        said.push({
          at: m.index,
          end: m.index + m[0].length,
          paths: notebooksIn(view, [joinRel("", m[1]!), joinRel(dir, m[1]!)]),
        });
    // Each notebook's words are those since the one before it ("Training: run ... in nb/", then "then infer/x.ipynb").
    let from = 0;
    for (const { end, paths } of said.sort((a, b) => a.at - b.at)) {
      for (const path of paths) nameNotebook(line, path, prose.slice(from, end));
      from = end;
    }
  }
  for (const { line, text: span } of parts.inline) if (!/\s/.test(span)) nameNotebook(line, span);
  if (!records.some((r) => r.kind === "command" && typeof r.script === "string"))
    for (const [line, raw, near] of described) nameNotebook(line, raw, near, true);
  // A shell script the prose says to run, with no command line ("run **`train.sh`**", "go to src and run the
  // run.sh file"): a step, run by bash in its folder, for what its words, its section's or its own lines do.
  // So is a script a list item names under a sentence that says to run the list ("To train models from the `code`
  // folder run:", then "- stage 2: `train_second_step.sh`").
  const leadIn = (at: number): string => {
    const before = parts.prose.filter((p) => p.line < at);
    while (before.length > 0 && LIST_ITEM.test(before[before.length - 1]!.text)) before.pop();
    return before.pop()?.text ?? "";
  };
  // A list of folders under words that say to run notebooks ("Execute (in order) each notebook:", then
  // "1. `lightgbm_setup/`"): each item runs the notebooks its folder holds, in the list's order.
  for (const { line, text: prose } of parts.prose) {
    const folder = LIST_FOLDER.exec(prose)?.[1];
    if (!folder || /\.\w+$/.test(folder)) continue;
    const lead = leadIn(line);
    if (lead.length > 2000 || !RUN_VERB.test(lead) || !/\bnotebooks?\b/i.test(lead)) continue;
    for (const path of notebooksIn(view, [joinRel(dir, folder), joinRel("", folder)])) nameNotebook(line, path);
  }
  for (const { line, text: prose } of parts.prose) {
    if (prose.length > 2000) continue;
    const listed = !RUN_VERB.test(prose) && LIST_ITEM.test(prose) ? leadIn(line) : null;
    if (listed === null ? !RUN_VERB.test(prose) : !RUN_VERB.test(listed) || listed.length > 2000) continue;
    const folder = GO_TO_FOLDER.exec(listed ?? prose)?.[1]?.replace(/\/+$/, "");
    for (const m of prose.matchAll(SHELL_WORD)) {
      const word = m[0];
      if (!isLocal(word) || SETUP_SCRIPT.test(word)) continue;
      const tries = [
        ...(folder ? [joinRel(joinRel(dir, folder), word), joinRel(folder, word)] : []),
        joinRel(cwdAt(line), word),
        joinRel(dir, word),
        joinRel("", word),
      ];
      const path = tries.find((p) => view.has(p)) ?? (word.includes("/") ? undefined : soleNamesake(view, word));
      if (!path || records.some((r) => r.kind === "command" && r.script === path)) continue;
      const own = contextPurpose(prose);
      const said = own === "other" ? contextPurpose(contextOf(line)) : own;
      const purpose = said !== "other" ? said : (scriptPurposes(view, path, env).find((p) => p !== "other") ?? "other");
      // Run from its own folder, where the README sends the reader.
      const cwd = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
      const command = `bash ${path.slice(cwd ? cwd.length + 1 : 0)}`;
      records.push({ kind: "command", file, line, command, purpose, script: path, cwd, named: true });
    }
  }
  for (const { line, target } of parts.links) nameNotebook(line, decodeURIComponentSafe(target));
  records.push(...proseInstalls(file, parts.prose, view));
  // A github.com/<owner>/<name>/tree/<branch> link names a branch of this repo only when it is this repo
  // (the audited URL, else the README's own `git clone`); another repo's tree/master is not ours to check.
  const own = githubSlug(source) ?? githubSlug(/git\s+clone\s+(\S*github\.com\S+)/.exec(text)?.[1] ?? null);
  const treeBranch = (url: string, line: number) => {
    const m = /github\.com\/([^/\s]+)\/([^/\s]+)\/tree\/([^?#\s)]+)/i.exec(url);
    if (!m || own === null || `${m[1]}/${m[2]!.replace(/\.git$/, "")}`.toLowerCase() !== own) return;
    const branch = branchOfTreePath(m[3]!, branches);
    if (!/^[0-9a-f]{7,40}$/.test(branch)) mentionBranch(line, branch);
  };
  for (const { line, target } of parts.links) {
    if (/^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/tree\//.test(target)) treeBranch(target, line);
    else mentionFile(line, decodeURIComponentSafe(target), true);
  }
  for (const { line, text: prose } of parts.prose) {
    for (const m of prose.matchAll(/\bbranch(?:es)?\s+(?:called\s+|named\s+)?[`'"]([^`'"\s]+)[`'"]/gi))
      mentionBranch(line, m[1]!);
    for (const m of prose.matchAll(/[`'"]([^`'"\s]+)[`'"]\s+branch\b/gi)) mentionBranch(line, m[1]!);
    for (const m of prose.matchAll(/(?<!\]\()https?:\/\/(?:www\.)?github\.com\/[^/\s]+\/[^/\s]+\/tree\/[^?#\s)]+/g))
      treeBranch(m[0], line);
  }
  // In reading order (sort is stable: within a line, sections, commands, then mentions as found).
  markWrittenEarlier(records, view);
  for (const item of stepFolderRecords(view, file, text, dir)) records.push(item);
  return records.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A missing file the README names after a step whose script writes it (`python make_train_bash_script.py`
 * writes `_train_script_auto_generated.sh`, run next): made by the pipeline, not missing. The script's text
 * naming the file is the evidence. */
function markWrittenEarlier(records: FactRecord[], view: RepoView): void {
  const steps = records.filter(
    (r) => r.kind === "command" && typeof r.script === "string" && view.has(r.script) && typeof r.line === "number",
  );
  for (const m of records) {
    if (m.kind !== "mention" || m.target !== "file" || m.exists !== false || typeof m.name !== "string") continue;
    const base = m.name.slice(m.name.lastIndexOf("/") + 1);
    if (base.length < 6) continue;
    const writer = steps.find(
      (c) =>
        (c.line as number) <= (m.line as number) &&
        c.script !== m.name &&
        (view.read(String(c.script)) ?? "").includes(base),
    );
    if (writer) m.producedBy = `${String(writer.script)} (${String(writer.file)}:${String(writer.line)})`;
  }
}

/** The Python scripts and `-m` modules a shell script runs that are not there from the folder it runs in
 * (`bash working/train_valid.sh` from the root runs `python3 -m train`, but train.py is in working/). */
/** A Python file beside a script can write it (`open(f'scripts/{i}_pl.sh', 'w')`, a generator the README runs
 * first): the called script is the pipeline's own, not missing. Python files of that one folder only, capped. */
function writtenByPythonBeside(view: RepoView, folder: string, script: string): boolean {
  const prefix = folder === "" ? "" : `${folder}/`;
  const rel = script.startsWith(prefix) ? script.slice(prefix.length) : script;
  const beside = view
    .files()
    .filter((f) => f.kind === "python" && f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("/"))
    .slice(0, 50);
  for (const f of beside) {
    const text = view.read(f.path) ?? "";
    if (text.length > 200_000) continue;
    for (const m of text.matchAll(/\bopen\(\s*[fF]?(['"])([\w./{}-]+\.(?:sh|bash))\1\s*,\s*[rbt]*['"][wa]/g)) {
      const template = m[2]!.replace(/^\.\//, "").replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      if (new RegExp(`^${template.replace(/\\?\{[^}]*\\?\}/g, "[^/]+")}$`).test(rel.replace(/^\.\//, ""))) return true;
    }
  }
  return false;
}

function missingCalls(
  view: RepoView,
  script: string,
  cwd: string,
  env: ShellEnv,
  runBy: string,
  clones: ReadonlyMap<string, ScriptClone>,
  seen = new Set<string>(),
): FactRecord[] {
  const text = seen.size < 8 && !seen.has(script) ? view.read(script) : null;
  if (text === null) return [];
  seen.add(script);
  const out: FactRecord[] = [];
  let at = cwd;
  // The clone (of another repository, by an earlier script) the lines run inside: it provides their files.
  let inside: ScriptClone | null = null;
  const runsInClone = new Set<string>();
  /** A call the clone provides: no missing file, but one record of the clone it runs, unpinned or not. */
  const ranInClone = (clone: ScriptClone, line: number) => {
    if (runsInClone.has(clone.folder)) return;
    runsInClone.add(clone.folder);
    out.push({
      kind: "clone-run",
      file: script,
      line,
      name: clone.folder,
      url: clone.url,
      clonedAt: clone.at,
      pinned: clone.pinned,
      runBy,
    });
  };
  // `cd "$(dirname "$0")"` and the like move to the script's own folder.
  const read = scriptLineReader(script.includes("/") ? script.slice(0, script.lastIndexOf("/")) : "", env);
  const logical = joinContinuations(
    text
      .split("\n")
      .slice(0, 2000)
      .map((t, i) => ({ line: i + 1, text: t })),
  );
  // Option or override lines after a command whose last line lost its `\`: the shell runs them on their own.
  for (const w of joinWrappedOptions(logical, { overrides: true }).wrapped)
    out.push({ kind: "wrapped", file: script, line: w.line, continues: w.continues, runBy });
  for (const { line, text: raw } of logical) {
    const entered = cloneEntered(raw, at, clones, (p) => view.isDir(p));
    if (entered !== undefined) inside = entered;
    const step = read(raw, at);
    at = step.cwd;
    // After a `cd` no mount maps, the folder is unknown: nothing is claimed missing from it.
    if (isUnplaced(at)) continue;
    const command = step.command;
    // `CUDA_VISIBLE_DEVICES=0 python x.py`, `nohup python x.py &`: the command the prefixes run.
    const words = command ? (commandWords(command.command)?.argv ?? []) : [];
    const from = at === "" ? "the repository root" : `${at}/`;
    // A shell script it runs (`./step.sh`, `bash sub/x.sh`, `. ./env.sh`): there from this folder, or a missing
    // call (`./step.sh` beside the script works only after a cd into its folder); a found one's calls in turn.
    const shell = command?.script && (/\.(?:sh|bash)$/.test(command.script) || submitsScript(command.command));
    if (command?.script && shell && !PYTHON_RUNNER.test(words[0] ?? "")) {
      const found = command.scriptCandidates.find((p) => view.has(p));
      if (found) out.push(...missingCalls(view, found, at, env, runBy, clones, seen));
      else if (inside) ranInClone(inside, line);
      else if (!writtenByPythonBeside(view, at, command.script)) {
        const nearest = namesake(view, command.script);
        const foundUnder = nearest ? folderAbove(nearest, command.scriptCandidates) : null;
        out.push({
          kind: "call",
          file: script,
          line,
          name: command.script,
          from,
          exists: false,
          runBy,
          ...(nearest ? { nearest } : {}),
          ...(foundUnder ? { foundUnder } : {}),
          cause: foundUnder ? `under ${foundUnder}/` : command.script,
        });
      }
      continue;
    }
    if (!command || !PYTHON_RUNNER.test((words[0] ?? "").replace(/^.*\//, ""))) continue;
    const argv = words.slice(1);
    const missing = (name: string, candidates: string[], nearest: string | null) => {
      if (inside) return ranInClone(inside, line);
      // `python tool/run.py` after an earlier script's `git clone .../tool`: the clone holds it.
      const cloned = clonedFolderOf(name, at, clones, (p) => view.isDir(p));
      if (cloned) return ranInClone(cloned, line);
      const foundUnder = nearest ? folderAbove(nearest, candidates) : null;
      out.push({
        kind: "call",
        file: script,
        line,
        name,
        from,
        exists: false,
        runBy,
        ...(nearest ? { nearest } : {}),
        ...(foundUnder ? { foundUnder } : {}),
        // One cause per finding: all calls that find their files under one folder, else each name alone.
        cause: foundUnder ? `under ${foundUnder}/` : name,
      });
    };
    // `python -m torch.distributed.launch ... train.py`: an installed launcher, checked by the script it starts.
    const installed = argv[0] === "-m" && argv[1] !== undefined && isInstalledModule(argv[1], view);
    if (argv[0] === "-m" && argv[1] && command.moduleFiles.length > 0 && !installed) {
      if (!command.moduleFiles.some((p) => view.has(p)))
        missing(`-m ${argv[1]}`, command.moduleFiles, namesake(view, `${argv[1].replace(/\./g, "/")}.py`));
    } else if (command.script !== null) {
      if (!command.scriptCandidates.some((p) => view.has(p)))
        missing(command.script, command.scriptCandidates, namesake(view, command.script));
    } else if (argv[0] && !argv[0].startsWith("-") && !/[$`'"]/.test(argv[0])) {
      // `python3 create_folds`: a script named without its .py, which python cannot open.
      const bare = argv[0];
      const path = (at ? `${at}/` : "") + bare;
      if (!view.has(path)) missing(bare, [path], view.has(`${path}.py`) ? `${path}.py` : namesake(view, `${bare}.py`));
    }
  }
  return out;
}

/** The clone whose folder a script path starts with (`tool/run.py`, `./tool/run.py`, from `at` or the root),
 * where the repo has no such folder of its own; null otherwise. */
function clonedFolderOf(
  name: string,
  at: string,
  clones: ReadonlyMap<string, ScriptClone>,
  isDir: (path: string) => boolean,
): ScriptClone | null {
  const path = name.replace(/^\.\//, "");
  if (!path.includes("/") || path.startsWith("/")) return null;
  for (const clone of clones.values())
    if (path.startsWith(`${clone.folder}/`) && !isDir(joinRel(at, clone.folder)) && !isDir(clone.folder)) return clone;
  return null;
}

/** The folder that holds a missing call's file as the call names it (`working` for `train.py` found at
 * `working/train.py`, or `create_folds` at `working/create_folds.py`): the calls of one script that all find their
 * files under one folder share one cause, the folder the script runs from. */
function folderAbove(nearest: string, candidates: string[]): string | null {
  for (const c of candidates)
    for (const path of [c, `${c}.py`])
      if (nearest.endsWith(`/${path}`)) return nearest.slice(0, nearest.length - path.length - 1);
  return null;
}

/** The one file of that name elsewhere in the repo (`working/train.py` for a missing `train.py`), or null. */
/** Every file with the base name of `path`, sorted. */
function namesakes(view: RepoView, path: string): string[] {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return view
    .files()
    .filter((e) => e.path === base || e.path.endsWith(`/${base}`))
    .map((e) => e.path)
    .sort();
}

/** The files whose path ends with `path`'s folders and name (`script/run.sh` in input/training/), sorted. */
function filesEndingWith(view: RepoView, path: string): string[] {
  if (path.startsWith("..")) return [];
  return view
    .files()
    .filter((e) => e.path.endsWith(`/${path}`))
    .map((e) => e.path)
    .sort();
}

function namesake(view: RepoView, path: string): string | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const hits = view.files().filter((e) => e.path === base || e.path.endsWith(`/${base}`));
  return hits.length === 1 ? hits[0]!.path : null;
}

/** A file beside a missing one whose name is a slip away (`run_12_trainfull.sh` named, `run_11_trainfull.sh`
 * there): the README is off by a typo, not missing a step. Same folder and extension, at most 2 edits. */
/** The one folder `f` for which `f/<path>` exists, or null when none or several do. */
function soleFolderHolding(view: RepoView, path: string): string | null {
  if (path.startsWith("..") || !path.includes("/")) return null;
  const holders = view
    .files()
    .filter((e) => e.path.endsWith(`/${path}`))
    .map((e) => e.path.slice(0, e.path.length - path.length - 1));
  return holders.length === 1 ? holders[0]! : null;
}

function nearNamesake(view: RepoView, path: string): string | null {
  const typo = extensionTypo(view, path);
  if (typo) return typo;
  const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  const base = path.slice(folder.length);
  const ext = /\.[^.]+$/.exec(base)?.[0] ?? "";
  if (base.length < 6) return null;
  let best: { path: string; d: number } | null = null;
  for (const e of view.files()) {
    if (!e.path.startsWith(folder) || e.path.slice(folder.length).includes("/") || !e.path.endsWith(ext)) continue;
    const d = editDistance(base.toLowerCase(), e.path.slice(folder.length).toLowerCase());
    if (d <= 2 && (best === null || d < best.d)) best = { path: e.path, d };
  }
  return best?.path ?? null;
}

/** Extensions of the code a README runs, which it sometimes misspells by one character (`.ipnb`, `.pyy`). */
const CODE_EXTENSIONS = ["py", "ipynb", "sh"];

/** The file a name means when its extension is one character off a code extension (`x.ipnb` for `x.ipynb`
 * beside it), or null. */
function extensionTypo(view: RepoView, path: string): string | null {
  const m = /^(.+)\.(\w{1,7})$/.exec(path);
  if (!m || CODE_EXTENSIONS.includes(m[2]!.toLowerCase())) return null;
  const meant = CODE_EXTENSIONS.find((e) => editDistance(m[2]!.toLowerCase(), e) === 1 && view.has(`${m[1]}.${e}`));
  return meant ? `${m[1]}.${meant}` : null;
}

/** The repo script the root Dockerfile's last CMD or ENTRYPOINT runs (exec or shell form; a path inside the
 * image's copy of the repo, `/app/src/predict.py`, found by its trailing folders), with its purpose; or null. */
function imageCommand(view: RepoView, env: ShellEnv): { script: string; purpose: Purpose } | null {
  const text = view.read("Dockerfile") ?? "";
  const last = [
    ...text
      .split(/\r?\n/)
      .slice(0, 2000)
      .map((l) => /^\s*(?:CMD|ENTRYPOINT)\s+(.*)$/i.exec(l)?.[1]),
  ]
    .filter((l): l is string => l !== undefined)
    .pop();
  if (last === undefined) return null;
  let line = last.trim();
  if (line.startsWith("[")) {
    try {
      const argv: unknown = JSON.parse(line);
      // Only string words: an object in a hostile README's JSON form cannot become text.
      line = Array.isArray(argv) ? argv.filter((w) => typeof w === "string" || typeof w === "number").join(" ") : "";
    } catch {
      return null;
    }
  }
  const inner = interpretLine(line, "", env).command;
  if (!inner?.script) return null;
  const parts = inner.script.split("/");
  for (let k = 0; k < parts.length; k++) {
    const path = parts.slice(k).join("/");
    if (view.has(path)) return { script: path, purpose: inner.purpose };
  }
  return null;
}

/** The README files below the root that a README's text names by path (`team_a/README.md`, a link to one). */
function pointedReadmes(
  text: string,
  has: (path: string) => boolean,
  readmeOf: (folder: string) => string | null,
): Set<string> {
  const out = new Set<string>();
  // "Tom's solution can be found in `tom_solution`": a folder named in code or a link, its README the member's steps.
  for (const m of text.matchAll(NAMED_FOLDER)) {
    const folder = (m[1] ?? m[2] ?? "").replace(/^\.\//, "").replace(/\/+$/, "");
    const readme = folder.length <= MAX_PATH_WORD && folder !== "" ? readmeOf(folder) : null;
    if (readme !== null) out.add(readme);
  }
  for (const m of text.matchAll(PATH_TOKEN)) {
    const word = withoutTrailingDots(m[0]).replace(/^\.\//, "");
    if (word.length <= MAX_PATH_WORD && word.includes("/") && /(?:^|\/)readme(?:\.\w+)?$/i.test(word) && has(word))
      out.add(word);
  }
  return out;
}

/** A folder path in inline code (`` `a/b` ``, ``` ``a`` ```) or as a link's target (`](a/b)`). */
const NAMED_FOLDER = /`+((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\/?)`+|\]\(((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\/?)\)/g;

/** The README a folder of the repo holds directly, or null. */
function readmeIn(view: RepoView): (folder: string) => string | null {
  const byFolder = new Map<string, string>();
  for (const f of view.files())
    if (!f.skipped && roleOf(f) === "readme" && f.path.includes("/"))
      byFolder.set(f.path.slice(0, f.path.lastIndexOf("/")), f.path);
  return (folder) => (view.isDir(folder) ? (byFolder.get(folder) ?? null) : null);
}

/** A linked markdown file larger than this is no how-to a reader follows (a changelog, a dumped log). */
const MAX_LINKED_DOC = 256 * 1024;

/** Markdown files other than READMEs that the root README names, as a link or a bare path from the root. */
function linkedDocs(text: string, view: RepoView): Set<string> {
  const out = new Set<string>();
  const entries = new Map(view.files().map((f) => [f.path, f]));
  for (const m of text.matchAll(PATH_TOKEN)) {
    const word = withoutTrailingDots(m[0]).replace(/^\.\//, "");
    if (word.length > MAX_PATH_WORD || !/\.(?:md|markdown)$/i.test(word)) continue;
    const entry = entries.get(word);
    const role = entry && !entry.skipped ? roleOf(entry) : null;
    if (role === "docs" || (role === "text" && entry!.size <= MAX_LINKED_DOC)) out.add(word);
  }
  // "see the docs/ folder": every page there is the README's to follow.
  if (DOCS_FOLDER_NAMED.test(text))
    for (const entry of entries.values()) if (!entry.skipped && roleOf(entry) === "docs") out.add(entry.path);
  return out;
}

/** The docs folder named as such in prose or a link (`docs/`, `[docs](./docs)`), not a path into it. */
const DOCS_FOLDER_NAMED = /(?:^|[\s(\[`'"])(?:\.\/)?docs\/?(?=[\s)\]`'".,;:]|$)/im;

/** A command that runs a program of the repo or a training launcher, not a tool such as `cd` or `wget`. */
function runsProgram(command: ShellCommand): boolean {
  return (
    command.script !== null ||
    command.moduleFiles.length > 0 ||
    command.makeTarget !== undefined ||
    /^(?:\S*\/)?(?:accelerate|torchrun|deepspeed)\b/.test(command.command)
  );
}

/** A command that asks for its usage and runs nothing else. */
const USAGE_ONLY = /\s(?:--help|-h|--version)(?:\s|$)/;

/** What the words around a step (its section title, the prose line before it) say it is for; code spans and
 * file names are not words ("see `python train.py --help`" says nothing). */
function contextPurpose(text: string): Purpose {
  const words = text.replace(/`[^`]*`/g, " ").replace(/[\w-]*[./][\w./-]*/g, " ");
  if (TRAIN_STEP.test(words)) return "train";
  return PREDICTION_STEP.test(words) ? "predict" : "other";
}

/** Words naming a step that trains: "Training", "Train the model", "fit the model". */
const TRAIN_STEP = /\b(?:train(?:s|ing)?|(?:re)?fit(?:s|ting)?\s+(?:the\s+)?models?|fine-?tun(?:e|ing))\b/i;

/** Words naming a step that makes the predictions: "Final submission", "Inference", "Predict"; or, in a code
 * competition where the platform runs the model, the step that exports it ("Convert to TFLite", "export to ONNX"). */
const PREDICTION_STEP =
  /\b(?:submission|inference|predict(?:ion|ions)?)\b|\b(?:convert|export)(?:s|ing|ed)?\b[^.\n]{0,40}?\b(?:tflite|onnx|tensorrt|openvino|coreml|torchscript)\b/i;

/** A notebook's path in prose, from its first path character. */
const NOTEBOOK_WORD = /[\w./-]*[\w-]\.ipynb\b/g;
/** A list item that is a notebook's name: "1. `01_features.ipynb`", "- notebooks/02_model.ipynb". */
const LIST_NOTEBOOK = /^\s*(?:\d+[.)]|[-*+])\s+`?[\w./-]+\.ipynb\b/;
/** A folder of notebooks the prose says to run: "run the three notebooks in training/", "execute all notebooks under `nb`". */
const NOTEBOOK_FOLDER =
  /\b(?:run|execute|launch)\s+(?:all\s+|each\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:jupyter\s+)?notebooks\s+(?:in|under|from|inside)\s+(?:the\s+)?`?([\w.-]+(?:\/[\w.-]+)*)\/?`?/gi;

/** The notebooks directly inside the first of these folders that holds any, by name. */
function notebooksIn(view: RepoView, folders: string[]): string[] {
  for (const folder of folders) {
    const prefix = folder === "" ? "" : `${folder}/`;
    const found = view
      .files()
      .filter(
        (e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes("/") && e.path.endsWith(".ipynb"),
      )
      .map((e) => e.path)
      .sort();
    if (found.length > 0) return found;
  }
  return [];
}

/** The one notebook of that name in the repo, or undefined when none or several are. */
function soleNotebook(view: RepoView, name: string): string | undefined {
  const hits = view.files().filter((e) => e.path.endsWith(`/${name}`));
  return hits.length === 1 ? hits[0]!.path : undefined;
}

/** Words that point the reader at a file to read rather than run. */
const DETAILS = /\b(?:for\s+(?:more|further)\s+(?:details|info(?:rmation)?)|more\s+details\s+(?:are\s+)?in)\b/i;
const RUN_VERB = /\b(?:run|execute|launch)\b/i;
/** A notebook is run by its cells, so "By running the codes in `x.ipynb`" says to run it too. */
const RUNNING = /\b(?:run(?:ning|s)?|execut(?:e|es|ing)|launch(?:es|ing)?)\b/i;
/** Prose saying where the scripts are: "In the tools folder we provide ...", "the scripts are under `tools/`",
 * "code lives in the src directory". */
const SAID_FOLDER = [
  /\b(?:in|under|inside|within)\s+(?:the\s+)?`?([\w.-]+(?:\/[\w.-]+)*)\/?`?\s+(?:folder|directory|dir)\b/i,
  /\b(?:in|under|inside|within)\s+(?:the\s+)?(?:folder|directory|dir)\s+`?([\w.-]+(?:\/[\w.-]+)*)\/?`?/i,
  /\b(?:scripts?|code|files|programs?)\s+(?:are|is|lives?|sits?|lie|can\s+be\s+found)\s+(?:\w+\s+)?(?:in|under|inside|within)\s+(?:the\s+)?`?([\w.-]+(?:\/[\w.-]+)*)\/?`?/i,
];

/** The folders prose lines say the scripts are in, with their lines (folders of the repo only). */
function scriptFoldersSaid(
  prose: ReadonlyArray<{ line: number; text: string }>,
  isDir: (path: string) => boolean,
): Array<{ line: number; path: string }> {
  const out: Array<{ line: number; path: string }> = [];
  for (const { line, text } of prose) {
    if (text.length > 2000) continue;
    for (const re of SAID_FOLDER) {
      const path = re.exec(text)?.[1]?.replace(/^\.\//, "");
      if (path && !NOT_A_FOLDER_WORD.has(path.toLowerCase()) && isDir(path)) {
        out.push({ line, path });
        break;
      }
    }
  }
  return out;
}
const NOT_A_FOLDER_WORD = new Set(["the", "this", "that", "same", "root", "current", "working", "your", "a", "an"]);

/** A shell script run by its path (`./code/train.sh`): the shell runs it as written. */
const RUN_BY_PATH = /^\.\/[\w./-]+\.(?:sh|bash)$/;
const PY_PATH = /^(?:\.\/)?[\w./-]+\.py$/;
/** The words just before a span that tell the reader to run it ("To train all models, run: "). */
const RUN_BEFORE = /\b(?:run|execute|launch)\s*:?\s*$/i;

/** "run: `./runs.py`": a Python file of the repo the sentence says to run, without `python` before it, run by
 * Python; null for any other span. */
function ranPython(span: string, line: string, has: (path: string) => boolean): string | null {
  if (!PY_PATH.test(span) || !has(span)) return null;
  const at = line.indexOf(`\`${span}\``);
  return at >= 0 && RUN_BEFORE.test(line.slice(0, at)) ? `python ${span}` : null;
}
const SCRIPT_PATH = /^[\w./-]+\.(?:sh|bash)$/;
/** A list item that is one inline code span and nothing else ("- `code/train.sh`"). */
const LIST_ITEM_ONLY = /^\s*(?:\d+[.)]|[-*+])\s+`([^`]+)`\s*[.;]?\s*$/;
/** A shell script's name in prose (`train.sh`, **scripts/run.sh**). */
const SHELL_WORD = /[\w./-]*[\w-]\.sh\b/g;
/** A bulleted or numbered list item. */
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
/** A list item that is a folder's name alone: "1. `lightgbm_setup/`", "- models/a". */
const LIST_FOLDER = /^\s*(?:[-*+]|\d+[.)])\s+`?([\w.-]+(?:\/[\w.-]+)*)\/?`?\s*$/;
/** The folder a sentence sends the reader to before its script ("go to `src` and run ...", "cd into V and run"). */
const GO_TO_FOLDER = /\b(?:go|cd|change|move|navigate)\s+(?:in)?to\s+(?:the\s+)?[`*"']*([\w.-]+(?:\/[\w.-]+)*\/?)/i;

/** The one file anywhere in the repo with this name, if there is exactly one. */
function soleNamesake(view: RepoView, name: string): string | undefined {
  const hits = view.files().filter((e) => e.path === name || e.path.endsWith(`/${name}`));
  return hits.length === 1 ? hits[0]!.path : undefined;
}

const DOCKERFILE = /(?:^|\/)(?:Dockerfile[^/]*|[^/]*\.docker|Containerfile)$/i;
/** Words that make a Dockerfile the README names the environment to build: "build it", "we provide a Dockerfile
 * with the environment", "use the Dockerfile"; not "kept for reference". */
const DOCKERFILE_WORDS =
  /\b(?:docker|build|image|container|environment|env|provided?|use[ds]?|using|set\s*up|setup|install)\b/i;
const SETUP_SCRIPT = /(?:^|\/)[^/]*(?:setup|install)[^/]*\.sh$|(?:^|\/|_)env\.sh$/i;

/** A word that names a Dockerfile or a shell script: `x.docker`, `setup.sh`, `docker/Dockerfile.gpu`. */
function isInstallFileName(word: string): boolean {
  if (word.length > MAX_PATH_WORD) return false;
  const token = withoutTrailingDots(word);
  if (token.endsWith(".docker") || token.endsWith(".sh")) return token.length > 3 && !token.startsWith(".");
  const name = token.slice(token.lastIndexOf("/") + 1);
  return name.includes("Dockerfile") || name.includes("Containerfile");
}

/** The Dockerfile and script names a line of prose gives, in order. */
function installFileNames(text: string): string[] {
  return [...text.matchAll(PATH_TOKEN)]
    .map((m) => m[0])
    .filter(isInstallFileName)
    .map(withoutTrailingDots);
}

/** Install steps a README gives in words ("A docker file is made available `RSNADOCKER.docker` to build",
 * "After that run setup_env.sh script", "call dockerhub container `owner/kaggle:apex_build`"): recorded
 * as the command they stand for, `named`. A file is found by its path or, when unique, its name. */
function proseInstalls(
  file: string,
  prose: ReadonlyArray<{ line: number; text: string }>,
  view: RepoView,
): FactRecord[] {
  const byName = new Map<string, string[]>();
  for (const e of view.files())
    if (DOCKERFILE.test(e.path) || SETUP_SCRIPT.test(e.path)) {
      const name = e.path.slice(e.path.lastIndexOf("/") + 1).toLowerCase();
      (byName.get(name) ?? byName.set(name, []).get(name)!).push(e.path);
    }
  const resolve = (word: string): string | null => {
    const clean = word.replace(/^\.\//, "");
    if (view.has(clean)) return clean;
    const hits = byName.get(clean.slice(clean.lastIndexOf("/") + 1).toLowerCase()) ?? [];
    return hits.length === 1 ? hits[0]! : null;
  };
  const out: FactRecord[] = [];
  const seen = new Set<string>();
  const add = (line: number, command: string, script: string | null) => {
    if (seen.has(command)) return;
    seen.add(command);
    out.push({ kind: "command", file, line, command, purpose: "install", script, named: true });
  };
  for (const { line, text } of prose) {
    // The words around the names: "Dockerfile" in a name is no word about docker.
    const names = installFileNames(text);
    const words = names.length ? text.replace(PATH_TOKEN, (token) => (isInstallFileName(token) ? " " : token)) : text;
    for (const name of names) {
      const path = resolve(name);
      if (!path) continue;
      if (DOCKERFILE.test(path) && DOCKERFILE_WORDS.test(words)) add(line, `docker build -f ${path} .`, path);
      else if (SETUP_SCRIPT.test(path) && /\b(?:run|execute|launch|call|source)\b/i.test(words))
        add(line, `bash ${path}`, path);
    }
    // "The packages are listed in requirements.txt. Please install them": the spec to install, named in words.
    if (INSTALL_WORD.test(text))
      for (const m of text.matchAll(PATH_TOKEN)) {
        const path = specPath(view, withoutTrailingDots(m[0]));
        if (path === null) continue;
        const name = path.slice(path.lastIndexOf("/") + 1);
        const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
        add(
          line,
          /\.ya?ml$/i.test(name)
            ? `conda env create -f ${path}`
            : /\.txt$/i.test(name)
              ? `pip install -r ${path}`
              : `pip install ${folder}`,
          null,
        );
      }
    // "run.ipynb is the main point of entry", a notebook whose cells install the environment (`!pip install -r ...`).
    if (ENTRY_WORD.test(text))
      for (const m of text.matchAll(NOTEBOOK_WORD)) {
        const notebook = [m[0], joinRel("", m[0])].find((p) => view.has(p)) ?? soleNotebook(view, m[0]);
        const install = notebook ? NOTEBOOK_PIP.exec(view.read(notebook) ?? "") : null;
        if (install) add(line, install[1]!.replace(/\\n$/, "").trim(), null);
      }
    if (/\b(?:docker\s*hub|docker|container|image)\b/i.test(words)) {
      // `owner/name:tag`, or a registry's longer name (`nvcr.io/nvidia/pytorch:21.03-py3`); without a tag only
      // an image the table of known images names (`gcr.io/kaggle-images/python`).
      for (const m of text.matchAll(/`([a-z0-9][\w.-]*(?:\/[\w.-]+)+)(:[\w.-]+)?`/g))
        if (m[2] || imageInfo(m[1]!) !== null) add(line, `docker pull ${m[1]}${m[2] ?? ""}`, null);
    }
    // An image given as the environment without backticks: a name with its tag ("Environment:
    // nvcr.io/nvidia/pytorch:20.03-py3", "the pytorch/pytorch:1.4-cuda10.1-cudnn7-devel image"), never inside a URL.
    if (/\b(?:docker|container|image|environment)\b/i.test(words))
      for (const m of text.matchAll(/(?<![\w./:`-])([a-z][\w.-]*(?:\/[\w.-]+)+):(\w[\w.-]*)(?![\w/`])/g))
        add(line, `docker pull ${m[1]}:${m[2]!.replace(/\.$/, "")}`, null);
  }
  return out;
}

/** Words that make a notebook the way in: "the main point of entry", "start with", "entry point". */
const ENTRY_WORD = /\b(?:entry|entrypoint|main|start)\b/i;
/** A notebook cell's pip install of a spec (`!pip install -r requirements.txt`), as its JSON holds it. */
const NOTEBOOK_PIP = /"\s*[!%]\s*(pip3?\s+install\s+-r\s+[\w./-]+)/;
/** A word asking the reader to install ("install", "installing"), not "installed" of a statement about the author. */
const INSTALL_WORD = /\binstall(?:ing|ation)?\b/i;
/** An environment spec by name: requirements*.txt, environment*.yml, pyproject.toml, setup.py. */
const SPEC_NAME = /^(?:requirements[\w.-]*\.txt|(?:environment|conda|env)[\w.-]*\.ya?ml|pyproject\.toml|setup\.py)$/i;

/** The repo's spec a prose word names: by its path, or by its name when one file has it; null for none. */
function specPath(view: RepoView, word: string): string | null {
  const clean = word.replace(/^\.\//, "").replace(/^[`'"(]+|[`'"),:;]+$/g, "");
  const name = clean.slice(clean.lastIndexOf("/") + 1);
  if (!SPEC_NAME.test(name)) return null;
  if (view.has(clean)) return clean;
  const hits = view
    .files()
    .filter((e) => e.path.endsWith(`/${name}`))
    .map((e) => e.path);
  return hits.length === 1 ? hits[0]! : null;
}

/** What a notebook the README names is for: its name says, else the README's words about it. */
function notebookPurpose(path: string, words: string): Purpose {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  for (const text of [name, path.toLowerCase(), words.toLowerCase()]) {
    if (/infer|predict|submission|submit/.test(text)) return "predict";
    if (/train|fit|finetune|pretrain/.test(text)) return "train";
    if (/download|prepare|preprocess/.test(text)) return "download";
  }
  return "other";
}

/** ".../tree/feature/x/src": the longest prefix that is a known branch, else the first segment. */
function branchOfTreePath(path: string, branches: readonly string[] | null): string {
  const segments = path.split("/");
  for (let n = segments.length; n > 1; n--) {
    const candidate = segments.slice(0, n).join("/");
    if (branches?.includes(candidate)) return candidate;
  }
  return segments[0]!;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
