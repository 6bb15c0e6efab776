// argv -> typed options (pure), one parser per command. Every bad flag becomes one bad-input line naming the
// flag and the fix, with the nearest known flag or command when one is close. Kept light: the bin loads only
// this module to answer --help and --version.
import { parseArgs } from "node:util";
import { badInput } from "../model/errors.js";
import type { FailOn } from "../model/finding.js";
import { TUNABLE_NAMES, TUNABLES, specOf, type Flags } from "../config/tunables.js";
import { didYouMean } from "./suggest.js";
import { USAGE } from "./usage.js";
import { COLOR_SETTINGS, type ColorSetting } from "./color.js";

const FORMATS = ["text", "json", "md", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

/** How a report is finished, shared by `audit` and `report`: gates, comparison, what is shown. */
export interface OutputArgs {
  format: Format;
  out?: string;
  /** A saved JSON report: its findings do not count toward --fail-under and --max-warnings. */
  baseline?: string;
  /** Errors only. */
  quiet?: boolean;
  explainScore?: boolean;
  /** --color always|never|auto (default auto: FORCE_COLOR, NO_COLOR, then whether stdout is a terminal). */
  color?: ColorSetting;
}

export interface AuditArgs extends Flags, OutputArgs {
  command: "audit";
  source: string;
  ref?: string;
  config?: string;
  /** The repo is the user's own: its config and inline suppressions count. */
  trustRepo?: boolean;
  cacheDir?: string;
  /** Where to save the facts, for `repro-audit judge`. */
  facts?: string;
  /** Print where the audit's time went (each step) on stderr. */
  timings?: boolean;
  debug: boolean;
}

export interface JudgeArgs {
  command: "judge";
  factsFile: string;
  format: Format;
  out?: string;
  config?: string;
  debug: boolean;
}

export interface RequirementsArgs {
  command: "requirements";
  source: string;
  ref?: string;
  out?: string;
  /** Overwrite an existing --out file. */
  force: boolean;
  /** Globs of paths left out of the scan, as the audit's `exclude`. */
  exclude: string[];
  format: "text" | "json";
  cacheDir?: string;
  debug: boolean;
}

export interface LockArgs {
  command: "lock";
  source: string;
  ref?: string;
  out?: string;
  /** Overwrite an existing --out file. */
  force: boolean;
  cacheDir?: string;
  indexUrl?: string;
  debug: boolean;
}

/** `batch` and `merge` are parsed when they run (cli/batch-args.ts), so their modules load only then. */
export interface DeferredArgs {
  command: "batch" | "merge";
  argv: string[];
  debug: boolean;
}

export interface ReportArgs extends OutputArgs {
  command: "report";
  file: string;
  failUnder?: number;
  maxWarnings?: number;
  failOn?: FailOn;
  debug: boolean;
}

export type CliArgs =
  | AuditArgs
  | ReportArgs
  | JudgeArgs
  | DeferredArgs
  | RequirementsArgs
  | LockArgs
  | {
      command: "rules";
      action: "list" | "explain" | "facts" | "docs";
      id?: string;
      format: "text" | "json";
      debug: boolean;
    }
  | { command: "ledger"; format: "text" | "json"; debug: boolean }
  | { command: "init"; force: boolean; stdout: boolean; dir?: string; debug: boolean }
  | { command: "cache"; action: "clean"; cacheDir?: string; debug: boolean }
  | { command: "help"; topic?: string; debug: boolean }
  | { command: "version"; debug: boolean };

export const COMMANDS = [
  "audit",
  "report",
  "judge",
  "batch",
  "merge",
  "requirements",
  "lock",
  "rules",
  "init",
  "cache",
  "ledger",
  "help",
  "version",
] as const;

export type OptionSpecs = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw badInput(`${flag} takes one of ${allowed.join(", ")}, not '${value}'`, `Pass e.g. ${flag} ${allowed[0]}`);
  return value as T;
}

/** parseArgs, strict, with its errors turned into one line that names the nearest known flag. */
export function strictParse(
  args: string[],
  options: OptionSpecs,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]!.replace(/\. To specify.*$/, "");
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous) {
      const flag = ambiguous[1]!;
      const value = args[args.indexOf(flag) + 1] ?? "-1";
      throw badInput(
        `${flag} takes a value; write ${flag}=${value} to pass one that starts with '-'`,
        "Run repro-audit --help for the options",
        error,
      );
    }
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    const near = unknown
      ? didYouMean(
          unknown,
          Object.keys(options).map((name) => `--${name}`),
        )
      : "";
    throw badInput(
      message.replace(/^Unknown option/, "unknown option"),
      `${near.trim() ? `${near.trim()} ` : ""}Run repro-audit --help for the options`,
      error,
    );
  }
}

const OUTPUT_OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
  baseline: { type: "string" },
  quiet: { type: "boolean" },
  "explain-score": { type: "boolean" },
  color: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

