// The words of --help: the commands, then the audit's options (its tunables' lines come from config/tunables.ts).
import { specOf, TUNABLE_NAMES } from "../config/tunables.js";

/** One "  --flag <arg>   help" line per tunable that has a flag, in the table's order. */
function tunableUsage(): string {
  return TUNABLE_NAMES.map((name) => specOf(name))
    .filter((spec) => spec.flag)
    .map((spec) => `  ${`${spec.flag} ${spec.arg ?? ""}`.padEnd(28)}${spec.help}`)
    .join("\n");
}

const COMMAND_LIST = `  repro-audit audit <repo-url|path> [options]   audit a solution repo and print its report
  repro-audit report <report.json> [options]    render a saved JSON report again (text, md, sarif, json)
  repro-audit judge <facts.json> [--config F]   judge saved facts again (audit --facts FILE), without the repo
  repro-audit batch <leaderboard.yml> [options] audit a leaderboard's top solutions; the competition's footprint
  repro-audit merge <batch.json...> [--out DIR] join the reports of a batch's shards
  repro-audit requirements <repo> [--out F [--force]] [--exclude GLOB] [--format text|json]
                                              print a requirements.txt of what the repo's code imports
  repro-audit lock <repo> [--out F] [--ref R]   pin the spec as of its commit's date (uv), each pin with its reason
  repro-audit rules list [--format text|json]   list the rules
  repro-audit rules explain <id>                a rule's reason, fix and score arithmetic
  repro-audit rules facts                       the fact families rules can judge
  repro-audit rules docs <folder>               write one Markdown page per rule (docs/rules)
  repro-audit init [folder] [--force|--stdout]  write a commented .repro-audit.yml (or print it)
  repro-audit cache clean [--cache-dir <dir>]   remove cached clones and build folders
  repro-audit ledger [--format text|json]       the footprint of this machine's instrumented runs
  repro-audit --version                         print the version
  repro-audit --help                            print this help`;

const AUDIT_OPTIONS = `Audit options:
  --ref <branch|tag|commit>   what to check out (default: the default branch / the tree as it stands)
  --format text|json|md|sarif report format (default text)
  --out <file>                write the report there
  --config <file>             your .repro-audit.yml, on top of the repo's own (which may only describe the training)
  --trust-repo                the repo is your own: its config and inline ignore comments count
  --baseline <report.json>    findings already in that saved report count toward no gate (--fail-under, --max-warnings, --fail-on)
  --quiet                     errors only
  --color always|never|auto   colour the text report (default auto: FORCE_COLOR, NO_COLOR, then whether it is a terminal)
  --explain-score             add the score's arithmetic to the report
  --facts <file>              also save the facts, to judge them again later (repro-audit judge)
  --cache-dir <dir>           where clones are kept
  --timings                   print on stderr where the audit's time went (walk, rules, index, each extractor, judging)
  --debug                     show stack traces
${tunableUsage()}`;

const REPORT_OPTIONS = `Report options: --format, --out, --baseline, --quiet, --color, --explain-score, --fail-under, --max-warnings, --fail-on (as above).`;

const BATCH_OPTIONS = `Batch options (and the audit options above, but --ref, --train, --epochs, --data and --fail-under, for every audit):
  --top <n>                   the n best-ranked teams the file lists (default 10)
  --concurrency <n>           audits at once (default 2)
  --timeout <seconds>         limit of each audit (default 7200)
  --out <dir>                 reports and cached audits (default repro-audit-batch)
  --resume                    reuse finished audits of the same repo and commit
  --shard <i/n>               audit every n-th team from the i-th (1-based); merge the shards' batch.json
  --format text|json|md|html  what is printed (batch.json, batch.md, batch.html, emissions.csv and charts/ are written to --out)
  --png                       also draw each chart as charts/<id>.png (starts headless Chromium; SVGs are always written)
  --color always|never|auto   colour the text printed (as for audit)`;

const EXIT_CODES =
  "Exit codes: 0 ok, 1 a gate failed (--fail-under, --max-warnings, --fail-on), 2 bad input, 3 engine or internal failure, 130 interrupted.";

export const USAGE = `Usage:
${COMMAND_LIST}

${AUDIT_OPTIONS}

${REPORT_OPTIONS}

${BATCH_OPTIONS}

${EXIT_CODES}`;

/** The lines of the command list that name this command (with their continuation lines). */
function commandLines(command: string): string {
  const out: string[] = [];
  let taking = false;
  for (const line of COMMAND_LIST.split("\n")) {
    if (/^  repro-audit /.test(line))
      taking = line.startsWith(`  repro-audit ${command} `) || line === `  repro-audit ${command}`;
    if (taking) out.push(line);
  }
  return out.join("\n");
}

/** Options beyond the command line itself, by command. */
const OPTIONS: Record<string, string> = {
  audit: AUDIT_OPTIONS,
  report: `${REPORT_OPTIONS}\n\n${AUDIT_OPTIONS}`,
  judge: "Judge options: --config <file>, --format text|json|md|sarif, --out <file>.",
  batch: `${BATCH_OPTIONS}\n\n${AUDIT_OPTIONS}`,
  merge:
    "Merge options:\n  --out <dir>                 where the joined batch.json, batch.md and batch.html go\n  --png                       also draw each chart as charts/<id>.png (starts headless Chromium)",
  lock: [
    "Lock options:",
    "  --out <file>                write the lock there instead of stdout (an existing file is kept unless --force)",
    "  --force                     overwrite an existing --out file",
    "  --ref <branch|tag|commit>   what to lock (its commit's date bounds every release)",
    "  --index-url <url>           the package index to resolve against (default PyPI)",
  ].join("\n"),
  requirements: [
    "Requirements options:",
    "  --out <file>                write the requirements there (an existing file is kept unless --force)",
    "  --force                     overwrite an existing --out file",
    "  --exclude <glob>            leave matching paths out (repeatable)",
    "  --format text|json          requirements.txt lines (default) or JSON",
    "  --ref <branch|tag|commit>   what to check out",
    "  --cache-dir <dir>           where clones are kept",
  ].join("\n"),
  rules: "",
  init: "",
  cache: "",
  ledger: "",
};

/** The help for one command (`repro-audit audit --help`), or the whole list without one. */
export function usageOf(command: string | undefined): string {
  if (command === undefined || !Object.hasOwn(OPTIONS, command)) return USAGE;
  const options = OPTIONS[command]!;
  return `Usage:\n${commandLines(command)}${options ? `\n\n${options}` : ""}\n\n${EXIT_CODES}`;
}
