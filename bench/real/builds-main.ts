// `npm run bench:builds -- [folder of mirrors] [--repo OWNER+NAME]... [--cap-minutes N] [--base-image IMAGE]...
// [--json FILE] [--keep DIR]`: audit each mirror with `--stages static,build` (the built CLI, one process per repo, no
// training) under a per-repo time cap, classify what the build came to and whose failure it is, print one row
// per repo and the counts; the outcomes go to the JSON file after each repo, so a stopped run keeps them.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PACKAGE_ROOT } from "../../src/io/package.js";
import { buildTotals, classifyBuild, renderBuilds, type BuildOutcome, type BuildRun } from "./builds.js";
import { bareCloneOf, checkoutOf, listMirrors } from "./mirrors.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const USAGE =
  "usage: npm run bench:builds -- [folder of mirrors] [--repo OWNER+NAME]... [--cap-minutes N] [--base-image IMAGE]... [--json FILE] [--keep DIR]";

interface Args {
  folder: string;
  repos: string[];
  capMinutes: number;
  /** The local bases passed on to the audit (each labelled with its Python, the audit picks the spec's). */
  baseImages: string[];
  json: string;
  /** Where each repo's report and facts are kept (<name>.report.json, <name>.facts.json), when given. */
  keep: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    folder: "",
    repos: [],
    capMinutes: 15,
    baseImages: [],
    json: join(PACKAGE_ROOT, "bench", "real", "builds.json"),
    keep: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === "--repo") args.repos.push(value());
    else if (a === "--cap-minutes") args.capMinutes = Number(value());
    else if (a === "--base-image") args.baseImages.push(value());
    else if (a === "--json") args.json = resolve(value());
    else if (a === "--keep") args.keep = resolve(value());
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else args.folder = a;
  }
  if (!(args.capMinutes > 0)) fail("--cap-minutes needs a positive number of minutes, e.g. --cap-minutes 15");
  return args;
}

function fail(why: string): never {
  console.error(`bench:builds: ${why}\n${USAGE}`);
  process.exit(2);
}

/** Run the CLI, interrupted (it then removes its containers) when it passes the cap, killed 60 s later. */
function runCapped(argv: string[], capMs: number): Promise<{ code: number | null; timedOut: boolean; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...argv], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-20_000)));
    const cap = setTimeout(() => {
      timedOut = true;
      child.kill("SIGINT");
      setTimeout(() => child.kill("SIGKILL"), 60_000).unref();
    }, capMs);
    child.on("close", (code) => {
      clearTimeout(cap);
      done({ code, timedOut, stderr });
    });
  });
}

/** The Python (major.minor) of the image the bench names as the base, asked once; null when it cannot say. */
function pythonOf(image: string): string | null {
  const run = spawnSync(
    "docker",
    [
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "python3",
      image,
      "-c",
      "import sys; print('%d.%d' % sys.version_info[:2])",
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  return /^\d+\.\d+$/.test(run.stdout.trim()) ? run.stdout.trim() : null;
}

/** Audit one tree with the build stage; the report and facts it wrote, or why there are none. */
async function auditBuild(name: string, tree: string, args: Args, basePython: string | null): Promise<BuildRun> {
  const dir = mkdtempSync(join(tmpdir(), "repro-audit-bench-builds-"));
  const started = performance.now();
  try {
    const out = join(dir, "report.json");
    const factsFile = join(dir, "facts.json");
    const capSeconds = Math.round(args.capMinutes * 60);
    const run = await runCapped(
      [
        "audit",
        tree,
        "--stages",
        "static,build",
        "--format",
        "json",
        "--out",
        out,
        "--facts",
        factsFile,
        // The build's own limit falls inside the cap, so a slow build still writes its report.
        "--build-timeout",
        String(Math.max(60, capSeconds - 120)),
        ...args.baseImages.flatMap((image) => ["--base-image", image]),
      ],
      capSeconds * 1000,
    );
    const seconds = (performance.now() - started) / 1000;
    const base = basePython ? { basePython } : {};
    if (run.timedOut) return { name, timedOutAfterMinutes: args.capMinutes, seconds, ...base };
    if (args.keep) {
      mkdirSync(args.keep, { recursive: true });
      if (existsSync(out)) copyFileSync(out, join(args.keep, `${name}.report.json`));
      if (existsSync(factsFile)) copyFileSync(factsFile, join(args.keep, `${name}.facts.json`));
    }
    if (!existsSync(out) || !existsSync(factsFile)) {
      const last = run.stderr.trim().split("\n").pop() ?? "";
      return { name, error: `repro-audit exited ${run.code}: ${last}`, seconds, ...base };
    }
    return {
      name,
      report: JSON.parse(readFileSync(out, "utf8")) as BuildRun["report"],
      facts: (JSON.parse(readFileSync(factsFile, "utf8")) as { facts: BuildRun["facts"] }).facts,
      seconds,
      ...base,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const folder = args.folder ? resolve(args.folder) : "";
  const mirrors = listMirrors(folder, args.repos);
  if (mirrors.length === 0) {
    console.log(
      `bench:builds: no mirrors (<owner>+<name> folders) ${folder ? `in ${folder}` : "named"}: nothing to build, skipped`,
    );
    return;
  }
  // One named base brings its own Python: a spec stating another is installed on it all the same. With several,
  // the audit picks by their labels and its report says whose Python stood in.
  const basePython = args.baseImages.length === 1 ? pythonOf(args.baseImages[0]!) : null;
  const load = () => loadavg().map((l) => l.toFixed(1));
  const startedAt = new Date().toISOString();
  const loadAtStart = load();
  const outcomes: BuildOutcome[] = [];
  for (const name of mirrors) {
    process.stderr.write(`building ${name} ...\n`);
    const bare = bareCloneOf(join(folder, name));
    let outcome: BuildOutcome;
    try {
      // A mirror's clone is audited as HEAD's files in a one-commit repo dated as HEAD (the lock's date).
      const tree = bare
        ? checkoutOf(bare, { prefix: "repro-audit-bench-builds-tree-", commit: true })
        : join(folder, name);
      try {
        outcome = classifyBuild(await auditBuild(name, tree, args, basePython));
      } finally {
        if (bare) rmSync(tree, { recursive: true, force: true });
      }
    } catch (error) {
      // A repo that breaks the bench is a row of its own; the batch goes on.
      outcome = classifyBuild({ name, error: (error as Error).message });
    }
    outcomes.push(outcome);
    console.log(renderBuilds([outcome]).split("\n\n")[0]);
    mkdirSync(join(args.json, ".."), { recursive: true });
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          startedAt,
          capMinutes: args.capMinutes,
          baseImages: args.baseImages,
          basePython,
          loadAverage: { atStart: loadAtStart, atEnd: load() },
          totals: buildTotals(outcomes),
          outcomes,
        },
        null,
        2,
      ) + "\n",
    );
  }
  console.log(`\n${renderBuilds(outcomes).split("\n\n").pop()}`);
  console.log(`load average at start ${loadAtStart.join(", ")}, at end ${load().join(", ")}; outcomes in ${args.json}`);
}

await main();
