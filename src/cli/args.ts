// argv -> typed options (pure). Every bad flag becomes one bad-input line naming the flag and the fix.
import { parseArgs } from "node:util";
import { badInput } from "../model/errors.js";
import { specOf, TUNABLE_NAMES, type Flags } from "../config/tunables.js";
import { parseBatchArgs, parseMergeArgs, type BatchArgs, type MergeArgs } from "./batch-args.js";

export const FORMATS = ["text", "json", "md", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface AuditArgs extends Flags {
  command: "audit";
  source: string;
  ref?: string;
  format: Format;
  out?: string;
  config?: string;
  /** The repo is the user's own: its config and inline suppressions count. */
  trustRepo?: boolean;
  cacheDir?: string;
  /** Where to save the facts, for `repro-audit judge`. */
  facts?: string;
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

export type CliArgs =
  | AuditArgs
  | BatchArgs
  | MergeArgs
  | JudgeArgs
  | { command: "rules"; action: "list" | "explain" | "facts"; id?: string; debug: boolean }
  | { command: "ledger"; format: "text" | "json"; debug: boolean }
  | { command: "init"; debug: boolean }
  | { command: "help"; topic?: string; debug: boolean }
  | { command: "version"; debug: boolean };

/** One "  --flag <arg>   help" line per tunable that has a flag, in the table's order. */
function tunableUsage(): string {
  return TUNABLE_NAMES.map((name) => specOf(name))
    .filter((spec) => spec.flag)
    .map((spec) => `  ${`${spec.flag} ${spec.arg ?? ""}`.padEnd(28)}${spec.help}`)
    .join("\n");
}

export const USAGE = `Usage:
  repro-audit audit <repo-url|path> [options]   audit a solution repo and print its report
  repro-audit rules list                        list the rules
  repro-audit rules explain <id>                a rule's reason and score arithmetic
  repro-audit rules facts                       the fact families rules can judge
  repro-audit ledger [--format text|json]       the footprint of this machine's instrumented runs
  repro-audit init                              print a commented .repro-audit.yml to start from
  repro-audit batch <leaderboard.yml> [options]  audit a leaderboard's top solutions; the competition's footprint
  repro-audit merge <batch.json...> [--out DIR]  join the reports of a batch's shards
  repro-audit judge <facts.json> [--config F]   judge saved facts again (audit --facts FILE), without the repo

Audit options:
  --ref <branch|tag|commit>   what to check out (default: the default branch / the tree as it stands)
  --format text|json|md|sarif report format (default text)
  --out <file>                write the report there
  --config <file>             your .repro-audit.yml, on top of the repo's own (which may only describe the training)
  --trust-repo                the repo is your own: its config may set everything
  --facts <file>              also save the facts, to judge them again later (repro-audit judge)
  --cache-dir <dir>           where clones are kept
  --debug                     show stack traces
${tunableUsage()}

Batch options (and the audit options above, but --ref, --train, --epochs, --data and --fail-under, for every audit):
  --top <n>                   the n best-ranked teams the file lists (default 10)
  --concurrency <n>           audits at once (default 2)
  --timeout <seconds>         limit of each audit (default 7200)
  --out <dir>                 reports and cached audits (default repro-audit-batch)
  --resume                    reuse finished audits of the same repo and commit
  --shard <i/n>               audit every n-th team from the i-th (1-based); merge the shards' batch.json
  --format text|json|md|html  what is printed (batch.json, batch.md and batch.html are written to --out)

Exit codes: 0 ok, 1 score below --fail-under, 2 bad input, 3 engine or internal failure, 130 interrupted.`;

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw badInput(`${flag} takes one of ${allowed.join(", ")}, not '${value}'`, `Pass e.g. ${flag} ${allowed[0]}`);
  return value as T;
}

/** Flags of `audit` that are not tunables; the tunables' flags come from config/tunables.ts. */
const AUDIT_OWN_OPTIONS = {
  ref: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  config: { type: "string" },
  "trust-repo": { type: "boolean" },
  "cache-dir": { type: "string" },
  facts: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function auditOptions(): OptionSpecs {
  const options: OptionSpecs = { ...AUDIT_OWN_OPTIONS };
  for (const name of TUNABLE_NAMES) {
    const spec = specOf(name);
    if (spec.flag) options[spec.flag.slice(2)] = { type: "string", ...(spec.repeatable ? { multiple: true } : {}) };
  }
  return options;
}

/** Each tunable flag given, parsed by its own spec (repeatable flags' values concatenated). */
export function tunableFlags(values: Record<string, unknown>): Flags {
  const flags: Record<string, unknown> = {};
  for (const name of TUNABLE_NAMES) {
    const spec = specOf(name);
    const given = spec.flag ? values[spec.flag.slice(2)] : undefined;
    if (given === undefined) continue;
    flags[name] = Array.isArray(given) ? given.flatMap((text) => spec.parse(String(text), spec.flag!) as unknown[]) : spec.parse(String(given), spec.flag!);
  }
  return flags as Flags;
}

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
  if (command === "judge") return parseJudge(rest, debug);
  if (command !== "audit") throw badInput(`unknown command '${command}'`, "Run repro-audit --help for the commands");

  const { values, positionals } = strictParse(rest, auditOptions());
  if (values.help === true) return { command: "help", topic: "audit", debug };
  if (positionals.length !== 1) {
    throw badInput(positionals.length === 0 ? "audit needs a repo URL or path" : `audit takes one repo, got ${positionals.length}`, "Run repro-audit audit <repo-url|path>");
  }
  const str = (k: string) => values[k] as string | undefined;
  const args: AuditArgs = {
    command: "audit",
    source: positionals[0]!,
    format: oneOf("--format", str("format"), FORMATS) ?? "text",
    debug: Boolean(values.debug),
    ...tunableFlags(values),
  };
  const optional: Partial<AuditArgs> = { ref: str("ref"), out: str("out"), config: str("config"), cacheDir: str("cache-dir"), facts: str("facts") };
  if (values["trust-repo"] === true) optional.trustRepo = true;
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value;
  return args;
}

function parseJudge(rest: string[], debug: boolean): JudgeArgs {
  const { values, positionals } = strictParse(rest, { format: { type: "string" }, out: { type: "string" }, config: { type: "string" }, debug: { type: "boolean" } });
  if (positionals.length !== 1) throw badInput("judge takes one facts file", "Run repro-audit judge <facts.json> (written by audit --facts FILE)");
  const args: JudgeArgs = { command: "judge", factsFile: positionals[0]!, format: oneOf("--format", values.format as string | undefined, FORMATS) ?? "text", debug };
  if (typeof values.out === "string") args.out = values.out;
  if (typeof values.config === "string") args.config = values.config;
  return args;
}

export type OptionSpecs = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

export function strictParse(args: string[], options: OptionSpecs): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]!.replace(/\. To specify.*$/, "");
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous) {
      const flag = ambiguous[1]!;
      const value = args[args.indexOf(flag) + 1] ?? "-1";
      throw badInput(`${flag} takes a value; write ${flag}=${value} to pass one that starts with '-'`, "Run repro-audit --help for the options", error);
    }
    throw badInput(message.replace(/^Unknown option/, "unknown option"), "Run repro-audit --help for the options", error);
  }
}
