// argv -> typed options (pure). Every bad flag becomes one bad-input line naming the flag and the fix.
import { parseArgs } from "node:util";
import { badInput } from "../model/errors.js";
import { STAGES, type StageName } from "../model/report.js";
import { parseBatchArgs, parseMergeArgs, type BatchArgs, type MergeArgs } from "./batch-args.js";

export const FORMATS = ["text", "json", "md", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface AuditArgs {
  command: "audit";
  source: string;
  ref?: string;
  format: Format;
  out?: string;
  failUnder?: number;
  stages?: StageName[];
  config?: string;
  engine?: "auto" | "docker" | "podman";
  baseImage?: string;
  buildTimeout?: number;
  epochs?: number;
  train?: string;
  measureEpochs?: number;
  batches?: number;
  data: Array<{ host: string; container: string }>;
  runtime: "container" | "host";
  /** all / none force the GPUs on or off; absent: on when nvidia-smi answers. */
  gpus?: boolean;
  region?: string;
  intensity?: number;
  pue?: number;
  epochTimeout?: number;
  cacheDir?: string;
  debug: boolean;
}

export type CliArgs =
  | AuditArgs
  | BatchArgs
  | MergeArgs
  | { command: "rules"; action: "list" | "explain" | "facts"; id?: string; debug: boolean }
  | { command: "ledger"; format: "text" | "json"; debug: boolean }
  | { command: "init"; debug: boolean }
  | { command: "help"; topic?: string; debug: boolean }
  | { command: "version"; debug: boolean };

export const USAGE = `Usage:
  repro-audit audit <repo-url|path> [options]   audit a solution repo and print its report
  repro-audit rules list                        list the rules
  repro-audit rules explain <id>                a rule's reason and score arithmetic
  repro-audit rules facts                       the fact families rules can judge
  repro-audit ledger [--format text|json]       the footprint of this machine's instrumented runs
  repro-audit init                              print a commented .repro-audit.yml to start from
  repro-audit batch <leaderboard.yml> [options]  audit a leaderboard's top solutions; the competition's footprint
  repro-audit merge <batch.json...> [--out DIR]  join the reports of a batch's shards

Audit options:
  --ref <branch|tag|commit>   what to check out (default: the default branch / the tree as it stands)
  --stages static,build,epoch which stages run (default: all an engine allows; static = read only)
  --format text|json|md|sarif report format (default text)      --out <file>  write the report there
  --fail-under <0-100>        exit 1 when the total score is below it
  --config <file>             a .repro-audit.yml to use on top of the repo's own
  --engine auto|docker|podman container engine (default auto)   --base-image <image>  override the base
  --build-timeout <seconds>   limit for the image build (default 1800)
  --epochs <n>                total epochs of one training run     --train "<cmd>"  the training command
  --measure-epochs <n>        epochs to measure (default 1)        --batches <k>  measure k batches only
  --data <host:container>     mount data read-only (repeatable), e.g. ./input:/kaggle/input
  --runtime container|host    host runs the repo's code on this machine: only for your own repo
  --gpus auto|all|none        give the run the GPUs (default auto: when nvidia-smi answers)
  --epoch-timeout <seconds>   wall-clock limit of the instrumented run (default 3600)
  --region <CC>               carbon intensity of a country (ISO code)  --intensity <g/kWh>  override it
  --pue <x>                   power usage effectiveness (default 1.58)
  --cache-dir <dir>           where clones are kept            --debug  show stack traces

Batch options (and the audit options above, for every audit):
  --top <n>                   the n best-ranked teams the file lists (default 10)
  --concurrency <n>           audits at once (default 2)          --timeout <seconds>  per audit (default 7200)
  --out <dir>                 reports and cached audits (default repro-audit-batch)
  --resume                    reuse finished audits of the same repo and commit
  --shard <i/n>               audit every n-th team from the i-th (1-based); merge the shards' batch.json
  --format text|json|md|html  what is printed (batch.json, batch.md and batch.html are written to --out)

Exit codes: 0 ok, 1 score below --fail-under, 2 bad input, 3 engine or internal failure, 130 interrupted.`;

export function positiveNumber(flag: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw badInput(`${flag} takes a positive ${integer ? "whole " : ""}number, not '${value}'`, `Pass e.g. ${flag} ${integer ? 10 : 1.5}`);
  }
  return n;
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw badInput(`${flag} takes one of ${allowed.join(", ")}, not '${value}'`, `Pass e.g. ${flag} ${allowed[0]}`);
  return value as T;
}

export function parseStages(value: string): StageName[] {
  const stages = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (stages.length === 0 || unknown.length > 0) {
    throw badInput(`--stages takes a comma list of ${STAGES.join(", ")}, not '${value}'`, "Pass e.g. --stages static");
  }
  return [...new Set(stages)] as StageName[];
}

