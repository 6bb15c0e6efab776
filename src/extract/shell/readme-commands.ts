// Recognise shell commands in README text, what each is for and which script it runs, following `cd`
// as a shell would (a README block that starts with `cd scripts` runs what follows from scripts/). Pure.
import { editDistance } from "../../model/edit-distance.js";
import { isPlaceholderWord, shellWords } from "./shell-words.js";
import { isScriptWord } from "./script-word.js";
import { globLoopBody, isGlobbedScriptWord } from "./globbed-scripts.js";
import { slurmRun } from "./slurm.js";

export type Purpose = "install" | "train" | "predict" | "download" | "other";

export interface ShellCommand {
  command: string;
  purpose: Purpose;
  /** The .py/.sh/.ipynb it runs, relative to the repo root as far as the text says; null if none. */
  script: string | null;
  /** Where that script may be: from the folder `cd` moved to, then as written from the root. */
  scriptCandidates: string[];
  /** For `make target`: the target (the Makefile's first when none is named). */
  makeTarget?: string;
  /** For `inv a b` (`invoke`, `poetry run inv`): the tasks named, as written. */
  invokeTasks?: string[];
  /** For `python -m a.b`: candidate files for the module ("a/b.py", "a/b/__main__.py"). */
  moduleFiles: string[];
  /** For `python -m a.b`: the module ("a.b"). */
  module?: string;
  /** Files it reads that the repo should hold: `-r requirements.txt`, `-f environment.yml`, config args. */
  inputs: string[];
  /** Branches it needs: `git clone -b x`, `git checkout x`, `git switch x`. */
  branches: string[];
}

const RUNNERS = new Set(
  "python python2 python3 py pip pip3 conda mamba micromamba poetry pipenv uv bash sh zsh source kaggle accelerate torchrun deepspeed jupyter papermill wget curl gdown git make docker docker-compose nvidia-docker podman nohup sbatch apt apt-get brew huggingface-cli unzip tar Rscript yolo kedro dvc snakemake inv invoke".split(
    " ",
  ),
);
const SCRIPT = { test: isScriptWord };
/** A Python interpreter by its name: python, python3.8, pypy3, ipython. */
export const PYTHON_RUNNER = /^(?:python|pypy|ipython)\d?(?:\.\d+)?$/;
const CONFIG_ARG = /\.(ya?ml|json|toml|cfg|ini)$/i;

/** A shell prompt before a command: `$ `, `> `, `PS> `, `In [1]: `, and a `$ ` after the active environment's
 * name or the user, host and folder (`(venv) $ `, `(base) user@host:~/x$ `). `>>> ` is Python's, not a shell's. */
const PROMPT = /^(?:(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::[^\s$]*)?\s*)?\$|>|#\s*\$|PS>|In \[\d*\]:)\s+/;

/** Strip prompts and notebook escapes: "$ python x.py", "> pip ...", "!pip ...", "%run x.py". */
function stripPrompt(text: string): string {
  return text
    .trim()
    .replace(PROMPT, "")
    .replace(/^[!%](?=\w)/, "");
}

function parseCommand(raw: string): ShellCommand | null {
  return interpretLine(raw, "").command;
}

/** The one answer to "which file does this command run?": its script from the folder `cd` moved to, then as
 * written from the root, then from `from` (the folder of the script holding the line), then the module
 * `python -m` names; the first the repo holds, or null. */
export function scriptRun(
  command: Pick<ShellCommand, "script" | "scriptCandidates" | "moduleFiles">,
  has: (path: string) => boolean,
  from = "",
): string | null {
  const named = command.script === null ? [] : [...command.scriptCandidates, joinRel(from, command.script)];
  return [...named, ...command.moduleFiles].find(has) ?? null;
}

