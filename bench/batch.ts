// Batch bench: a static batch of the 10 sample repos (as git repos, audited through file:// URLs as a
// leaderboard's URLs are, and as local folders) with --concurrency 1 and 4: wall times, their ratio, and
// the peak memory of the whole process tree (the batch and its audit processes), sampled from /proc, and the
// CPU seconds the tree used (/usr/bin/time): 4 at once that costs no more CPU than 1, yet gains less than the
// cores allow, waits on the machine (other work on the cores), not on the batch. Rounds alternate 1 and 4.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateRepo } from "./generate-repo.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The installed bin (the bundle): its audit processes start from dist/cli/ too. */
const BIN = join(ROOT, "dist", "cli", "bin.js");
const SAMPLES = [
  "clean-solution",
  "messy-kaggle",
  "broken-branch",
  "env-conda",
  "env-forgotten-import",
  "env-missing-version",
  "env-own-dockerfile",
  "env-pinned-ok",
  "train-cpu",
  "train-keras",
];

/** A real-sized solution (like the corpus's median repo: about 100 .py files and a few notebooks), seeded by `i`. */
function generatedRepo(root: string, i: number): string {
  const dir = join(root, `generated-${i}`);
  generateRepo(dir, 100 + i, 100, 3);
  return commitFolder(dir);
}

function gitRepo(root: string, sample: string): string {
  const dir = join(root, sample);
  cpSync(join(ROOT, "samples", sample, "repo"), dir, { recursive: true });
  return commitFolder(dir);
}

function commitFolder(dir: string): string {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", ...args], {
      cwd: dir,
      stdio: "ignore",
    });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "solution");
  return dir;
}

/** RSS in kB of `pid` and every process below it. */
function treeRssKB(pid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4);
    } catch {
      // gone while read
    }
  }
  let total = 0;
  for (const [p] of rss) {
    for (let q: number | undefined = p; q !== undefined && q > 1; q = parents.get(q)) {
      if (q === pid) {
        total += rss.get(p)!;
        break;
      }
    }
  }
  return total;
}

const ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 3);
/** BENCH_BATCH_PROCESSES=<n> also runs 4 at once on n audit processes (4: one per lane, the default before). */
const PEER_PROCESSES = process.env["BENCH_BATCH_PROCESSES"];
const SHARED = PEER_PROCESSES !== undefined && /^[1-9]\d*$/.test(PEER_PROCESSES);
const SHARED_ENV = { REPRO_AUDIT_BATCH_PROCESSES: PEER_PROCESSES ?? "" };

interface BatchRun {
  seconds: number;
  batchSeconds: number;
  /** User + system CPU seconds of the batch and every process it waited for (audits, git). */
  cpuSeconds: number;
  peakMB: number;
  statuses: string;
  /** The machine's 1-minute load average when the run began: other work on the shared cores. */
  load: number;
}

