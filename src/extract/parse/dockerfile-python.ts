// What each Dockerfile `pip install` installs into (pure): its stage's base release and Python, whether that
// system Python refuses pip (PEP 668), and the Python-tagged wheels, requirement files and local projects it installs.
import { APT_PYTHON, instructions } from "./dockerfile.js";
import { baseRelease, type BaseRelease } from "./distro-release.js";
import { imageInfo } from "./images.js";

export interface StagePython {
  image: string;
  imageLine: number;
  base: BaseRelease | null;
  /** The Python pip runs in: its version, whether that is only the oldest it can be, and where it comes from. */
  python: { version: string; atLeast: boolean; source: string } | null;
  /** A virtual environment, conda, pyenv or an override lets pip install past PEP 668 in this stage. */
  escaped: boolean;
}

export interface PipInstall {
  line: number;
  stage: StagePython;
  /** pip installs into the stage's externally managed system Python, which refuses it. */
  refused: boolean;
  wheels: Array<{ line: number; wheel: string; python: string; abi3: boolean }>;
  requirementFiles: string[];
  /** Local folders it installs as projects (`.`, `-e /app`). */
  projects: string[];
}

/** Anything that gives pip a Python of its own or lets it past the EXTERNALLY-MANAGED marker. */
const ESCAPE =
  /\b(?:venv|virtualenv|VIRTUAL_ENV|conda|mamba|micromamba|miniconda\d?|anaconda\d?|miniforge\d?|pyenv|pipx|deadsnakes|EXTERNALLY-MANAGED|break-system-packages|PIP_BREAK_SYSTEM_PACKAGES)\b/i;
