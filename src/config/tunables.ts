// Every setting a user can tune, declared once: its flag, its place in .repro-audit.yml, whether the audited
// repo's own config may set it, its default, its bounds. The CLI parses flags from this table and
// config/resolve.ts resolves flag over user config over repo config over default from it.
import { badInput } from "../model/errors.js";
import { STAGES, type StageName } from "../model/report.js";
import { gpuTable, pickDevice } from "../carbon/gpu-table.js";
import { DEFAULT_PUE } from "../carbon/equivalents.js";
import { FAIL_ON, type FailOn } from "../model/finding.js";
import { COUNT_RANGES, type CountName } from "../model/count-ranges.js";
import { DEFAULT_RESOLVE_BUDGET_SECONDS } from "../model/time.js";

export interface Mount {
  host: string;
  container: string;
}

interface Spec<T> {
  /** The command-line flag, when there is one. */
  flag?: string;
  /** What the flag takes, for --help. */
  arg?: string;
  help: string;
  /** Path in .repro-audit.yml, e.g. ["carbon", "pue"]. */
  config?: readonly string[];
  /** The audited repo's own config may set it: it describes the training, nothing else. */
  repo: boolean;
  /** The flag may be given several times (values are collected). */
  repeatable?: boolean;
  default?: T;
  /** A flag's text to a value; throws a one-line bad-input error naming the flag. */
  parse(text: string, flag: string): T;
  /** A value from any source brought within bounds (timeouts are clamped to their documented maximum). */
  clamp?(value: T): T;
}

const bad = (flag: string, what: string, value: string, example: string) =>
  badInput(`${flag} takes ${what}, not '${value}'`, `Pass e.g. ${flag} ${example}`);

function positive(integer: boolean, example: string, options: { min?: number; max?: number } = {}) {
  return (text: string, flag: string): number => {
    const n = Number(text);
    const what = `a positive ${integer ? "whole " : ""}number`;
    if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw bad(flag, what, text, example);
    if (options.min !== undefined && n < options.min)
      throw badInput(`${flag} cannot be below ${options.min}, got ${n}`, `Pass e.g. ${flag} ${example}`);
    if (options.max !== undefined && n > options.max)
      throw badInput(`${flag} cannot be above ${options.max}, got ${n}`, `Pass e.g. ${flag} ${example}`);
    return n;
  };
}

/** A whole number within a count's stated range (model/count-ranges.ts). */
const count = (name: CountName, example: string) => positive(true, example, { max: COUNT_RANGES[name].max });

function oneOf<T extends string>(allowed: readonly T[]) {
  return (text: string, flag: string): T => {
    if (!(allowed as readonly string[]).includes(text))
      throw bad(flag, `one of ${allowed.join(", ")}`, text, allowed[0]!);
    return text as T;
  };
}

/** Timeouts: Node's timers hold at most 2^31-1 ms; these ceilings stay well inside and are documented. */
export const MAX_BUILD_TIMEOUT_SECONDS = 6 * 3600;
export const MAX_EPOCH_TIMEOUT_SECONDS = 24 * 3600;
export const MAX_RESOLVE_BUDGET_SECONDS = 6 * 3600;
const clampTo = (max: number) => (value: number) => Math.min(value, max);

function parseStages(text: string, flag = "--stages"): StageName[] {
  const stages = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (stages.length === 0 || unknown.length > 0)
    throw badInput(`${flag} takes a comma list of ${STAGES.join(", ")}, not '${text}'`, `Pass e.g. ${flag} static`);
  return [...new Set(stages)] as StageName[];
}

export function parseMount(text: string, flag = "--data"): Mount {
  const at = text.lastIndexOf(":");
  const host = text.slice(0, at);
  const container = text.slice(at + 1);
  if (at <= 0 || !container.startsWith("/"))
    throw badInput(
      `${flag} takes HOST:CONTAINER with an absolute container path, not '${text}'`,
      `Pass e.g. ${flag} ./input:/kaggle/input`,
    );
  return { host, container };
}