function outputArgs(values: Record<string, unknown>): OutputArgs {
  const str = (k: string) => values[k] as string | undefined;
  const args: OutputArgs = { format: oneOf("--format", str("format"), FORMATS) ?? "text" };
  if (str("out") !== undefined) args.out = str("out");
  if (str("baseline") !== undefined) args.baseline = str("baseline");
  if (values.quiet === true) args.quiet = true;
  if (values["explain-score"] === true) args.explainScore = true;
  const color = oneOf("--color", str("color"), COLOR_SETTINGS);
  if (color !== undefined) args.color = color;
  return args;
}

/** Flags of `audit` that are not tunables; the tunables' flags come from config/tunables.ts. */
function auditOptions(): OptionSpecs {
  const options: OptionSpecs = {
    ...OUTPUT_OPTIONS,
    ref: { type: "string" },
    config: { type: "string" },
    "trust-repo": { type: "boolean" },
    "cache-dir": { type: "string" },
    facts: { type: "string" },
    timings: { type: "boolean" },
  };
  for (const name of TUNABLE_NAMES) {
    const spec = specOf(name);
    if (spec.flag) options[spec.flag.slice(2)] = { type: "string", ...(spec.repeatable ? { multiple: true } : {}) };
  }
  return options;
}

/** Each tunable flag given, parsed by its own spec (repeatable flags' values concatenated). */
export function tunableFlags(
  values: Record<string, unknown>,
  names: readonly (typeof TUNABLE_NAMES)[number][] = TUNABLE_NAMES,
): Flags {
  const flags: Record<string, unknown> = {};
  for (const name of names) {
    const spec = specOf(name);
    const given = spec.flag ? values[spec.flag.slice(2)] : undefined;
    if (given === undefined) continue;
    flags[name] = Array.isArray(given)
      ? given.flatMap((text) => spec.parse(String(text), spec.flag!) as unknown[])
      : spec.parse(String(given), spec.flag!);
  }
  return flags as Flags;
}

function parseAuditArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, auditOptions());
  if (values.help === true) return { command: "help", topic: "audit", debug };
  if (positionals.length !== 1) {
    throw badInput(
      positionals.length === 0 ? "audit needs a repo URL or path" : `audit takes one repo, got ${positionals.length}`,
      "Run repro-audit audit <repo-url|path>",
    );
  }
  const str = (k: string) => values[k] as string | undefined;
  const args: AuditArgs = {
    command: "audit",
    source: positionals[0]!,
    ...outputArgs(values),
    debug,
    ...tunableFlags(values),
  };
  const optional: Partial<AuditArgs> = {
    ref: str("ref"),
    config: str("config"),
    cacheDir: str("cache-dir"),
    facts: str("facts"),
  };
  if (values["trust-repo"] === true) optional.trustRepo = true;
  if (values.timings === true) optional.timings = true;
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value;
  return args;
}

function parseJudgeArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, {
    format: { type: "string" },
    out: { type: "string" },
    config: { type: "string" },
    debug: { type: "boolean" },
  });
  if (positionals.length !== 1)
    throw badInput("judge takes one facts file", "Run repro-audit judge <facts.json> (written by audit --facts FILE)");
  const args: JudgeArgs = {
    command: "judge",
    factsFile: positionals[0]!,
    format: oneOf("--format", values.format as string | undefined, FORMATS) ?? "text",
    debug,
  };
  if (typeof values.out === "string") args.out = values.out;
  if (typeof values.config === "string") args.config = values.config;
  return args;
}

function parseReportArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, {
    ...OUTPUT_OPTIONS,
    "fail-under": { type: "string" },
    "max-warnings": { type: "string" },
    "fail-on": { type: "string" },
  });
  if (values.help === true) return { command: "help", topic: "report", debug };
  if (positionals.length !== 1)
    throw badInput(
      positionals.length === 0
        ? "report needs a saved JSON report"
        : `report takes one file, got ${positionals.length}`,
      "Run repro-audit report <report.json> --format md",
    );
  return {
    command: "report",
    file: positionals[0]!,
    ...outputArgs(values),
    ...tunableFlags(values, ["failUnder", "maxWarnings", "failOn"]),
    debug,
  };
}

function parseRulesArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, { format: { type: "string" }, debug: { type: "boolean" } });
  const [action = "list", id] = positionals;
  if (action !== "list" && action !== "explain" && action !== "facts" && action !== "docs") {
    throw badInput(
      `unknown rules action '${action}'`,
      `${didYouMean(action, ["list", "explain", "facts", "docs"]).trim()} Use rules list, rules explain <id>, rules facts or rules docs <folder>`.trim(),
    );
  }
  if (action === "explain" && !id)
    throw badInput("rules explain needs a rule id", "Run repro-audit rules list to see them");
  if (action === "docs" && !id)
    throw badInput("rules docs needs the folder to write the pages to", "Run repro-audit rules docs docs/rules");
  const format = oneOf("--format", values.format as string | undefined, ["text", "json"] as const) ?? "text";
  return { command: "rules", action, ...(id ? { id } : {}), format, debug };
}

function parseInitArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, {
    force: { type: "boolean" },
    stdout: { type: "boolean" },
    debug: { type: "boolean" },
  });
  if (positionals.length > 1)
    throw badInput(`init takes at most one folder, got ${positionals.length}`, "Run repro-audit init [folder]");
  return {
    command: "init",
    force: values.force === true,
    stdout: values.stdout === true,
    ...(positionals[0] ? { dir: positionals[0] } : {}),
    debug,
  };
}

function parseCacheArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, { "cache-dir": { type: "string" }, debug: { type: "boolean" } });
  const [action] = positionals;
  if (action !== "clean")
    throw badInput(
      action ? `unknown cache action '${action}'` : "cache needs an action",
      "Use repro-audit cache clean",
    );
  const cacheDir = values["cache-dir"] as string | undefined;
  return { command: "cache", action, ...(cacheDir ? { cacheDir } : {}), debug };
}

function parseLedgerArgs(rest: string[], debug: boolean): CliArgs {
  const { values } = strictParse(rest, { format: { type: "string" }, debug: { type: "boolean" } });
  return {
    command: "ledger",
    format: oneOf("--format", values.format as string | undefined, ["text", "json"] as const) ?? "text",
    debug,
  };
}

function parseRequirementsArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, {
    out: { type: "string" },
    force: { type: "boolean" },
    exclude: { type: "string", multiple: true },
    format: { type: "string" },
    ref: { type: "string" },
    "cache-dir": { type: "string" },
    debug: { type: "boolean" },
  });
  if (positionals.length !== 1)
    throw badInput(
      positionals.length === 0
        ? "requirements needs a repo URL or path"
        : `requirements takes one repo, got ${positionals.length}`,
      "Run repro-audit requirements <repo-url|path> [--out FILE [--force]] [--ref REF] [--exclude GLOB] [--format text|json]",
    );
  const args: RequirementsArgs = {
    command: "requirements",
    source: positionals[0]!,
    force: values.force === true,
    exclude: (values.exclude as string[] | undefined) ?? [],
    format: oneOf("--format", values.format as string | undefined, ["text", "json"] as const) ?? "text",
    debug,
  };
  if (typeof values.out === "string") args.out = values.out;
  if (typeof values.ref === "string") args.ref = values.ref;
  if (typeof values["cache-dir"] === "string") args.cacheDir = values["cache-dir"];
  return args;
}

function parseLockArgs(rest: string[], debug: boolean): CliArgs {
  const { values, positionals } = strictParse(rest, {
    out: { type: "string" },
    force: { type: "boolean" },
    ref: { type: "string" },
    "cache-dir": { type: "string" },
    "index-url": { type: "string" },
    debug: { type: "boolean" },
  });
  if (positionals.length !== 1)
    throw badInput(
      positionals.length === 0 ? "lock needs a repo URL or path" : `lock takes one repo, got ${positionals.length}`,
      "Run repro-audit lock <repo-url|path> [--out FILE [--force]] [--ref REF] [--index-url URL]",
    );
  const args: LockArgs = { command: "lock", source: positionals[0]!, force: values.force === true, debug };
  if (typeof values.out === "string") args.out = values.out;
  if (typeof values.ref === "string") args.ref = values.ref;
  if (typeof values["cache-dir"] === "string") args.cacheDir = values["cache-dir"];
  if (typeof values["index-url"] === "string")
    args.indexUrl = TUNABLES.indexUrl.parse(values["index-url"], "--index-url");
  return args;
}

const PARSERS: Record<string, (rest: string[], debug: boolean) => CliArgs> = {
  lock: parseLockArgs,
  audit: parseAuditArgs,
  report: parseReportArgs,
  judge: parseJudgeArgs,
  batch: (argv, debug) => ({ command: "batch", argv, debug }),
  merge: (argv, debug) => ({ command: "merge", argv, debug }),
  requirements: parseRequirementsArgs,
  rules: parseRulesArgs,
  init: parseInitArgs,
  cache: parseCacheArgs,
  ledger: parseLedgerArgs,
};

export function parseCli(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  if (command === undefined || command === "help" || command === "--help" || command === "-h")
    return { command: "help", debug };
  if (command === "--version" || command === "-V" || command === "version") return { command: "version", debug };
  // Own keys only: a command named `valueOf` or `constructor` is unknown, not the object's prototype.
  const parser = Object.hasOwn(PARSERS, command) ? PARSERS[command] : undefined;
  if (parser && (rest.includes("--help") || rest.includes("-h"))) return { command: "help", topic: command, debug };
  if (!parser) {
    const known = [...COMMANDS, "--help", "--version"];
    throw badInput(
      `unknown command '${command}'`,
      `${didYouMean(command, known).trim()} Run repro-audit --help for the commands`.trim(),
    );
  }
  return parser(rest, debug);
}