/** What a shell needs to know of the repo: which folders exist, which console scripts the repo installs. */
export interface ShellEnv {
  isDir?: (path: string) => boolean;
  /** Commands the repo's own setup.py / pyproject installs (`aptos=aptos.cli:cli`). */
  runners?: ReadonlySet<string>;
  /** Variables the README defines as the repo's root (`$ROOT`): `cd $ROOT/src` goes to src/. */
  rootVars?: ReadonlySet<string>;
  /** Folders `git clone` made so far: `cd` into one is the repo's root (filled as lines are read). */
  clones?: Set<string>;
  /** The repo folder a compose service's command runs in (its `working_dir` under a volume mapping the
   * repo), for `docker compose run <service> ...` from `cwd`; null when the compose file does not say. */
  serviceFolder?: (service: string, cwd: string) => string | null;
  /** The repo folder an absolute path stands for inside a container that holds the clone (`cd /submission/code`
   * after `docker run -v $(pwd):/submission`), null when no mount holds it. Given, an absolute `cd` that no mount
   * maps leaves the folder unknown (UNPLACED); not given, it goes to the root. */
  containerFolder?: (path: string) => string | null;
  /** The folder the README's commands start in (a sub-project README's own): a `cd x` that neither the current
   * folder nor the root holds goes to its x (`cd ..` in one block, then `cd code` for <sub>/code in the next). */
  home?: string;
}

/** The working folder after a `cd` the audit cannot map to a folder of the repo: steps run there are unplaced. */
export const UNPLACED = "?";
/** Whether a working folder (or a path joined onto one) is unknown. */
export const isUnplaced = (cwd: string): boolean => cwd === UNPLACED || cwd.startsWith(`${UNPLACED}/`);

/** `docker compose run|exec [options] <service> [command...]`: the service and the command words. */
function composeRun(argv: readonly string[]): { service: string; argv: string[] } | null {
  const at =
    argv[0] === "docker-compose" || argv[0] === "podman-compose"
      ? 1
      : argv[0] === "docker" && argv[1] === "compose"
        ? 2
        : -1;
  if (at < 0) return null;
  let i = at;
  while (i < argv.length && argv[i]!.startsWith("-"))
    i += /^-(?:f|p|-file|-project-name|-env-file)$/.test(argv[i]!) ? 2 : 1;
  if (argv[i] !== "run" && argv[i] !== "exec") return null;
  for (i++; i < argv.length && argv[i]!.startsWith("-"); i++)
    if (/^-(?:e|v|p|u|w|-env|-volume|-publish|-user|-name|-entrypoint|-workdir)$/.test(argv[i]!)) i++;
  const service = argv[i];
  return service === undefined ? null : { service, argv: argv.slice(i + 1) };
}

/** The folder `cd target` lands in from `cwd`: relative to it when that folder exists (or existence is
 * unknown), else from the root (READMEs often repeat `cd src/x` from the root, block after block). */
function changeDir(cwd: string, target: string, env: ShellEnv): string {
  const { isDir, rootVars, containerFolder } = env;
  const rooted = /^\$\{?(\w+)\}?(?:\/(.*))?$/.exec(target);
  if (rooted && rootVars?.has(rooted[1]!)) return joinRel("", rooted[2] ?? "");
  if (target.startsWith("/") && containerFolder) return containerFolder(target) ?? UNPLACED;
  // From an unknown folder, a relative move stays unknown.
  if (isUnplaced(cwd) && !/^[$~]/.test(target) && target !== "" && target !== "-") return UNPLACED;
  if (target === "" || target === "~" || target === "-" || /^[$~]/.test(target) || target.startsWith("/")) return "";
  const joined = joinRel(cwd, target);
  if (!isDir || isDir(joined)) return joined;
  if (isDir(joinRel("", target))) return joinRel("", target);
  const home = env.home ? joinRel(env.home, target) : null;
  return home !== null && isDir(home) ? home : joined;
}

/** Words that run the command after them (`sudo`, `time`, `nohup`, `env`), as the shell's `VAR=value` does. */
const PREFIX = /^(?:sudo|time|nohup|do|then|exec|env|(?:\/usr)?\/bin\/env)$/;
/** Launchers whose options come first and whose command starts at its program (`mpirun -np 4 python x.py`,
 * `xargs -I{} python x.py --fold {}`, `parallel python x.py ::: 0 1`, `timeout 3h python x.py`). */
const LAUNCHER = /^(?:horovodrun|mpirun|mpiexec|parallel|xargs|timeout|nice|taskset|numactl|stdbuf|caffeinate)$/;

/** A command's words from its program on, without the prefixes that only set how it runs, and the variables
 * set before it (`CUDA_VISIBLE_DEVICES=0 PYTHONPATH=. python x.py`: python x.py, with PYTHONPATH ".").
 * `submitted`: the program is a script sbatch runs as a shell script, whatever its name. */
