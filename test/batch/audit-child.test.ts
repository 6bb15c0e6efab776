// A batch's audit processes as users meet them (the bin, real git repos made by the test, real processes): no
// more of them than cores, each serving many audits in turn, spare lanes cloning ahead; one killed or stuck on
// its repo costs that repo alone and is replaced; Ctrl-C leaves no process, temp folder or lock behind.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/model/batch-report.js";
import { BIN } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { silentGitServer, writeLeaderboard } from "../support/leaderboard.js";
import { until } from "../support/processes.js";

const server = await silentGitServer();
const made: string[] = [];
/** Batches a test started: a failing test must not leave one running. */
const spawned: number[] = [];
afterAll(async () => {
  for (const pid of spawned) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // ended
    }
  }
  await server.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SAMPLES = ["clean-solution", "messy-kaggle", "broken-branch", "env-pinned-ok", "env-conda", "train-cpu"];
const repos = SAMPLES.map((name) => {
  const repo = makeSampleRepo(name);
  made.push(repo);
  return repo;
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processes(): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields[0] === "Z") continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      all.push({ pid: Number(entry), ppid: Number(fields[1]), cmdline });
    } catch {
      // ended while read
    }
  }
  return all;
}

/** The batch's audit processes now: its children that run the audit process's entry. */
const auditProcesses = (batch: number) =>
  processes()
    .filter((p) => p.ppid === batch && p.cmdline.includes("audit-child-main"))
    .map((p) => p.pid);

/** Runs the bin's batch with TMPDIR of its own, watching its audit processes every 20 ms while it runs. */
function watchedBatch(args: string[], tmp: string) {
  const child = spawn(process.execPath, [BIN, "batch", ...args], {
    env: { ...process.env, NO_COLOR: "1", CI: "1", TMPDIR: tmp },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child.pid!);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const seen = new Set<number>();
  /** Command lines of the git commands the batch process ran itself (not its audit processes). */
  const ownGit = new Set<string>();
  let most = 0;
  const watch = setInterval(() => {
    for (const p of processes()) if (p.ppid === child.pid && p.cmdline.includes("git ")) ownGit.add(p.cmdline);
    const now = auditProcesses(child.pid!);
    for (const pid of now) seen.add(pid);
    most = Math.max(most, now.length);
  }, 20);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      clearInterval(watch);
      resolve(code);
    }),
  );
  return { child, exited, seen, ownGit, most: () => most, stderr: () => stderr };
}

const readReport = (out: string) => JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as BatchReport;
/** What the audits left in their TMPDIR: nothing, when each removed its own folders. */
const leftIn = (tmp: string) => readdirSync(tmp);
const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