export const TUNABLES = {
  stages: {
    flag: "--stages",
    arg: "static,resolve,build,epoch",
    help: "which stages run (default: all an engine allows; static = read only, resolve = asks the index, no engine)",
    config: ["stages"],
    repo: false,
    parse: parseStages,
  } satisfies Spec<StageName[]>,
  failUnder: {
    flag: "--fail-under",
    arg: "<0-100>",
    help: "exit 1 when the total score is below it",
    config: ["failUnder"],
    repo: false,
    parse: (text: string, flag: string) => {
      const n = Number(text);
      if (text.trim() === "" || !(n >= 0 && n <= 100))
        throw badInput(`${flag} takes a number from 0 to 100, not '${text}'`, `Pass e.g. ${flag} 70`);
      return n;
    },
  } satisfies Spec<number>,
  maxWarnings: {
    flag: "--max-warnings",
    arg: "<n>",
    help: "exit 1 when more than n warnings count (those of a --baseline report do not)",
    config: ["maxWarnings"],
    repo: false,
    parse: (text: string, flag: string) => {
      const n = Number(text);
      if (text.trim() === "" || !Number.isInteger(n) || n < 0)
        throw badInput(`${flag} takes a whole number from 0, not '${text}'`, `Pass e.g. ${flag} 10`);
      return n;
    },
  } satisfies Spec<number>,
  failOn: {
    flag: "--fail-on",
    arg: "<severity>",
    help: "exit 1 when an error (error) or any warning too (warning) counts, never: no such gate (default; the Action's is error)",
    config: ["failOn"],
    repo: false,
    default: "never",
    parse: oneOf(FAIL_ON),
  } satisfies Spec<FailOn>,
  exclude: {
    flag: "--exclude",
    arg: "<glob>",
    help: "leave matching files and folders out of the audit (repeatable; e.g. 'vendor/**', '*.pyc')",
    config: ["exclude"],
    repo: false,
    repeatable: true,
    default: [],
    parse: (text: string) => [text],
  } satisfies Spec<string[]>,
  engine: {
    flag: "--engine",
    arg: "auto|docker|podman",
    help: "container engine",
    config: ["build", "engine"],
    repo: false,
    default: "auto",
    parse: oneOf(["auto", "docker", "podman"] as const),
  } satisfies Spec<"auto" | "docker" | "podman">,
  baseImage: {
    flag: "--base-image",
    arg: "<image>",
    help: "base image of the environment the audit writes (repeatable: the one whose org.repro-audit.python label is the spec's Python is used; with none named, such local images stand in for a base the engine lacks)",
    config: ["build", "baseImage"],
    repo: false,
    repeatable: true,
    parse: (text: string) => [text],
  } satisfies Spec<string[]>,
  baseImageOverride: {
    flag: "--base-image-override",
    arg: "<image>",
    help: "build the repo's own Dockerfile on this image instead of its FROM images",
    config: ["build", "baseImageOverride"],
    repo: false,
    parse: (text: string) => text,
  } satisfies Spec<string>,
  allowImages: {
    flag: "--allow-image",
    arg: "<image>",
    help: "let the repo's own Dockerfile build on this image of yours (repeatable)",
    config: ["build", "allowImages"],
    repo: false,
    repeatable: true,
    default: [],
    parse: (text: string) => [text],
  } satisfies Spec<string[]>,
  indexUrl: {
    flag: "--index-url",
    arg: "<url>",
    help: "the package index the resolver asks whether each spec installs (default https://pypi.org/simple)",
    config: ["build", "indexUrl"],
    repo: false,
    default: "https://pypi.org/simple",
    parse: (text: string, flag: string) => {
      if (!/^https?:\/\/[^\s/]+/.test(text))
        throw bad(flag, "an http(s) URL of a simple package index", text, "https://pypi.org/simple");
      return text.replace(/\/+$/, "");
    },
  } satisfies Spec<string>,
  resolveBudgetSeconds: {
    flag: "--resolve-budget",
    arg: "<seconds>",
    help: `time of the resolve stage in all (default ${DEFAULT_RESOLVE_BUDGET_SECONDS}, at most ${MAX_RESOLVE_BUDGET_SECONDS}): what it leaves unasked is said, not judged`,
    config: ["build", "resolveBudgetSeconds"],
    repo: false,
    default: DEFAULT_RESOLVE_BUDGET_SECONDS,
    parse: positive(false, String(DEFAULT_RESOLVE_BUDGET_SECONDS)),
    clamp: clampTo(MAX_RESOLVE_BUDGET_SECONDS),
  } satisfies Spec<number>,
  buildTimeoutSeconds: {
    flag: "--build-timeout",
    arg: "<seconds>",
    help: `limit of the image build (default 1800, at most ${MAX_BUILD_TIMEOUT_SECONDS})`,
    config: ["build", "timeoutSeconds"],
    repo: false,
    default: 1800,
    parse: positive(false, "1800"),
    clamp: clampTo(MAX_BUILD_TIMEOUT_SECONDS),
  } satisfies Spec<number>,
  commands: {
    flag: "--train",
    arg: '"<cmd>"',
    help: "the training command",
    config: ["train", "commands"],
    repo: true,
    parse: (text: string) => [text],
  } satisfies Spec<string[]>,
  epochs: {
    flag: "--epochs",
    arg: "<n>",
    help: "total epochs of one training run",
    config: ["train", "epochs"],
    repo: true,
    parse: count("epochs", "10"),
  } satisfies Spec<number>,
  folds: {
    help: "folds trained (runs = folds x models x seeds)",
    config: ["train", "folds"],
    repo: true,
    parse: count("folds", "5"),
  } satisfies Spec<number>,
  models: {
    help: "models trained per fold",
    config: ["train", "models"],
    repo: true,
    parse: count("models", "1"),
  } satisfies Spec<number>,
  seeds: {
    help: "seeds trained per model",
    config: ["train", "seeds"],
    repo: true,
    parse: count("seeds", "1"),
  } satisfies Spec<number>,
  measureEpochs: {
    flag: "--measure-epochs",
    arg: "<n>",
    help: "epochs to measure (default 1)",
    config: ["train", "measureEpochs"],
    repo: false,
    default: 1,
    parse: positive(true, "1"),
  } satisfies Spec<number>,
  batches: {
    flag: "--batches",
    arg: "<k>",
    help: "measure k batches only",
    config: ["train", "batches"],
    repo: false,
    parse: positive(true, "50"),
  } satisfies Spec<number>,
  epochMarker: {
    flag: "--epoch-marker",
    arg: "start|end",
    help: "the output's epoch lines mark where epochs start or end (default: read from the output)",
    config: ["train", "epochMarker"],
    repo: false,
    parse: oneOf(["start", "end"] as const),
  } satisfies Spec<"start" | "end">,
  data: {
    flag: "--data",
    arg: "<host:container>",
    help: "mount data read-only (repeatable), e.g. ./input:/kaggle/input",
    config: ["train", "data"],
    repo: false,
    repeatable: true,
    default: [],
    parse: (text: string, flag: string) => [parseMount(text, flag)],
  } satisfies Spec<Mount[]>,
  epochTimeoutSeconds: {
    flag: "--epoch-timeout",
    arg: "<seconds>",
    help: `wall-clock limit of the instrumented run (default 3600, at most ${MAX_EPOCH_TIMEOUT_SECONDS})`,
    config: ["train", "timeoutSeconds"],
    repo: false,
    default: 3600,
    parse: positive(false, "3600"),
    clamp: clampTo(MAX_EPOCH_TIMEOUT_SECONDS),
  } satisfies Spec<number>,
  runtime: {
    flag: "--runtime",
    arg: "container|host",
    help: "host runs the repo's code on this machine: only for your own repo",
    repo: false,
    default: "container",
    parse: oneOf(["container", "host"] as const),
  } satisfies Spec<"container" | "host">,
  gpus: {
    flag: "--gpus",
    arg: "auto|all|none",
    help: "give the run the GPUs (default auto: when nvidia-smi answers)",
    repo: false,
    default: "auto",
    parse: oneOf(["auto", "all", "none"] as const),
  } satisfies Spec<"auto" | "all" | "none">,
  gpuModel: {
    // The default is the GPU table's own (data/gpu-models.json), read when asked for, not when the CLI starts.
    flag: "--gpu-model",
    arg: "<name>",
    get help() {
      return `reference GPU of the static estimate (default ${gpuTable().default}; cpu: this machine, from measured throughputs)`;
    },
    get default() {
      return gpuTable().default;
    },
    config: ["carbon", "gpuModel"],
    repo: false,
    parse: (text: string, flag: string) => pickDevice(text, undefined, flag).id,
  } satisfies Spec<string>,
  datasetSize: {
    flag: "--dataset-size",
    arg: "<n>",
    help: "training images per epoch for the static estimate (default: read from the code)",
    config: ["train", "datasetSize"],
    repo: false,
    parse: count("images", "20000"),
  } satisfies Spec<number>,
  region: {
    flag: "--region",
    arg: "<CC>",
    help: "carbon intensity of a country (ISO code)",
    config: ["carbon", "region"],
    repo: false,
    parse: (text: string, flag: string) => {
      if (!/^[A-Za-z]{2}$/.test(text))
        throw badInput(`${flag} takes a two-letter country code, not '${text}'`, `Pass e.g. ${flag} FR`);
      return text.toUpperCase();
    },
  } satisfies Spec<string>,
  intensity: {
    flag: "--intensity",
    arg: "<g/kWh>",
    help: "override the carbon intensity",
    config: ["carbon", "intensity"],
    repo: false,
    parse: positive(false, "56", { max: 2000 }),
  } satisfies Spec<number>,
  pue: {
    flag: "--pue",
    arg: "<x>",
    help: `power usage effectiveness (default ${DEFAULT_PUE})`,
    config: ["carbon", "pue"],
    repo: false,
    default: DEFAULT_PUE,
    parse: positive(false, String(DEFAULT_PUE), { min: 1, max: 3 }),
  } satisfies Spec<number>,
} as const;

export type TunableName = keyof typeof TUNABLES;
export type TunableValue<K extends TunableName> = ReturnType<(typeof TUNABLES)[K]["parse"]>;
/** Values given on the command line (or by a library caller), by tunable. */
export type Flags = { [K in TunableName]?: TunableValue<K> };

export const TUNABLE_NAMES = Object.keys(TUNABLES) as TunableName[];

export function specOf(name: TunableName): Spec<unknown> {
  return TUNABLES[name] as unknown as Spec<unknown>;
}
