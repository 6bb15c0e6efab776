// The words of --help: the commands, then the audit's options (its tunables' lines come from config/tunables.ts).
import { specOf, TUNABLE_NAMES } from "../config/tunables.js";

/** One "  --flag <arg>   help" line per tunable that has a flag, in the table's order. */
function tunableUsage(): string {
  return TUNABLE_NAMES.map((name) => specOf(name))
    .filter((spec) => spec.flag)
    .map((spec) => `  ${`${spec.flag} ${spec.arg ?? ""}`.padEnd(28)}${spec.help}`)
    .join("\n");
}

export const USAGE = `Usage:
  repro-audit audit <repo-url|path> [options]   audit a solution repo and print its report
  repro-audit report <report.json> [options]    render a saved JSON report again (text, md, sarif, json)
  repro-audit judge <facts.json> [--config F]   judge saved facts again (audit --facts FILE), without the repo
  repro-audit batch <leaderboard.yml> [options] audit a leaderboard's top solutions; the competition's footprint
  repro-audit merge <batch.json...> [--out DIR] join the reports of a batch's shards
  repro-audit requirements <repo> [--out F]     print a requirements.txt of what the repo's code imports
  repro-audit rules list [--format text|json]   list the rules
  repro-audit rules explain <id>                a rule's reason, fix and score arithmetic
  repro-audit rules facts                       the fact families rules can judge
  repro-audit rules docs <folder>               write one Markdown page per rule (docs/rules)
  repro-audit init [folder] [--force|--stdout]  write a commented .repro-audit.yml (or print it)
  repro-audit cache clean [--cache-dir <dir>]   remove cached clones and build folders
  repro-audit ledger [--format text|json]       the footprint of this machine's instrumented runs
  repro-audit --version                         print the version
  repro-audit --help                            print this help

Audit options:
  --ref <branch|tag|commit>   what to check out (default: the default branch / the tree as it stands)
  --format text|json|md|sarif report format (default text)
  --out <file>                write the report there
  --config <file>             your .repro-audit.yml, on top of the repo's own (which may only describe the training)
  --trust-repo                the repo is your own: its config and inline ignore comments count
  --baseline <report.json>    findings already in that saved report do not count toward --fail-under or --max-warnings
  --quiet                     errors only
  --explain-score             add the score's arithmetic to the report
  --facts <file>              also save the facts, to judge them again later (repro-audit judge)
  --cache-dir <dir>           where clones are kept
  --debug                     show stack traces
${tunableUsage()}

Report options: --format, --out, --baseline, --quiet, --explain-score, --fail-under, --max-warnings (as above).

Batch options (and the audit options above, but --ref, --train, --epochs, --data and --fail-under, for every audit):
  --top <n>                   the n best-ranked teams the file lists (default 10)
  --concurrency <n>           audits at once (default 2)
  --timeout <seconds>         limit of each audit (default 7200)
  --out <dir>                 reports and cached audits (default repro-audit-batch)
  --resume                    reuse finished audits of the same repo and commit
  --shard <i/n>               audit every n-th team from the i-th (1-based); merge the shards' batch.json
  --format text|json|md|html  what is printed (batch.json, batch.md, batch.html, emissions.csv and charts/ are written to --out)

Exit codes: 0 ok, 1 score below --fail-under or more warnings than --max-warnings, 2 bad input, 3 engine or internal failure, 130 interrupted.`;