export function runWords(words: readonly string[]): {
  argv: string[];
  assignments: Record<string, string>;
  submitted?: true;
} {
  let argv = [...words];
  const assignments: Record<string, string> = {};
  for (;;) {
    const head = argv[0];
    if (head === undefined) break;
    const set = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(head);
    const slurm = set ? null : slurmRun(argv);
    if (set) assignments[set[1]!] = set[2]!;
    else if (slurm) {
      if (slurm.submitted) return { argv: slurm.argv, assignments, submitted: true };
      if (slurm.argv.length === 0) break;
      argv = slurm.argv;
      continue;
    } else if (LAUNCHER.test(head.replace(/^.*\//, ""))) {
      const at = argv.findIndex((w, i) => i > 0 && isProgram(w));
      if (at < 0) break;
      argv = argv.slice(at);
      continue;
    } else if (!PREFIX.test(head)) break;
    argv = argv.slice(1);
    // `sudo -E python x.py`: sudo's own options.
    if (head === "sudo") while (argv[0]?.startsWith("-")) argv = argv.slice(1);
  }
  return { argv, assignments };
}

/** Whether a command line hands sbatch a script (in any of its segments, after prefixes): that script runs as a
 * shell script whatever its name. */
export function submitsScript(command: string): boolean {
  return command.split(/&&|\|\||;|\|/).some((s) => runWords(shellWords(s.trim())).submitted === true);
}

/** A word that names a program a launcher starts: an interpreter, a shell, a script. */
function isProgram(word: string): boolean {
  const base = word.replace(/^.*\//, "");
  return PYTHON_RUNNER.test(base) || /^(?:bash|sh|Rscript)$/.test(base) || SCRIPT.test(word);
}

/** The words of the command a line runs (prefixes and launchers removed: the first segment that runs an
 * interpreter or a script, else the first that runs anything), with the variables set before it; null for
 * a line that runs nothing. */
export function commandWords(text: string): { argv: string[]; assignments: Record<string, string> } | null {
  let first: { argv: string[]; assignments: Record<string, string> } | null = null;
  for (const segment of stripPrompt(text).split(/&&|\|\||;|\|/)) {
    const words = runWords(shellWords(segment.trim()));
    const head = words.argv[0];
    if (!head || head === "cd" || head === "pushd" || head === "popd") continue;
    if (isProgram(head)) return words;
    first ??= words;
  }
  return first;
}

/** Exports that open a line before the command it runs (`export CUDA_VISIBLE_DEVICES=0; python x.py`). */
const EXPORT_LEAD = /^(?:export\s+[A-Za-z_]\w*=[^\s;&|]*(?:\s+[A-Za-z_]\w*=[^\s;&|]*)*\s*(?:;|&&)\s*)+(?=\S)/;

/** One logical line run in a shell whose working folder is `cwd`: the command it holds, and the folder after it. */
/** The help flag as a parser's usage line prints it: in brackets, a word of its own. */
const USAGE_SYNOPSIS = /(?:^|\s)\[(?:-h|--help)\](?=\s|$)/;

export function interpretLine(
  raw: string,
  cwd: string,
  env: ShellEnv = {},
): { command: ShellCommand | null; cwd: string } {
  const isDir = env.isDir;
  const prompted = stripPrompt(raw);
  // `for f in run_*.sh; do bash $f; done`: the body run over the glob's scripts, one step each.
  const text = globLoopBody(prompted) ?? prompted;
  if (text === "" || text.startsWith("#")) return { command: null, cwd };
  // A usage synopsis pasted from a parser's help (`prog [-h] (--a A | --b B) [--c C]`) shows options, runs nothing.
  if (USAGE_SYNOPSIS.test(text)) return { command: null, cwd };
  // Split on the operators alone, then trim: /\s*(?:&&|;)\s*/ retries every space of a long run of spaces.
  const segments = text.split(/&&|\|\||;|\|/).map((s) => s.trim());
  const stack: string[] = [];
  let found: ShellCommand | null = null;
  for (const segment of segments) {
    const { argv, submitted } = runWords(shellWords(segment));
    // `. ./run.sh` is `source ./run.sh`: the script runs, in this shell.
    if (argv[0] === "." && argv.length > 1) argv[0] = "source";
    const head = argv[0];
    if (!head) continue;
    if ((head === "cd" || head === "pushd") && argv.length <= 2) {
      if (head === "pushd") stack.push(cwd);
      const target = (argv[1] ?? "").replace(/\/+$/, "");
      // The clone the README just made is this repo: its folder is the root.
      cwd = env.clones?.has(target) && !isDir?.(joinRel(cwd, target)) ? "" : changeDir(cwd, argv[1] ?? "", env);
      continue;
    }
    if (head === "git" && argv[1] === "clone" && env.clones) {
      const rest = argv
        .slice(2)
        .filter((a, i, all) => !a.startsWith("-") && !/^-(?:b|-branch|-depth|c|o)$/.test(all[i - 1] ?? ""));
      const folder =
        rest[1] ??
        rest[0]
          ?.replace(/\/+$/, "")
          .replace(/^.*[/:]/, "")
          .replace(/\.git$/, "");
      if (folder) env.clones.add(folder);
    }
    if (head === "popd") {
      cwd = stack.pop() ?? "";
      continue;
    }
    const runner = head.replace(/^.*\//, "");
    const isScript =
      submitted === true ||
      (SCRIPT.test(head) && (head.startsWith("./") || head.includes("/") || head.endsWith(".sh"))) ||
      isGlobbedScriptWord(head);
    const own = env.runners?.has(runner) === true;
    if (!RUNNERS.has(runner) && !PYTHON_RUNNER.test(runner) && !isScript && !own) continue;
    // A compose service's command runs from the repo folder its working_dir maps to.
    const composed = env.serviceFolder ? composeRun(argv) : null;
    const serviceDir = composed && composed.argv.length > 0 ? env.serviceFolder!(composed.service, cwd) : null;
    // `docker compose run box bash`: the lines after it run in that shell, from the service's folder.
    const shellAt = serviceDir !== null && /^(?:(?:\/usr)?\/bin\/)?(?:bash|sh|zsh)$/.test(composed!.argv.join(" "));
    const command =
      serviceDir !== null
        ? { ...describe(runWords(composed!.argv).argv, serviceDir, false, false), command: argv.join(" ") }
        : describe(argv, containerWorkdir(argv, env) ?? cwd, isScript, own, env.containerFolder);
    if (shellAt) cwd = serviceDir;
    if (!found) found = { ...command, command: text.replace(EXPORT_LEAD, "") };
    else {
      found.inputs.push(...command.inputs);
      found.branches.push(...command.branches);
      if (found.purpose === "other" && command.purpose !== "other") found.purpose = command.purpose;
      if (found.script === null) ((found.script = command.script), (found.scriptCandidates = command.scriptCandidates));
      if (found.moduleFiles.length === 0) found.moduleFiles = command.moduleFiles;
    }
  }
  return { command: found, cwd };
}

/** Variables a README defines as the repo's root: prose ("`$ROOT` is the root folder of this repo") or a
 * line setting one to the folder of the clone (`export ROOT=$(pwd)`, `ROOT=$PWD`). */
export function rootVariables(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.length > 2000) continue;
    const said =
      /\$\{?([A-Za-z_]\w*)\}?`?\s+(?:is|=|denotes|means|stands for|refers to)\s+(?:the\s+)?(?:path\s+(?:to|of)\s+)?(?:the\s+)?(?:root|top|base)\b[^.]*\b(?:repo|repository|project|folder|directory|code)/i.exec(
        line,
      );
    const set = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(?:\$\(pwd\)|`pwd`|\$PWD|"\$\(pwd\)"|"\$PWD")\s*$/.exec(line);
    for (const m of [said, set]) if (m) out.add(m[1]!);
  }
  return out;
}

/** Backslash continuations joined: each logical line with the line it starts on. */
export function joinContinuations(
  lines: ReadonlyArray<{ line: number; text: string }>,
): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let open: { line: number; text: string } | null = null;
  for (const { line, text } of lines) {
    const continued = /\\\s*$/.test(text);
    const body = text.replace(/\\\s*$/, " ");
    if (open) open.text += ` ${body.trim()}`;
    else open = { line, text: body };
    if (!continued) {
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

/** A script name whose extension is one character off .py, .sh or .ipynb (`x.pyy`, `x.ipnb`). */
function misspeltScript(arg: string): boolean {
  const ext = /^[\w./-]+\.(\w{1,7})$/.exec(arg)?.[1]?.toLowerCase();
  return (
    ext !== undefined &&
    !["py", "sh", "ipynb"].includes(ext) &&
    ["py", "sh", "ipynb"].some((e) => editDistance(ext, e) === 1)
  );
}

/** The repo folder a `docker run -w /dir` (`--workdir`, podman's too) starts its command in, where a mount of the
 * clone holds that folder; null for any other command or a folder no mount maps. */
function containerWorkdir(argv: readonly string[], env: ShellEnv): string | null {
  if (!env.containerFolder || !/^(?:docker|podman|nvidia-docker)$/.test(argv[0] ?? "")) return null;
  if (argv[1] !== "run" && argv[1] !== "exec") return null;
  for (let i = 2; i < argv.length; i++) {
    const m = /^(?:-w|--workdir)(?:=(.+))?$/.exec(argv[i]!);
    if (m) {
      const dir = m[1] ?? argv[i + 1] ?? "";
      return dir.startsWith("/") ? env.containerFolder(dir.replace(/^["']|["']$/g, "")) : null;
    }
  }
  return null;
}

/** `inContainer`: the repo path an absolute path stands for under a mount of the clone (`docker run -v
 * "$PWD":/w img python /w/src/x.py` runs src/x.py), null where no mount holds it. */
function describe(
  argv: string[],
  cwd: string,
  isScript: boolean,
  own = false,
  inContainer?: (path: string) => string | null,
): ShellCommand {
  const runner = argv[0]!.replace(/^.*\//, "");
  const args = argv.slice(1);
  const inputs: string[] = [];
  const branches: string[] = [];
  let script: string | null = isScript ? argv[0]! : null;
  let moduleFiles: string[] = [];
  let module: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (script === null && SCRIPT.test(arg) && !arg.startsWith("-") && !isUrl(arg)) script = arg;
    // `bash scripts/train_*.sh`: the README means each script the glob matches.
    else if (
      script === null &&
      i === 0 &&
      /^(?:bash|sh|zsh|source)$/.test(runner) &&
      isGlobbedScriptWord(arg) &&
      !arg.endsWith(".py")
    )
      script = arg;
    // `python train_*.py`, `torchrun ... training*.py`: each Python script the glob matches.
    else if (script === null && arg.endsWith(".py") && !arg.startsWith("-") && isGlobbedScriptWord(arg)) script = arg;
    // `python train.pyy`: the script, its extension misspelt (the mention of it names the file meant).
    else if (script === null && i === 0 && PYTHON_RUNNER.test(runner) && misspeltScript(arg)) script = arg;
    if (arg === "-m" && next && /^[\w.]+$/.test(next) && PYTHON_RUNNER.test(runner)) {
      const path = next.replace(/\./g, "/");
      moduleFiles = [joinRel(cwd, `${path}.py`), joinRel(cwd, `${path}/__main__.py`)];
      module = next;
      i++;
    }
    if ((arg === "-r" || arg === "--requirement" || arg === "-f" || arg === "--file") && next && isLocal(next))
      inputs.push(joinRel(cwd, next));
    else if (CONFIG_ARG.test(arg) && isLocal(arg) && !arg.startsWith("-"))
      inputs.push(joinRel(cwd, arg.replace(/^[\w.+]+=/, "")));
    // A config given as Python (`--cnf configs/c_128.py`): a file the repo must ship too.
    else if (script !== null && arg !== script && /\.py$/.test(arg) && args[i - 1]?.startsWith("-") && isLocal(arg))
      inputs.push(joinRel(cwd, arg));
  }
  if (runner === "git") {
    const sub = args[0];
    const b = args.findIndex((a) => a === "-b" || a === "--branch");
    if (sub === "clone" && b >= 0 && args[b + 1]) branches.push(args[b + 1]!);
    if (
      (sub === "checkout" || sub === "switch") &&
      !args.some((a) => a === "-b" || a === "-c" || a === "--" || a === "-B")
    ) {
      const target = args.slice(1).find((a) => !a.startsWith("-"));
      if (target && !/\.\w+$/.test(target) && !/^[0-9a-f]{7,40}$/.test(target) && target !== ".") branches.push(target);
    }
  }
  const mounted = script?.startsWith("/") && inContainer ? inContainer(script) : null;
  const relScript = script === null ? null : (mounted ?? joinRel(cwd, script));
  const scriptCandidates =
    script === null ? [] : mounted !== null ? [mounted] : [...new Set([relScript!, joinRel("", script)])];
  if (cwd && moduleFiles.length > 0) moduleFiles.push(...moduleFiles.map((m) => m.slice(cwd.length + 1)));
  const makeTarget = runner === "make" ? (args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? "") : undefined;
  const invokeTasks = invokedTasks(runner, args);
  // `python train.py --help` prints the options; it trains nothing.
  const usageOnly = args.some((a) => a === "--help" || a === "-h" || a === "--version");
  const purpose = usageOnly
    ? "other"
    : own || invokeTasks !== undefined
      ? ownPurpose(invokeTasks ?? args)
      : purposeOf(runner, args, relScript ?? moduleFiles[0] ?? "");
  return {
    command: argv.join(" "),
    purpose,
    script: relScript,
    scriptCandidates,
    moduleFiles,
    ...(module !== undefined ? { module } : {}),
    inputs,
    branches,
    ...(makeTarget !== undefined ? { makeTarget } : {}),
    ...(invokeTasks !== undefined ? { invokeTasks } : {}),
  };
}

/** The tasks `inv a b --flag` (or `invoke`, or either run through `poetry run`, `uv run`, `pipenv run`) names:
 * its words that are no option; undefined for any other command. */
function invokedTasks(runner: string, args: readonly string[]): string[] | undefined {
  const rest =
    runner === "inv" || runner === "invoke"
      ? args
      : /^(?:poetry|uv|pipenv)$/.test(runner) && args[0] === "run" && /^(?:inv|invoke)$/.test(args[1] ?? "")
        ? args.slice(2)
        : null;
  return rest?.filter((a) => /^[A-Za-z_][\w.-]*$/.test(a));
}

/** A console script of the repo's own (`aptos train -c x.yml`): its subcommand says what it does. */
function ownPurpose(args: string[]): Purpose {
  const sub = (args.find((a) => !a.startsWith("-")) ?? "").toLowerCase();
  if (/^(train|fit|finetune|pretrain)/.test(sub)) return "train";
  if (/^(predict|infer|inference|test|submit|submission|eval)/.test(sub)) return "predict";
  if (/^(download|fetch|prepare|preprocess)/.test(sub)) return "download";
  return "other";
}

/** A framework run of the whole pipeline trains; one of a named pipeline (`--pipeline x`, `-p x`, `--pipeline=x`)
 * does what that name says. */
function pipelinePurpose(args: string[]): Purpose {
  const at = args.findIndex((a) => a === "--pipeline" || a === "-p");
  const named = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--pipeline="))?.slice("--pipeline=".length);
  if (named === undefined || named === "__default__") return "train";
  const purpose = ownPurpose([named]);
  return purpose === "download" ? "other" : purpose;
}

function purposeOf(runner: string, args: string[], script: string): Purpose {
  const sub = args
    .filter((a) => !a.startsWith("-"))
    .slice(0, 2)
    .join(" ");
  if (/^(pip3?|poetry|pipenv|uv|apt|apt-get|brew)$/.test(runner) && /^(install|sync|add)\b|^pip install/.test(sub))
    return "install";
  if (/^(conda|mamba|micromamba)$/.test(runner) && /^(install|create|env create|env update|update)\b/.test(sub))
    return "install";
  if (PYTHON_RUNNER.test(runner) && args[0] === "-m" && args[1] === "pip" && args[2] === "install") return "install";
  if (PYTHON_RUNNER.test(runner) && /setup\.py$/.test(script) && /\b(install|develop)\b/.test(args.join(" ")))
    return "install";
  // The environment as an image: `docker build` / `docker pull` set it up as pip would, and so does
  // `docker compose up`, which builds (or pulls) the services' images before it starts them.
  if (
    /^(docker|docker-compose|nvidia-docker|podman|podman-compose)$/.test(runner) &&
    /^(build|pull|up|compose build|compose up|compose pull|image build)\b/.test(sub)
  )
    return "install";
  if (/(?:^|\/)(?:setup|install)[\w-]*\.sh$|(?:^|\/|_)env\.sh$/.test(script)) return "install";
  if (
    runner === "kaggle" ||
    /^(wget|curl|gdown|huggingface-cli)$/.test(runner) ||
    (runner === "git" && /^lfs pull/.test(sub)) ||
    (runner === "dvc" && /^(?:pull|fetch|get|import)\b/.test(sub))
  )
    return "download";
  const base = script.replace(/^.*\//, "").toLowerCase();
  const all = `${base} ${args.join(" ")}`.toLowerCase();
  // `train.py --task predict`, `main.py --mode=test`, `main.py predict`: the mode the arguments pick decides.
  if (script !== "" && predictMode(args)) return "predict";
  if (/download|fetch|get_data|prepare_data/.test(base)) return "download";
  if (/predict|infer|submission|submit/.test(base)) return "predict";
  if (/train|fit|finetune|fine_tune|pretrain/.test(base)) return "train";
  if (/^(test|eval|evaluate)\b/.test(base)) return "predict";
  // The ultralytics CLI: `yolo [task] train|val|predict key=value ...`.
  if (runner === "yolo" && /(?:^|\s)train\b/.test(sub)) return "train";
  if (runner === "yolo" && /(?:^|\s)(?:predict|val)\b/.test(sub)) return "predict";
  // A pipeline framework's run runs the project's pipeline, training included: `kedro run`, `dvc repro`,
  // `dvc exp run`, `snakemake`; a named pipeline (`kedro run --pipeline prepare`) does what its name says.
  if ((runner === "kedro" && args[0] === "run") || (runner === "dvc" && /^(?:repro|exp run)\b/.test(sub)))
    return pipelinePurpose(args);
  if (runner === "snakemake") return "train";
  if (runner === "make" && /\btrain\b/.test(sub)) return "train";
  if (runner === "make" && /\b(predict|infer|submission)\b/.test(sub)) return "predict";
  if (script !== "" || /^(accelerate|torchrun|deepspeed)$/.test(runner)) {
    if (/(^|[\s=-])(predict|inference|infer|test|submission)\b/.test(all)) return "predict";
    if (/(^|[\s=-])train\b/.test(all) || /^(accelerate|torchrun|deepspeed)$/.test(runner)) return "train";
  }
  return "other";
}

/** Options that pick what a program does (`--task`, `--mode`, `--phase`, `--stage`, `--do`, `--action`). */
const MODE_OPTION = /^--?(?:task|mode|phase|stage|do|action|run[_-]?mode)$/i;
const PREDICT_WORD = /^(?:predict(?:ion)?|infer(?:ence)?|test|submit|submission)$/i;

/** A hydra override that picks the mode (`dataset.phase=test`, `+mode=predict`): its key's last part. */
const MODE_KEY = /^(?:task|mode|phase|stage|run[_-]?mode)$/i;
/** An option or override that hands the program the weights to predict with (`test_model=x.ckpt`, `--predict_weights`). */
const PREDICT_WEIGHTS =
  /^(?:--?|\+{0,2})(?:[\w]+\.)*(?:test|predict|infer(?:ence)?)[_-]?(?:model|weights?|ckpt|checkpoint)s?$/i;

/** Whether the arguments after a script pick its predict mode: a mode option's value (or a hydra override's), a
 * subcommand right after the script, or the weights to predict with. */
function predictMode(args: readonly string[]): boolean {
  const at = args.findIndex((a) => SCRIPT.test(a));
  if (at >= 0 && PREDICT_WORD.test(args[at + 1] ?? "")) return true;
  return args.some((a, i) => {
    const eq = a.indexOf("=");
    const key = eq > 0 ? a.slice(0, eq) : a;
    if (PREDICT_WEIGHTS.test(key) && (eq > 0 ? a.length > eq + 1 : (args[i + 1] ?? "-")[0] !== "-")) return true;
    if (eq > 0 && !a.startsWith("-")) {
      const last =
        key
          .replace(/^[+~]+/, "")
          .split(".")
          .pop() ?? "";
      return MODE_KEY.test(last) && PREDICT_WORD.test(a.slice(eq + 1));
    }
    return eq > 0
      ? MODE_OPTION.test(key) && PREDICT_WORD.test(a.slice(eq + 1))
      : MODE_OPTION.test(a) && PREDICT_WORD.test(args[i + 1] ?? "");
  });
}

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
/** A path the repo itself would hold: not absolute, home, URL, variable, glob or placeholder. */
export const isLocal = (text: string) =>
  !/^([/~$]|[A-Za-z]:[\\/])/.test(text) && !isUrl(text) && !/[*?<>{}$]/.test(text) && !isPlaceholderWord(text);

/** `cwd` + `path`, POSIX, "./" and "a/../" folded; ".." above the root kept as is. */
export function joinRel(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${cwd}/${path}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}