describe("the batch's audit processes", () => {
  it("are never more than the cores, each serving many audits in turn, each audit with its own temp folder", async () => {
    const dir = tempDir("batch-workers-");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    // Half through file:// URLs: each such audit writes its commit's files into a temp folder of its own.
    const file = writeLeaderboard(
      dir,
      repos.map((repo, i) => ({ name: SAMPLES[i]!, repo: i % 2 ? `file://${repo}` : repo })),
    );
    const out = join(dir, "out");
    const batch = watchedBatch(
      [file, "--stages", "static", "--concurrency", "4", "--out", out, "--cache-dir", join(dir, "cache")],
      tmp,
    );
    expect(await batch.exited, batch.stderr()).toBe(0);
    const cores = availableParallelism();
    expect(readReport(out).rows.map((r) => [r.name, r.status])).toEqual(SAMPLES.map((n) => [n, "audited"]));
    expect(batch.most()).toBeGreaterThan(0);
    expect(batch.most()).toBeLessThanOrEqual(cores);
    // No process was replaced: as many as ran at once, fewer than the audits, so each served several.
    expect(batch.seen.size).toBeLessThanOrEqual(Math.min(cores, SAMPLES.length - 1));
    expect(leftIn(tmp)).toEqual([]);
  });

  it("costs only its repo when killed during an audit: the row says failed, a new process takes the rest", async () => {
    const dir = tempDir("batch-killed-");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    const file = writeLeaderboard(dir, [
      { name: "Clean", repo: repos[0]! },
      { name: "Killed", repo: server.url },
      { name: "Messy", repo: `file://${repos[1]!}` },
      { name: "Broken branch", repo: repos[2]! },
    ]);
    const out = join(dir, "out");
    // A per-audit limit far beyond the test: only the kill may end the stuck audit.
    const batch = watchedBatch(
      [
        file,
        "--stages",
        "static",
        "--concurrency",
        "1",
        "--timeout",
        "3600",
        "--out",
        out,
        "--cache-dir",
        join(dir, "cache"),
      ],
      tmp,
    );
    // The audit process whose git waits on the silent server: killed as the kernel's OOM killer would.
    let victim = 0;
    await until(() => {
      const port = new URL(server.url).port;
      const git = processes().find((p) => p.cmdline.includes(`127.0.0.1:${port}`) && p.cmdline.includes("clone"));
      if (!git) return false;
      victim = auditProcesses(batch.child.pid!)[0] ?? 0;
      return victim > 0;
    }, "the audit of the silent repo");
    process.kill(victim, "SIGKILL");
    expect(await batch.exited, batch.stderr()).toBe(0);
    const rows = readReport(out).rows;
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "audited"],
      ["Killed", "failed"],
      ["Messy", "audited"],
      ["Broken branch", "audited"],
    ]);
    expect(rows[1]!.reason).toMatch(/^the audit process ended \(SIGKILL\) without a report/);
    // The killed process and the one that replaced it, one at a time.
    expect(batch.seen.size).toBe(2);
    expect(batch.most()).toBe(1);
    expect(leftIn(tmp)).toEqual([]);
  });

  it("clones ahead on the lanes beyond the cores, and replaces a process stuck past --timeout", async () => {
    const dir = tempDir("batch-stuck-");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    // Third of five: the two audit lanes take the first two, a spare lane starts the stuck clone meanwhile.
    const teams = repos.slice(0, 4).map((repo, i) => ({ name: SAMPLES[i]!, repo }));
    const file = writeLeaderboard(dir, [...teams.slice(0, 2), { name: "Stuck", repo: server.url }, ...teams.slice(2)]);
    const out = join(dir, "out");
    // A limit the real audits keep even on a loaded machine; the silent clone never does.
    const batch = watchedBatch(
      [
        file,
        "--stages",
        "static",
        "--concurrency",
        "4",
        "--timeout",
        "10",
        "--out",
        out,
        "--cache-dir",
        join(dir, "cache"),
      ],
      tmp,
    );
    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(readReport(out).rows.map((r) => [r.name, r.status])).toEqual([
      ...SAMPLES.slice(0, 2).map((n) => [n, "audited"]),
      ["Stuck", "timeout"],
      ...SAMPLES.slice(2, 4).map((n) => [n, "audited"]),
    ]);
    expect(batch.most()).toBeLessThanOrEqual(availableParallelism());
    // The batch process itself cloned the stuck URL ahead of its audit (the local folders need no clone).
    expect([...batch.ownGit].filter((c) => c.includes(" clone ") && c.includes(server.url))).toHaveLength(1);
    expect(leftIn(tmp)).toEqual([]);
  });

  it("leaves no audit process, temp folder or clone lock behind on Ctrl-C", async () => {
    const dir = tempDir("batch-sigint-");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    const file = writeLeaderboard(dir, [
      { name: "Silent", repo: server.url },
      ...repos.map((repo, i) => ({ name: SAMPLES[i]!, repo: `file://${repo}` })),
    ]);
    const out = join(dir, "out");
    const cache = join(dir, "cache");
    const batch = watchedBatch(
      [file, "--stages", "static", "--concurrency", "4", "--out", out, "--cache-dir", cache],
      tmp,
    );
    // Stopped while the silent clone holds its lock and other audits run.
    await until(() => batch.seen.size > 0 && batch.stderr().includes("1/7"), "the first finished audit");
    batch.child.kill("SIGINT");
    expect(await batch.exited).toBe(130);
    for (const pid of batch.seen) await until(() => !alive(pid), `audit process ${pid} to end`);
    const report = readReport(out);
    expect(report.run.interrupted).toBe(true);
    expect(report.rows.find((r) => r.name === "Silent")!.status).toBe("interrupted");
    expect(leftIn(tmp)).toEqual([]);
    const locks = existsSync(cache)
      ? readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".lock"))
      : [];
    expect(locks).toEqual([]);
  });
});
