// argv of `batch` and `merge` -> typed options (pure); every bad flag is one bad-input line. The audit
// settings are the tunables' own flags (config/tunables.ts), less those that describe one repo.
import { COLOR_SETTINGS, type ColorSetting } from "./color.js";
import { badInput } from "../model/errors.js";
import { specOf, TUNABLE_NAMES, type Flags, type TunableName } from "../config/tunables.js";
import { parseShard, type Shard } from "../batch/shard.js";
import { MAX_TIMEOUT_SECONDS } from "../batch/run-batch.js";
import { oneOf, strictParse, tunableFlags, type OptionSpecs } from "./args.js";

const BATCH_FORMATS = ["text", "json", "md", "html"] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];
const DEFAULT_BATCH_OUT = "repro-audit-batch";

/** Settings of one repo's training or verdict, which a batch over many repos does not take. */
const NOT_FOR_A_BATCH: readonly TunableName[] = ["commands", "epochs", "data", "failUnder"];

export interface BatchArgs {
  command: "batch";
  file: string;
  /** --color always|never|auto for the text printed. */
  color?: ColorSetting;
  top?: number;
  concurrency?: number;
  out: string;
  resume: boolean;
  shard: Shard | null;
  timeout?: number;
  format: BatchFormat;
  /** --png: also draw each chart as PNG (starts headless Chromium). */
  png: boolean;
  /** The audit settings every audit of the batch runs with. */
  flags: Flags;
  config?: string;
  cacheDir?: string;
  debug: boolean;
}

export interface MergeArgs {
  command: "merge";
  files: string[];
  out: string;
  format: BatchFormat;
  png: boolean;
  debug: boolean;
}

function batchOptions(): OptionSpecs {
  const options: OptionSpecs = {
    top: { type: "string" },
    concurrency: { type: "string" },
    out: { type: "string" },
    resume: { type: "boolean" },
    shard: { type: "string" },
    timeout: { type: "string" },
    format: { type: "string" },
    png: { type: "boolean" },
    color: { type: "string" },
    config: { type: "string" },
    "cache-dir": { type: "string" },
    debug: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  };
  for (const name of TUNABLE_NAMES) {
    const spec = specOf(name);
    if (spec.flag && !NOT_FOR_A_BATCH.includes(name)) options[spec.flag.slice(2)] = { type: "string" };
  }
  return options;
}

function whole(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 1)
    throw badInput(`${flag} takes a positive whole number, not '${text}'`, `Pass e.g. ${flag} 4`);
  if (n > max) throw badInput(`${flag} takes at most ${max}, not ${n}`, `Pass e.g. ${flag} 4`);
  return n;
}

export function parseBatchArgs(argv: string[]): BatchArgs | { command: "help"; topic: string; debug: boolean } {
  const { values, positionals } = strictParse(argv, batchOptions());
  if (values.help === true) return { command: "help", topic: "batch", debug: values.debug === true };
  if (positionals.length !== 1) {
    throw badInput(
      positionals.length === 0
        ? "batch needs a leaderboard file"
        : `batch takes one leaderboard file, got ${positionals.length}`,
      "Run repro-audit batch <leaderboard.yml> (see schemas/leaderboard.schema.json)",
    );
  }
  const str = (k: string) => values[k] as string | undefined;
  const timeoutText = str("timeout");
  const timeout = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeout !== undefined && (timeoutText!.trim() === "" || !(timeout > 0) || timeout > MAX_TIMEOUT_SECONDS)) {
    throw badInput(
      `--timeout takes seconds from 1 to ${MAX_TIMEOUT_SECONDS} (a week), not '${timeoutText}'`,
      "Pass e.g. --timeout 3600",
    );
  }
  const args: BatchArgs = {
    command: "batch",
    file: positionals[0]!,
    out: str("out") ?? DEFAULT_BATCH_OUT,
    resume: values.resume === true,
    shard: str("shard") === undefined ? null : parseShard(str("shard")!),
    format: oneOf("--format", str("format"), BATCH_FORMATS) ?? "text",
    png: values.png === true,
    flags: tunableFlags(values),
    debug: values.debug === true,
  };
  const optional: Partial<BatchArgs> = {
    top: whole("--top", str("top"), 100_000),
    concurrency: whole("--concurrency", str("concurrency"), 64),
    timeout,
    config: str("config"),
    cacheDir: str("cache-dir"),
    color: oneOf("--color", str("color"), COLOR_SETTINGS),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value;
  return args;
}

export function parseMergeArgs(argv: string[]): MergeArgs {
  const { values, positionals } = strictParse(argv, {
    out: { type: "string" },
    format: { type: "string" },
    png: { type: "boolean" },
    debug: { type: "boolean" },
  });
  if (positionals.length === 0)
    throw badInput(
      "merge needs the batch.json of every shard",
      "Run repro-audit merge shard-1/batch.json shard-2/batch.json ...",
    );
  return {
    command: "merge",
    files: positionals,
    out: (values.out as string | undefined) ?? DEFAULT_BATCH_OUT,
    format: oneOf("--format", values.format as string | undefined, BATCH_FORMATS) ?? "text",
    png: values.png === true,
    debug: values.debug === true,
  };
}
