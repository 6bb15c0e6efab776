// argv of `batch` and `merge` -> typed options (pure); every bad flag is one bad-input line.
import { badInput } from "../model/errors.js";
import { parseShard, type Shard } from "../batch/shard.js";
import { MAX_TIMEOUT_SECONDS } from "../batch/run-batch.js";
import { oneOf, parseStages, positiveNumber, strictParse } from "./args.js";
import type { StageName } from "../model/report.js";

export const BATCH_FORMATS = ["text", "json", "md", "html"] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];
export const DEFAULT_BATCH_OUT = "repro-audit-batch";

export interface BatchArgs {
  command: "batch";
  file: string;
  top?: number;
  concurrency?: number;
  out: string;
  resume: boolean;
  shard: Shard | null;
  timeout?: number;
  format: BatchFormat;
  stages?: StageName[];
  config?: string;
  engine?: "auto" | "docker" | "podman";
  baseImage?: string;
  buildTimeout?: number;
  measureEpochs?: number;
  batches?: number;
  gpus?: boolean;
  region?: string;
  intensity?: number;
  pue?: number;
  epochTimeout?: number;
  cacheDir?: string;
  debug: boolean;
}

export interface MergeArgs {
  command: "merge";
  files: string[];
  out: string;
  format: BatchFormat;
  debug: boolean;
}

const BATCH_OPTIONS = {
  top: { type: "string" },
  concurrency: { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  shard: { type: "string" },
  timeout: { type: "string" },
  format: { type: "string" },
  stages: { type: "string" },
  config: { type: "string" },
  engine: { type: "string" },
  "base-image": { type: "string" },
  "build-timeout": { type: "string" },
  "measure-epochs": { type: "string" },
  batches: { type: "string" },
  gpus: { type: "string" },
  region: { type: "string" },
  intensity: { type: "string" },
  pue: { type: "string" },
  "epoch-timeout": { type: "string" },
  "cache-dir": { type: "string" },
  debug: { type: "boolean" },
} as const;

export function parseBatchArgs(argv: string[]): BatchArgs {
  const { values, positionals } = strictParse(argv, BATCH_OPTIONS);
  if (positionals.length !== 1) {
    throw badInput(positionals.length === 0 ? "batch needs a leaderboard file" : `batch takes one leaderboard file, got ${positionals.length}`, "Run repro-audit batch <leaderboard.yml> (see schemas/leaderboard.schema.json)");
  }
  const str = (k: string) => values[k] as string | undefined;
  const timeout = positiveNumber("--timeout", str("timeout"));
  if (timeout !== undefined && timeout > MAX_TIMEOUT_SECONDS) throw badInput(`--timeout takes at most ${MAX_TIMEOUT_SECONDS} seconds (a week), not ${timeout}`, "Pass e.g. --timeout 3600");
  const region = str("region");
  if (region !== undefined && !/^[A-Za-z]{2}$/.test(region)) throw badInput(`--region takes a two-letter country code, not '${region}'`, "Pass e.g. --region FR");
  const pue = positiveNumber("--pue", str("pue"));
  if (pue !== undefined && pue < 1) throw badInput(`--pue cannot be below 1, got ${pue}`, "Pass e.g. --pue 1.58");
  const gpus = oneOf("--gpus", str("gpus"), ["auto", "all", "none"] as const);
  const concurrency = positiveNumber("--concurrency", str("concurrency"), true);
  if (concurrency !== undefined && concurrency > 64) throw badInput(`--concurrency takes at most 64, not ${concurrency}`, "Pass e.g. --concurrency 4");
  const args: BatchArgs = {
    command: "batch",
    file: positionals[0]!,
    out: str("out") ?? DEFAULT_BATCH_OUT,
    resume: values.resume === true,
    shard: str("shard") === undefined ? null : parseShard(str("shard")!),
    format: oneOf("--format", str("format"), BATCH_FORMATS) ?? "text",
    debug: values.debug === true,
  };
  const optional: Partial<BatchArgs> = {
    top: positiveNumber("--top", str("top"), true),
    concurrency,
    timeout,
    stages: str("stages") === undefined ? undefined : parseStages(str("stages")!),
    config: str("config"),
    engine: oneOf("--engine", str("engine"), ["auto", "docker", "podman"] as const),
    baseImage: str("base-image"),
    buildTimeout: positiveNumber("--build-timeout", str("build-timeout")),
    measureEpochs: positiveNumber("--measure-epochs", str("measure-epochs"), true),
    batches: positiveNumber("--batches", str("batches"), true),
    gpus: gpus === undefined || gpus === "auto" ? undefined : gpus === "all",
    region: region?.toUpperCase(),
    intensity: positiveNumber("--intensity", str("intensity")),
    pue,
    epochTimeout: positiveNumber("--epoch-timeout", str("epoch-timeout")),
    cacheDir: str("cache-dir"),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value;
  return args;
}

export function parseMergeArgs(argv: string[]): MergeArgs {
  const { values, positionals } = strictParse(argv, { out: { type: "string" }, format: { type: "string" }, debug: { type: "boolean" } });
  if (positionals.length === 0) throw badInput("merge needs the batch.json of every shard", "Run repro-audit merge shard-1/batch.json shard-2/batch.json ...");
  return {
    command: "merge",
    files: positionals,
    out: (values.out as string | undefined) ?? DEFAULT_BATCH_OUT,
    format: oneOf("--format", values.format as string | undefined, BATCH_FORMATS) ?? "text",
    debug: values.debug === true,
  };
}