async function runBatch(
  leaderboard: string,
  concurrency: number,
  work: string,
  env: Record<string, string> = {},
): Promise<BatchRun> {
  const load = loadavg()[0]!;
  const out = mkdtempSync(join(work, `out-c${concurrency}-`));
  const cache = mkdtempSync(join(work, `cache-c${concurrency}-`));
  const t0 = performance.now();
  const child = spawn(
    "/usr/bin/time",
    [
      "-f",
      "cpu %U %S",
      process.execPath,
      BIN,
      "batch",
      leaderboard,
      "--stages",
      "static",
      "--concurrency",
      String(concurrency),
      "--out",
      out,
      "--cache-dir",
      cache,
      "--format",
      "json",
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "1", ...env } },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKB(child.pid!))), 50);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`batch exited ${code}`);
  const report = JSON.parse(stdout) as { rows: Array<{ status: string }>; run: { seconds: number } };
  const rows = report.rows;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN;
  return {
    seconds,
    batchSeconds: report.run.seconds,
    cpuSeconds,
    peakMB: peak / 1024,
    statuses: [...counts].map(([s, n]) => `${n} ${s}`).join(", "),
    load,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The run of median wall time among `runs`. */
function medianRun(runs: BatchRun[]): BatchRun {
  const m = median(runs.map((r) => r.seconds));
  return runs.find((r) => r.seconds === m)!;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "repro-audit-bench-batch-"));
  try {
    const repos = SAMPLES.map((s) => gitRepo(join(work, "repos"), s));
    const generated = SAMPLES.map((_, i) => generatedRepo(join(work, "generated"), i));
    const leaderboard = (name: string, repo: (dir: string) => string, dirs = repos) => {
      const file = join(work, `${name}.yml`);
      writeFileSync(
        file,
        [
          "competition: bench",
          "teams:",
          ...dirs.map((dir, i) => `  - {rank: ${i + 1}, name: team-${i + 1}, entries: 5, repo: "${repo(dir)}"}`),
        ].join("\n") + "\n",
      );
      return file;
    };
    const cases = [
      { what: "file:// URLs (cloned, as a leaderboard's URLs are)", file: leaderboard("urls", (d) => `file://${d}`) },
      { what: "local git folders (no clone)", file: leaderboard("folders", (d) => d) },
      // The samples audit in a fraction of a second, so start-up weighs on them as it does on no real batch.
      {
        what: "10 generated real-sized repos (100 .py files, 3 notebooks each), local git folders",
        file: leaderboard("generated", (d) => d, generated),
      },
    ];
    // BENCH_BATCH_CASES=urls,folders,generated picks cases (default: all three).
    const picked = process.env["BENCH_BATCH_CASES"]?.split(",");
    const keys = ["urls", "folders", "generated"];
    console.log(
      `10 sample repos, --stages static; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} before`,
    );
    for (const [i, c] of cases.entries()) {
      if (picked && !picked.includes(keys[i]!)) continue;
      await runBatch(c.file, 4, work); // warm the file cache and the JIT caches on disk; not counted
      // Each variant: its label, its concurrency, its environment and its runs.
      const variants = [
        { label: "--concurrency 1", concurrency: 1, env: {}, runs: [] as BatchRun[] },
        { label: "--concurrency 4", concurrency: 4, env: {}, runs: [] as BatchRun[] },
        ...(SHARED
          ? [
              {
                label: `--concurrency 4, ${PEER_PROCESSES} processes`,
                concurrency: 4,
                env: SHARED_ENV,
                runs: [] as BatchRun[],
              },
            ]
          : []),
      ];
      // Rotated, so a change in the machine's load falls on every side.
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(round + k) % variants.length]!;
          v.runs.push(await runBatch(c.file, v.concurrency, work, v.env));
        }
      }
      const [one, four, shared] = variants.map((v) => medianRun(v.runs));
      console.log(`\n${c.what} (medians of ${ROUNDS} rounds)`);
      for (const [k, r] of [one!, four!, ...(shared ? [shared] : [])].entries()) {
        const loads = variants[k]!.runs.map((run) => run.load);
        console.log(
          `  ${variants[k]!.label}: ${r.seconds.toFixed(2).padStart(6)} s wall (audits ${r.batchSeconds.toFixed(2)} s of it), ${r.cpuSeconds.toFixed(2)} CPU s, peak ${r.peakMB.toFixed(0)} MB (batch + audit processes); ${r.statuses}; load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} over its runs (noisy: shared cores)`,
        );
      }
      console.log(
        `  speed-up 1 -> 4: ${(one!.seconds / four!.seconds).toFixed(2)}x wall, ${(one!.batchSeconds / four!.batchSeconds).toFixed(2)}x audits (aim >= 1.7x on 2 cores)`,
      );
      if (shared)
        console.log(
          `  speed-up 1 -> 4 on ${PEER_PROCESSES} processes: ${(one!.seconds / shared.seconds).toFixed(2)}x wall, ${(one!.batchSeconds / shared.batchSeconds).toFixed(2)}x audits`,
        );
      console.log(
        `  CPU 4 / 1: ${(four!.cpuSeconds / one!.cpuSeconds).toFixed(2)}x (above 1: work that 4 at once adds); cores busy at 4: ${(four!.cpuSeconds / four!.seconds).toFixed(2)} of ${availableParallelism()}, load average ${loadavg()[0]!.toFixed(2)}`,
      );
    }
    console.log(`\nload average ${loadavg()[0]!.toFixed(2)} after (other processes slow both sides)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) await main();