/** Options that make pip install elsewhere than the running environment, where it skips the PEP 668 check. */
const ELSEWHERE = /\s(?:--break-system-packages|--target|-t|--prefix|--root)(?=[\s=]|$)/;
const PIP = /(?:^|[\s/])(?:pip3?(?:\.\d+)?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\b(.*)$/;
/** The Python a pip command names itself (`python3.9 -m pip`, `pip3.9`): it runs there, whatever the base's python3. */
const NAMED_PYTHON = /(?:^|[\s/])(?:python|pip)(\d\.\d{1,2})(?:\s+-m\s+pip)?\s+install\b/;

function stagePython(image: string, base: BaseRelease | null, apt: string | null): StagePython["python"] {
  const python = /^(?:[\w.-]+\/)*python:(\d+\.\d+)/.exec(image);
  if (python) return { version: python[1]!, atLeast: false, source: `the image ${image}` };
  const known = imageInfo(image)?.python;
  if (known) return { version: known, atLeast: false, source: `the image ${image}` };
  if (!base) return null;
  if (apt?.includes(".")) return { version: apt, atLeast: false, source: `apt's python${apt} on ${image}` };
  return {
    version: base.python,
    atLeast: base.floating,
    source: base.floating
      ? `python3 of ${image}, a floating tag that gives ${base.release} or newer as of ${base.checked}`
      : `python3 of ${image} (${base.release})`,
  };
}

/** `conda create -n NAME python=3.7[.x]` and `python3.X -m venv DIR`: each environment's folder-or-name and its
 * Python (null when the Dockerfile does not say, e.g. `conda env create -f env.yaml` or `python>=3.7`). */
function environmentsMade(command: string, into: Map<string, string | null>): void {
  const conda = /\bconda\s+(?:env\s+)?create\b(.*)$/.exec(command);
  if (conda) {
    const name = /\s(?:-n|--name)[\s=]+(\S+)/.exec(conda[1]!)?.[1] ?? "*";
    const python = /\spython={1,2}(\d+\.\d+)(?:\.[\d*]+)?(?=\s|$)/.exec(` ${conda[1]!}`)?.[1] ?? null;
    into.set(name, python);
  }
  const venv = /\bpython(\d\.\d{1,2})?\s+-m\s+(?:venv|virtualenv)\s+(?:-\S+\s+)*(\S+)/.exec(command);
  if (venv) into.set(venv[2]!.replace(/\/+$/, ""), venv[1] ?? null);
}

/** The environment a PATH entry, an `activate` or a `conda run -n` puts first, as a key of `made` (a conda name or
 * a venv folder), "*" for a conda environment this Dockerfile names no Python for, or null when it puts none. */
function environmentEntered(words: string, made: Map<string, string | null>): string | null {
  const activated =
    /\b(?:conda\s+activate|source\s+activate|conda\s+run\s+(?:-\S+\s+)*(?:-n|--name))[\s=]+([\w.-]+)/.exec(words);
  if (activated) return activated[1]!;
  const path = /\bPATH[=\s]+["']?([^:"'\s]+)/.exec(words)?.[1]?.replace(/\/+$/, "");
  if (!path) return null;
  const env = /\/envs\/([\w.-]+)\/bin$/.exec(path);
  if (env) return env[1]!;
  const venv = [...made.keys()].find((dir) => dir.startsWith("/") && path === `${dir}/bin`);
  if (venv) return venv;
  return /(?:conda|miniconda\d?|anaconda\d?|miniforge\d?|mambaforge|venv|virtualenv)[\w.-]*\/bin$/i.test(path)
    ? "*"
    : null;
}

/** The Python of an environment pip now runs in: the one it was made with, else none we can tell. */
function enteredPython(name: string, made: Map<string, string | null>, image: string): StagePython["python"] {
  const version = made.get(name) ?? null;
  return version ? { version, atLeast: false, source: `the environment ${name} of ${image}` } : null;
}

/** The wheel's Python from its file name's tags (`torch-1.9.0+cu111-cp39-cp39-linux_x86_64.whl`). */
export function wheelTag(word: string): { wheel: string; python: string; abi3: boolean } | null {
  const wheel = word.replace(/^.*\//, "").replace(/[?#].*$/, "");
  if (!wheel.endsWith(".whl")) return null;
  const parts = wheel.slice(0, -4).split("-");
  if (parts.length < 5) return null;
  const tag = /^cp(\d)(\d+)$/.exec(parts[parts.length - 3]!);
  if (!tag) return null;
  return { wheel, python: `${tag[1]}.${tag[2]}`, abi3: parts[parts.length - 2] === "abi3" };
}

/** The words after `install`: requirement files, local projects, and Python-tagged wheels with their lines. */
function pipWords(args: string, physical: string[], start: number, into: PipInstall): void {
  const words = (args.replace(/\s+#.*$/, "").match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) =>
    a.replace(/^["']|["']$/g, ""),
  );
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const file = /^(?:-r|--requirement)(?:=(.+))?$/.exec(word) ?? /^-r(.+)$/.exec(word);
    if (file) {
      const named = file[1] ?? words[++i];
      if (named) into.requirementFiles.push(named);
      continue;
    }
    if (
      /^(?:-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links|--target|-t|--prefix|--root)$/.test(word)
    ) {
      i++;
      continue;
    }
    const tagged = wheelTag(word);
    if (tagged) {
      const at = physical.findIndex((l) => l.includes(tagged.wheel));
      into.wheels.push({ ...tagged, line: start + Math.max(at, 0) });
    } else if (/^(?:\.{1,2}|\.{0,2}\/[\w./-]*)$/.test(word) && !/\.(?:tar\.gz|zip|txt)$/.test(word))
      into.projects.push(word);
  }
}

/** Every `pip install` of a Dockerfile, stage by stage. */
export function dockerfilePipInstalls(text: string): PipInstall[] {
  const out: PipInstall[] = [];
  const named = new Map<string, StagePython>();
  let stage: StagePython | null = null;
  let apt: string | null = null;
  // Environments the build makes (conda name or venv folder -> its Python), and the one PATH or SHELL puts first.
  const made = new Map<string, string | null>();
  let entered = false;
  for (const { text: instruction, line, physical } of instructions(text)) {
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction);
    if (from) {
      const image = from[1]!;
      const earlier = named.get(image.toLowerCase());
      apt = null;
      stage = earlier
        ? { ...earlier }
        : { image, imageLine: line, base: baseRelease(image), python: null, escaped: false };
      if (!earlier) stage.python = stagePython(image, stage.base, apt);
      if (from[2]) named.set(from[2].toLowerCase(), stage);
      made.clear();
      entered = false;
      continue;
    }
    if (!stage) continue;
    if (/^(?:ENV|ARG)\s/i.test(instruction) && ESCAPE.test(instruction)) stage.escaped = true;
    // A later ENV PATH or SHELL that puts an environment first: pip is that environment's from here on.
    if (/^(?:ENV|SHELL)\s/i.test(instruction)) {
      // SHELL's JSON form as the words it runs (`["conda", "run", "-n", "a", ...]`).
      const words = instruction.replace(/["',[\]]/g, " ").replace(/\s+/g, " ");
      const env = environmentEntered(words, made);
      if (env) ((stage.python = enteredPython(env, made, stage.image)), (entered = true));
    }
    if (!/^RUN\s/i.test(instruction)) continue;
    const aptPython = APT_PYTHON.exec(instruction);
    if (!entered && aptPython?.[1]?.includes(".") && aptPython[1] !== apt) {
      apt = aptPython[1];
      stage.python = stagePython(stage.image, stage.base, apt);
    }
    let cursor = 0;
    // An `activate` inside this RUN holds for the rest of it only.
    let runPython: StagePython["python"] | undefined;
    for (const command of instruction.slice(4).split(/&&|;|\|\|/)) {
      if (ESCAPE.test(command)) stage.escaped = true;
      environmentsMade(command, made);
      const env = environmentEntered(command, made);
      if (env) runPython = enteredPython(env, made, stage.image);
      const pip = PIP.exec(command);
      if (!pip) continue;
      const named = NAMED_PYTHON.exec(command);
      // The physical line of this pip command: the next one, from the last, that runs pip.
      const at = physical.findIndex((l, i) => i >= cursor && /\bpip[\d.]*\s+install\b/.test(l));
      if (at >= 0) cursor = at + 1;
      const install: PipInstall = {
        line: line + Math.max(at, 0),
        stage: named
          ? {
              ...stage,
              python: { version: named[1]!, atLeast: false, source: `the ${named[0].trim().split(/\s/)[0]} it runs` },
            }
          : runPython !== undefined
            ? { ...stage, python: runPython }
            : { ...stage },
        refused: Boolean(stage.base?.externallyManaged) && !stage.escaped && !ELSEWHERE.test(` ${pip[1]!}`),
        wheels: [],
        requirementFiles: [],
        projects: [],
      };
      pipWords(pip[1]!, physical, line, install);
      out.push(install);
    }
  }
  return out;
}
