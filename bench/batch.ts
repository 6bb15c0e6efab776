// Batch bench: a static batch of the 10 sample repos (as git repos, audited through file:// URLs as a
// leaderboard's URLs are, and as local folders) with --concurrency 1 and 4: wall times, their ratio, and
// the peak memory of the whole process tree (the batch and its audit processes), sampled from /proc, and the
// CPU seconds the tree used (/usr/bin/time), split by process from /proc (the batch's, its audit processes' main
// and other threads, git and the rest): 4 at once that costs no more CPU than 1, yet gains less than the
// cores allow, waits on the machine (other work on the cores), not on the batch. Rounds alternate 1 and 4.
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** A real-sized solution, seeded by `i`: 100 modules of 15-30 KB, 50 small package files, 6 notebooks of 120-240 KB
 * (3.6-3.9 MB of Python, under the index's thread-pool threshold of 200 files as the corpus's median repo is) and
 * two branches beside main, so that a static audit of one takes about 2 CPU-s, as a median corpus repo's
 * whole process does (2-12 s at the loads measured), not the 0.25 s of the 100 small modules before. */
function generatedRepo(root: string, i: number): string {
  const dir = join(root, `generated-${i}`);
  generateRepo(dir, 100 + i, 150, 6, { module: [15_000, 30_000], notebook: [120_000, 240_000] });
  commitFolder(dir);
  for (const [b, branch] of ["experiment-large-images", "experiment-pseudo-labels"].entries()) {
    git(dir, "checkout", "-qb", branch);
    for (let k = 0; k < 3; k++)
      appendFileSync(
        join(dir, `pkg${k}`, `mod${k + 50 * b}.py`),
        `\n\ndef ${branch.replace(/-/g, "_")}_${k}(x):\n    return x\n`,
      );
    git(dir, "commit", "-qam", branch);
    git(dir, "checkout", "-q", "main");
  }
  return dir;
}

function gitRepo(root: string, sample: string): string {
  const dir = join(root, sample);
  cpSync(join(ROOT, "samples", sample, "repo"), dir, { recursive: true });
  return commitFolder(dir);
}

function git(dir: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", ...args], {
    cwd: dir,
    stdio: "ignore",
  });
}

function commitFolder(dir: string): string {
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "solution");
  return dir;
}

/** CPU seconds of one process as last sampled: its main thread, and its other threads (V8's compile and GC
 * helpers, libuv's pool, the Python index's helper threads). */
interface ProcessCpu {
  role: "batch" | "audit" | "other";
  main: number;
  others: number;
}

const TICK = 100; // clock ticks per second in /proc's stat files (CLK_TCK on Linux)

/** One /proc/<pid>/stat (or task stat): its parent, RSS in kB and user + system CPU seconds. */
function readStat(path: string): { ppid: number; rssKB: number; cpu: number } | null {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      rssKB: Number(fields[21]) * 4,
      cpu: (Number(fields[11]) + Number(fields[12])) / TICK,
    };
  } catch {
    return null; // gone while read
  }
}

/** What a process below `/usr/bin/time` is: the batch (its one child), one of the batch's audit processes (a
 * child of the batch running the audit entry; a command forked from one has its command line until it execs,
 * but is a grandchild), or anything else (git). */
function roleOf(pid: number, parents: Map<number, number>, time: number): ProcessCpu["role"] {
  const parent = parents.get(pid);
  if (parent === time) return "batch";
  if (parent === undefined || parents.get(parent) !== time) return "other";
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("audit-child-main") ? "audit" : "other";
  } catch {
    return "other"; // gone
  }
}

/** RSS in kB of `pid` and every process below it; records each one's CPU seconds in `cpu` as it goes. */
function sampleTree(pid: number, cpu: Map<number, ProcessCpu>): number {
  const parents = new Map<number, number>();
  const stats = new Map<number, { rssKB: number; cpu: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(`/proc/${entry}/stat`);
    if (!stat) continue;
    parents.set(Number(entry), stat.ppid);
    stats.set(Number(entry), stat);
  }
  let total = 0;
  for (const [p, stat] of stats) {
    for (let q: number | undefined = p; q !== undefined && q > 1; q = parents.get(q)) {
      if (q !== pid) continue;
      total += stat.rssKB;
      if (p !== pid) {
        // Read until known: a process the batch forks runs the audit entry only once it execs, and an exiting
        // one has no command line left.
        const known = cpu.get(p) ?? { role: "other", main: 0, others: 0 };
        const role = known.role === "other" ? roleOf(p, parents, pid) : known.role;
        const main = readStat(`/proc/${p}/task/${p}/stat`)?.cpu ?? known.main;
        cpu.set(p, { role, main, others: Math.max(known.others, stat.cpu - main) });
      }
      break;
    }
  }
  return total;
}

/** CPU seconds by role over a run's processes, as last sampled (a process's last 50 ms, and processes that
 * lived less than that, such as most git commands, fall to "other" by difference with the whole tree's). */
function cpuByRole(cpu: Map<number, ProcessCpu>, tree: number) {
  const sum = (role: ProcessCpu["role"], part: "main" | "others") =>
    [...cpu.values()].filter((c) => c.role === role).reduce((a, c) => a + c[part], 0);
  const batch = sum("batch", "main") + sum("batch", "others");
  const auditMain = sum("audit", "main");
  const auditOthers = sum("audit", "others");
  const processes = [...cpu.values()].filter((c) => c.role === "audit").length;
  return { batch, auditMain, auditOthers, processes, rest: Math.max(0, tree - batch - auditMain - auditOthers) };
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
  /** The tree's CPU seconds by process (see cpuByRole). */
  cpu: ReturnType<typeof cpuByRole>;
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
  const perProcess = new Map<number, ProcessCpu>();
  const sampler = setInterval(() => (peak = Math.max(peak, sampleTree(child.pid!, perProcess))), 50);
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
    cpu: cpuByRole(perProcess, cpuSeconds),
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
        what: "10 generated real-sized repos (150 .py files, 6 notebooks, 2 branches each; about 2 CPU-s an audit), local git folders",
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
      const cpuRatio = four!.cpuSeconds / one!.cpuSeconds;
      console.log(
        `  CPU 4 / 1: ${cpuRatio.toFixed(2)}x (above 1: work that 4 at once adds); cores busy at 1: ${(one!.cpuSeconds / one!.seconds).toFixed(2)}, at 4: ${(four!.cpuSeconds / four!.seconds).toFixed(2)} of ${availableParallelism()}, load average ${loadavg()[0]!.toFixed(2)}; on free cores 4 / 1 could reach at most ${(Math.min(4, availableParallelism()) / cpuRatio).toFixed(2)}x`,
      );
      for (const [k, r] of [one!, four!, ...(shared ? [shared] : [])].entries())
        console.log(
          `  CPU-s at ${variants[k]!.label}: ${r.cpuSeconds.toFixed(2)} = batch process ${r.cpu.batch.toFixed(2)} + ${r.cpu.processes} audit process(es) ${r.cpu.auditMain.toFixed(2)} on their main threads and ${r.cpu.auditOthers.toFixed(2)} on their other threads (V8's compiler and GC, the index's helpers) + git and the rest ${r.cpu.rest.toFixed(2)}`,
        );
    }
    console.log(`\nload average ${loadavg()[0]!.toFixed(2)} after (other processes slow both sides)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) await main();
