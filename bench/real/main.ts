// `npm run bench:real -- <folder of checkouts> [--json FILE] [--repo NAME]... [--no-fawltydeps] [--verbose]
// [--sample N] [--peer CLI]`: audit every checkout (<owner>+<name>; a folder holding a bare clone in repo/ is
// audited as a clone of it) in the folder with `--stages static`, time FawltyDeps (and another build's bin) beside
// it, and print per repo and rule the findings and their agreement with the hand labels in bench/real/labels/,
// then the figures beside their goals and the load average.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
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
import { bareCloneOf, cloneOf } from "./mirrors.js";
import { median } from "./stats.js";

interface Args {
  folder: string;
  json: string | null;
  repos: string[];
  fawltydeps: boolean;
  verbose: boolean;
  sample: number | null;
  /** Another build's bin, timed on each repo beside this one and FawltyDeps (its ratio printed, nothing else). */
  peer: string | null;
}

const USAGE =
  "usage: npm run bench:real -- <folder of checkouts> [--json FILE] [--repo OWNER+NAME]... [--no-fawltydeps] [--verbose] [--sample N] [--peer CLI]";

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: "", json: null, repos: [], fawltydeps: true, verbose: false, sample: null, peer: null };
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
    else if (a === "--peer") args.peer = resolve(value());
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else if (args.folder) fail(`one folder only (got ${args.folder} and ${a})`);
    else args.folder = a;
  }
  if (!args.folder) fail("name the folder that holds the checkouts");
  if (args.sample !== null && !(Number.isInteger(args.sample) && args.sample > 0))
    fail("--sample needs a positive whole number");
  if (args.peer !== null && !existsSync(args.peer)) fail(`--peer ${args.peer}: no such file`);
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
  const peerRatios: number[] = [];
  const loads: number[] = [loadavg()[0]!];
  for (const [i, name] of names.entries()) {
    // A mirror holding a bare clone is audited as a clone of it, made here and removed after (not timed).
    const bare = bareCloneOf(join(folder, name));
    const repo = bare ? cloneOf(bare) : join(folder, name);
    try {
      process.stderr.write(`auditing ${name} ...\n`);
      const label = labels.get(name);
      // Interleaved, the order turned on every repo: none is always timed on the warmer page cache.
      const timeFawlty = () => (fd && "bin" in fd ? timeFawltyDeps(fd.bin, repo) : null);
      const disable = label?.snapshot?.disable ?? [];
      let run: ReturnType<typeof auditRepo> | null = null;
      let fawlty: ReturnType<typeof timeFawlty> = null;
      let peerSeconds: number | null = null;
      const steps: Array<() => void> = [
        () => void (fawlty = timeFawlty()),
        () => void (run = auditRepo(repo, disable)),
        ...(args.peer ? [() => void (peerSeconds = auditRepo(repo, disable, 900, args.peer!).seconds)] : []),
      ];
      for (let k = 0; k < steps.length; k++) steps[(i + k) % steps.length]!();
      loads.push(loadavg()[0]!);
      const done = run as ReturnType<typeof auditRepo> | null;
      const timedFawlty = fawlty as ReturnType<typeof timeFawlty>;
      if (!done) continue;
      if (peerSeconds !== null && timedFawlty && !timedFawlty.error && timedFawlty.seconds > 0)
        peerRatios.push(peerSeconds / timedFawlty.seconds);
      if (peerSeconds !== null)
        process.stderr.write(
          `  ${name}: this ${done.seconds.toFixed(2)} s, peer ${(peerSeconds as number).toFixed(2)} s, fawltydeps ${timedFawlty?.seconds.toFixed(2) ?? "-"} s\n`,
        );
      if (label && done.commit && label.commit !== done.commit)
        console.error(`note: ${name} is at ${done.commit}, its labels were written at ${label.commit}`);
      const hits = grepCheckout(repo);
      const floor = timedFawlty?.names
        ? {
            fawltyFloor: {
              reported: timedFawlty.names.length,
              unnamed: fawltyFloor(timedFawlty.names, done.findings, done.imports),
            },
          }
        : {};
      repos.push({
        ...repoFigures({ name, ...done }, timedFawlty, label),
        grepFloor: { hits: hits.length, uncovered: uncoveredHits(hits, done.findings) },
        ...floor,
      });
    } finally {
      if (bare) rmSync(repo, { recursive: true, force: true });
    }
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
  console.log(
    `load average (1 min) ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} over the run, on ${availableParallelism()} cores`,
  );
  if (args.peer) {
    const peer = median(peerRatios);
    console.log(
      `peer ${args.peer}: audit time / FawltyDeps time, median ${peer === null ? "-" : `${peer.toFixed(2)}x`} over ${peerRatios.length} repos (this build ${summary.timeRatioMedian === null ? "-" : `${summary.timeRatioMedian.toFixed(2)}x`}), same run, interleaved`,
    );
  }
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