export function parseData(value: string): { host: string; container: string } {
  const at = value.lastIndexOf(":");
  const host = value.slice(0, at);
  const container = value.slice(at + 1);
  if (at <= 0 || !container.startsWith("/")) throw badInput(`--data takes HOST:CONTAINER with an absolute container path, not '${value}'`, "Pass e.g. --data ./input:/kaggle/input");
  return { host, container };
}

const AUDIT_OPTIONS = {
  ref: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  "fail-under": { type: "string" },
  stages: { type: "string" },
  config: { type: "string" },
  engine: { type: "string" },
  "base-image": { type: "string" },
  "build-timeout": { type: "string" },
  epochs: { type: "string" },
  train: { type: "string" },
  "measure-epochs": { type: "string" },
  batches: { type: "string" },
  data: { type: "string", multiple: true },
  runtime: { type: "string" },
  gpus: { type: "string" },
  region: { type: "string" },
  intensity: { type: "string" },
  pue: { type: "string" },
  "epoch-timeout": { type: "string" },
  "cache-dir": { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCli(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return { command: "help", debug };
  if (command === "--version" || command === "version") return { command: "version", debug };
  if (command === "rules") {
    const [action = "list", id] = rest.filter((a) => a !== "--debug");
    if (action !== "list" && action !== "explain" && action !== "facts") throw badInput(`unknown rules action '${action}'`, "Use rules list, rules explain <id> or rules facts");
    if (action === "explain" && !id) throw badInput("rules explain needs a rule id", "Run repro-audit rules list to see them");
    return { command: "rules", action, ...(id ? { id } : {}), debug };
  }
  if (command === "ledger") {
    const { values } = strictParse(rest, { format: { type: "string" }, debug: { type: "boolean" } });
    return { command: "ledger", format: oneOf("--format", values.format as string | undefined, ["text", "json"] as const) ?? "text", debug };
  }
  if (command === "init") return { command: "init", debug };
  if (command === "batch") return parseBatchArgs(rest);
  if (command === "merge") return parseMergeArgs(rest);
  if (command !== "audit") throw badInput(`unknown command '${command}'`, "Run repro-audit --help for the commands");

  const { values, positionals } = strictParse(rest, AUDIT_OPTIONS);
  if (values.help === true) return { command: "help", topic: "audit", debug };
  if (positionals.length !== 1) {
    throw badInput(positionals.length === 0 ? "audit needs a repo URL or path" : `audit takes one repo, got ${positionals.length}`, "Run repro-audit audit <repo-url|path>");
  }
  const v = values as Record<string, string | string[] | boolean | undefined>;
  const str = (k: string) => v[k] as string | undefined;
  const failUnder = str("fail-under") === undefined ? undefined : Number(str("fail-under"));
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)) throw badInput(`--fail-under takes a number from 0 to 100, not '${str("fail-under")}'`, "Pass e.g. --fail-under 70");
  const region = str("region");
  if (region !== undefined && !/^[A-Za-z]{2}$/.test(region)) throw badInput(`--region takes a two-letter country code, not '${region}'`, "Pass e.g. --region FR");
  const pue = positiveNumber("--pue", str("pue"));
  if (pue !== undefined && pue < 1) throw badInput(`--pue cannot be below 1, got ${pue}`, "Pass e.g. --pue 1.58");
  const args: AuditArgs = {
    command: "audit",
    source: positionals[0]!,
    format: oneOf("--format", str("format"), FORMATS) ?? "text",
    data: ((v.data as string[] | undefined) ?? []).map(parseData),
    runtime: oneOf("--runtime", str("runtime"), ["container", "host"] as const) ?? "container",
    debug: Boolean(v.debug),
  };
  const gpus = oneOf("--gpus", str("gpus"), ["auto", "all", "none"] as const);
  const optional: Partial<AuditArgs> = {
    gpus: gpus === undefined || gpus === "auto" ? undefined : gpus === "all",
    ref: str("ref"),
    out: str("out"),
    failUnder,
    stages: str("stages") === undefined ? undefined : parseStages(str("stages")!),
    config: str("config"),
    engine: oneOf("--engine", str("engine"), ["auto", "docker", "podman"] as const),
    baseImage: str("base-image"),
    buildTimeout: positiveNumber("--build-timeout", str("build-timeout")),
    epochs: positiveNumber("--epochs", str("epochs"), true),
    train: str("train"),
    measureEpochs: positiveNumber("--measure-epochs", str("measure-epochs"), true),
    batches: positiveNumber("--batches", str("batches"), true),
    region: region?.toUpperCase(),
    intensity: positiveNumber("--intensity", str("intensity")),
    pue,
    epochTimeout: positiveNumber("--epoch-timeout", str("epoch-timeout")),
    cacheDir: str("cache-dir"),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value;
  return args;
}

type OptionSpecs = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

export function strictParse(args: string[], options: OptionSpecs): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]!.replace(/\. To specify.*$/, "");
    throw badInput(message.replace(/^Unknown option/, "unknown option"), "Run repro-audit --help for the options", error);
  }
}
