// `npm run bench:real -- <folder of checkouts> [--json FILE] [--repo NAME]... [--no-fawltydeps] [--verbose]
// [--sample N]`: audit every checkout (<owner>+<name>) in the folder with `--stages static`, time
// FawltyDeps beside it, and print per repo and rule the findings and their agreement with the hand labels
// in bench/real/labels/, then the figures beside their goals.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { auditRepo } from "./audit-repo.js";
import { grepFile, grepped, uncoveredHits, type GrepHit } from "./grep-floor.js";
import { ensureFawltyDeps, timeFawltyDeps, FAWLTYDEPS_VERSION } from "./fawltydeps.js";
import { fawltyFloor } from "./fawlty-floor.js";
import { repoFigures, summarize, GOALS, type RepoFigures } from "./figures.js";
import { readAllLabels } from "./labels.js";
import { renderRepos, renderSummary } from "./table.js";
import { pickForReading, renderStubs } from "./sample.js";
import { TOOL_VERSION } from "../../src/io/package.js";

interface Args {
  folder: string;
  json: string | null;
  repos: string[];
  fawltydeps: boolean;
  verbose: boolean;
  sample: number | null;
}

const USAGE =
  "usage: npm run bench:real -- <folder of checkouts> [--json FILE] [--repo OWNER+NAME]... [--no-fawltydeps] [--verbose] [--sample N]";

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: "", json: null, repos: [], fawltydeps: true, verbose: false, sample: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v!;
    };
    if (a === "--json") args.json = value();
    else if (a === "--repo") args.repos.push(value());
    else if (a === "--no-fawltydeps") args.fawltydeps = false;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--sample") args.sample = Number(value());
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else if (args.folder) fail(`one folder only (got ${args.folder} and ${a})`);
    else args.folder = a;
  }
  if (!args.folder) fail("name the folder that holds the checkouts");
  if (args.sample !== null && !(Number.isInteger(args.sample) && args.sample > 0))
    fail("--sample needs a positive whole number");
  return args;
}

function fail(why: string): never {
  console.error(`bench:real: ${why}\n${USAGE}`);
  process.exit(2);
}

/** Checkouts in the folder: sub-folders named <owner>+<name> holding a git repo or plain files. */
function findCheckouts(folder: string): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${folder} is not a folder`);
  return readdirSync(folder)
    .filter((n) => n.includes("+") && statSync(join(folder, n)).isDirectory())
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/** The grep floor's hits over a checkout's code, scripts and configs (no .git, no file over 1 MB). */
function grepCheckout(root: string): GrepHit[] {
  const hits: GrepHit[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== ".git") walk(path);
      else if (entry.isFile() && grepped(path) && statSync(join(root, path)).size <= 1_000_000)
        hits.push(...grepFile(path, readFileSync(join(root, path), "utf8")));
    }
  };
  walk("");
  return hits;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const folder = resolve(args.folder);
  let names = findCheckouts(folder);
  if (args.repos.length > 0) names = names.filter((n) => args.repos.includes(n));
  if (names.length === 0) fail(`no checkouts named <owner>+<name> in ${folder}`);
  const labels = readAllLabels();

  if (args.sample !== null) {
    for (const name of names) {
      const run = auditRepo(join(folder, name), labels.get(name)?.snapshot?.disable ?? []);
      console.log(
        `# ${name} @ ${run.commit}: ${run.findings.length} findings\nfindings:\n${renderStubs(join(folder, name), pickForReading(run.findings, args.sample))}\n`,
      );
    }
    return;
  }

  const fd = args.fawltydeps ? ensureFawltyDeps((l) => console.error(l)) : null;
  if (fd && "error" in fd) console.error(`fawltydeps not timed: ${fd.error}`);
  const repos: RepoFigures[] = [];
  for (const [i, name] of names.entries()) {
    const repo = join(folder, name);
    process.stderr.write(`auditing ${name} ...\n`);
    const label = labels.get(name);
    // Interleaved, each first on every other repo: neither is always timed on the warmer page cache.
    const timeFawlty = () => (fd && "bin" in fd ? timeFawltyDeps(fd.bin, repo) : null);
    const fawltyFirst = i % 2 === 1 ? timeFawlty() : undefined;
    const run = auditRepo(repo, label?.snapshot?.disable ?? []);
    const fawlty = fawltyFirst === undefined ? timeFawlty() : fawltyFirst;
    if (label && run.commit && label.commit !== run.commit)
      console.error(`note: ${name} is at ${run.commit}, its labels were written at ${label.commit}`);
    const hits = grepCheckout(repo);
    const floor = fawlty?.names
      ? {
          fawltyFloor: { reported: fawlty.names.length, unnamed: fawltyFloor(fawlty.names, run.findings, run.imports) },
        }
      : {};
    repos.push({
      ...repoFigures({ name, ...run }, fawlty, label),
      grepFloor: { hits: hits.length, uncovered: uncoveredHits(hits, run.findings) },
      ...floor,
    });
  }
  for (const name of names) {
    const snapshot = labels.get(name)?.snapshot;
    if (snapshot) console.log(`note: ${name} audited with ${snapshot.disable.join(", ")} disabled: ${snapshot.why}`);
  }
  const summary = summarize(repos);
  console.log(
    `repro-audit ${TOOL_VERSION} --stages static on ${repos.length} checkouts in ${folder}; FawltyDeps ${fd && "bin" in fd ? FAWLTYDEPS_VERSION : "not timed"}`,
  );
  console.log(
    "(findings after grouping; precision: labelled error/warning findings judged correct, of those read that still match; recall: hand-found defects the audit reports)\n",
  );
  console.log(renderRepos(repos, args.verbose));
  console.log("");
  console.log(renderSummary(summary));
  const unlabelled = names.filter((n) => !labels.has(n));
  if (unlabelled.length > 0) console.log(`\nnot labelled: ${unlabelled.join(", ")}`);
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          tool: TOOL_VERSION,
          generatedAt: new Date().toISOString(),
          fawltydeps: FAWLTYDEPS_VERSION,
          goals: GOALS,
          summary,
          repos,
        },
        null,
        1,
      ) + "\n",
    );
    console.log(`\nfigures written to ${args.json}`);
  }
}

main();
