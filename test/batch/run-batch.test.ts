// Batches as users run them (the bin, real git repos made from the samples, real audit processes): a
// failing repo in the middle, a timeout, Ctrl-C, resume after a kill, one repo at two refs at once.
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/model/batch-report.js";
import { BIN, runCli } from "../support/cli.js";
import { makeSampleRepo, sampleDir } from "../support/sample-repo.js";
import { silentGitServer, writeLeaderboard } from "../support/leaderboard.js";
import { parseWithPython } from "../support/python-csv.js";
import { EMISSIONS_CSV_COLUMNS } from "../../src/carbon/emissions-csv.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const readReport = (out: string) => JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as BatchReport;
const cachedFiles = (out: string) =>
  existsSync(join(out, "audits")) ? readdirSync(join(out, "audits")).filter((f) => f.endsWith(".json")) : [];
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();

const server = await silentGitServer();
/** Two audit processes for four lanes, whatever the machine's cores: audits then share a process. */
const SHARED = { REPRO_AUDIT_BATCH_PROCESSES: "2" };
afterAll(() => server.close());

function spawnBatch(args: string[], cwd?: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, "batch", ...args], {
    env: { ...process.env, NO_COLOR: "1", CI: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(cwd ? { cwd } : {}),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function until(condition: () => boolean, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Processes whose parent is `pid` (the batch's audit processes). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

describe("repro-audit batch", () => {
  const clean = makeSampleRepo("clean-solution");
  const messy = makeSampleRepo("messy-kaggle");
  const pinned = makeSampleRepo("env-pinned-ok");

  it("prints the published competition's footprint: 50.2 kg and 183 t, with the teams and bases they rest on, and no central figure from two costs", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-published-"));
    const result = runCli([
      "batch",
      new URL("../../samples/leaderboards/siim-covid19-detection.yml", import.meta.url).pathname,
      "--out",
      dir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "31,751 of 32,307 submissions counted, from 877 of 1,305 teams with at least 3 entries.",
    );
    expect(result.stdout).toContain("Lower:   50.2 kg CO2eq (467 km by car) = 1.58 g (Tiny Baseline, given) x 31,751");
    expect(result.stdout).toContain("Central: unknown (no central figure: only 2 teams have a per-model cost");
    expect(result.stdout).toContain("Upper:   183 t CO2eq (1,700,000 km by car) = 5.75 kg (A Team, given) x 31,751");
    const report = readReport(dir);
    expect(report.competition.submissionsCounted).toBe(31_751);
    expect(report.competition.lower).toMatchObject({
      co2g: 50_166.58,
      teams: [{ rank: 612, name: "Tiny Baseline", basis: "given", co2g: 1.58 }],
      bases: ["given"],
    });
    expect(report.competition.upper).toMatchObject({
      co2g: 182_631_752,
      teams: [{ rank: 2, name: "A Team", basis: "given", co2g: 5752 }],
      bases: ["given"],
    });
    expect(report.competition.central).toBeNull();
    expect(readFileSync(join(dir, "batch.html"), "utf8")).toContain("183 t");
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives one sample cost as both bounds with no central figure and no chart, and many a central figure and chart files", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-costs-"));
    const board = (name: string) =>
      new URL(`../../samples/leaderboards/siim-covid19-detection-${name}.yml`, import.meta.url).pathname;
    const one = runCli(["batch", board("one-cost"), "--out", join(dir, "one")]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(
      "Lower:   183 t CO2eq (1,700,000 km by car) = 5.75 kg (A Team, given; the only costed team) x 31,751",
    );
    expect(one.stdout).toContain("Central: unknown (no central figure: only 1 team has a per-model cost");
    expect(readReport(join(dir, "one")).competition.central).toBeNull();
    expect(readFileSync(join(dir, "one", "batch.html"), "utf8")).toContain(
      'data-chart="competition-bounds" data-empty="true"',
    );
    expect(existsSync(join(dir, "one", "charts", "competition-bounds.svg"))).toBe(false);
    const many = runCli(["batch", board("many-costs"), "--out", join(dir, "many"), "--png"]);
    expect(many.code, many.stderr).toBe(0);
    expect(many.stdout).toContain(
      "Central: 28.3 t CO2eq (263,000 km by car) = 890 g (Opacity Hunters, given) x 31,751",
    );
    for (const id of ["co2-per-team", "competition-bounds"]) {
      expect(readFileSync(join(dir, "many", "charts", `${id}.svg`), "utf8")).toMatch(/^<svg/);
      if (existsSync("/usr/bin/chromium"))
        expect(
          readFileSync(join(dir, "many", "charts", `${id}.png`))
            .subarray(1, 4)
            .toString(),
        ).toBe("PNG");
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the charts as SVG only and starts no Chromium unless --png asks for the PNGs", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-no-png-"));
    const board = new URL("../../samples/leaderboards/siim-covid19-detection-many-costs.yml", import.meta.url).pathname;
    // A Chromium that only leaves a mark: any start of it shows.
    const marker = join(dir, "chromium-started");
    const chromium = join(dir, "chromium");
    writeFileSync(chromium, `#!/bin/sh\ntouch ${marker}\nexit 1\n`);
    chmodSync(chromium, 0o755);
    const result = runCli(["batch", board, "--out", join(dir, "out")], { REPRO_AUDIT_CHROMIUM: chromium });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "out", "charts", "co2-per-team.svg"), "utf8")).toMatch(/^<svg/);
    expect(readdirSync(join(dir, "out", "charts")).filter((f) => f.endsWith(".png"))).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(result.stderr).not.toMatch(/chart PNGs|SVG only/);
    const merged = runCli(["merge", join(dir, "out", "batch.json"), "--out", join(dir, "merged"), "--png"], {
      REPRO_AUDIT_CHROMIUM: chromium,
    });
    expect(merged.code, merged.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(merged.stderr).toMatch(/repro-audit: chart PNGs not written: .*chromium exited with 1/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("records a failing repo in its row and goes on with the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-fail-"));
    const file = writeLeaderboard(dir, [
      { name: "Clean", repo: `file://${clean}` },
      { name: "Gone", repo: `file://${join(dir, "no-such-repo")}` },
      { name: "Missing folder", repo: join(dir, "missing") },
      { name: "Messy", repo: messy, co2g: 12.5 },
      { name: "Leaderboard only", co2g: 3 },
    ]);
    const out = join(dir, "out");
    const result = runCli([
      "batch",
      file,
      "--stages",
      "static",
      "--concurrency",
      "2",
      "--out",
      out,
      "--cache-dir",
      join(dir, "cache"),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = readReport(out);
    expect(report.rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "audited"],
      ["Gone", "failed"],
      ["Missing folder", "failed"],
      ["Messy", "audited"],
      ["Leaderboard only", "no-repo"],
    ]);
    expect(report.rows[1]!.reason).toContain(`no git repository at file://${join(dir, "no-such-repo")}`);
    expect(report.rows[2]!.reason).toContain(`no such file or folder: ${join(dir, "missing")}`);
    expect(report.rows[0]!.score).toBeGreaterThan(90);
    expect(report.rows[3]!.findings!.error).toBeGreaterThan(0);
    // The costs: the two given figures, and the bounds resting on them.
    expect(report.competition.lower).toMatchObject({
      perModelCo2g: 3,
      bases: ["given"],
      co2g: 3 * report.competition.submissionsCounted,
    });
    expect(report.competition.upper!.teams).toEqual([{ rank: 4, name: "Messy", basis: "given", co2g: 12.5 }]);
    // Each audited team's full report is kept beside the batch.
    const audit = JSON.parse(readFileSync(join(out, report.rows[0]!.auditFile!), "utf8"));
    expect(audit.report.repo.commit).toBe(report.rows[0]!.commit);
    // stdout holds the table and the footprint; the reports are written.
    expect(result.stdout).toContain("Competition footprint");
    expect(result.stdout).toMatch(/Gone\s+0\.89\s+-\s+-\s+-\s+-\s+failed/);
    for (const f of ["batch.json", "batch.md", "batch.html", "emissions.csv"])
      expect(existsSync(join(out, f))).toBe(true);
    // emissions.csv: CodeCarbon's header, and no row: both costs are the leaderboard's, not runs made here.
    const csv = readFileSync(join(out, "emissions.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(EMISSIONS_CSV_COLUMNS.join(","));
    expect(parseWithPython(csv)).toEqual([]);
  });

  it("stops an audit past --timeout, records it, and goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-timeout-"));
    const file = writeLeaderboard(dir, [
      { name: "Silent", repo: server.url },
      { name: "Clean", repo: clean },
    ]);
    const out = join(dir, "out");
    // A limit the real audit keeps even on a loaded machine; the silent clone never does.
    const batch = spawnBatch([
      file,
      "--stages",
      "static",
      "--concurrency",
      "1",
      "--timeout",
      "8",
      "--out",
      out,
      "--cache-dir",
      join(dir, "cache"),
    ]);
    expect(await batch.exited, batch.output().stderr).toBe(0);
    const report = readReport(out);
    expect(report.rows.map((r) => [r.name, r.status, r.reason ?? ""])).toEqual([
      ["Silent", "timeout", "stopped after 8 s (the per-audit timeout)"],
      ["Clean", "audited", ""],
    ]);
  });

  it("stops a timed-out audit beside others in its process, and those others still finish", async () => {
    // Four lanes on two audit processes: the silent clone shares its process with other audits.
    const dir = mkdtempSync(join(tmpdir(), "batch-shared-"));
    const names = ["clean-solution", "messy-kaggle", "env-pinned-ok", "broken-branch"];
    const file = writeLeaderboard(dir, [
      { name: "Silent", repo: server.url },
      ...names.map((n) => ({ name: n, repo: makeSampleRepo(n) })),
    ]);
    const out = join(dir, "out");
    // A limit the real audits keep even on a loaded machine; the silent clone never does.
    const batch = spawnBatch(
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
      undefined,
      SHARED,
    );
    expect(await batch.exited, batch.output().stderr).toBe(0);
    expect(readReport(out).rows.map((r) => [r.name, r.status])).toEqual([
      ["Silent", "timeout"],
      ...names.map((n) => [n, "audited"]),
    ]);
  });

  it("stops audits that share a process one by one, each recorded as timed out", async () => {
    // Four silent clones on four lanes over two processes: each process holds two of them.
    const dir = mkdtempSync(join(tmpdir(), "batch-silent-"));
    const file = writeLeaderboard(
      dir,
      [1, 2, 3, 4].map((i) => ({ name: `Silent ${i}`, repo: `${server.url.replace(".git", "")}-${i}.git` })),
    );
    const out = join(dir, "out");
    const batch = spawnBatch(
      [
        file,
        "--stages",
        "static",
        "--concurrency",
        "4",
        "--timeout",
        "2",
        "--out",
        out,
        "--cache-dir",
        join(dir, "cache"),
      ],
      undefined,
      SHARED,
    );
    expect(await batch.exited, batch.output().stderr).toBe(0);
    expect(readReport(out).rows.map((r) => [r.name, r.status])).toEqual(
      [1, 2, 3, 4].map((i) => [`Silent ${i}`, "timeout"]),
    );
  });

  it("writes what is done on Ctrl-C and exits 130", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-interrupt-"));
    const file = writeLeaderboard(dir, [
      { name: "Clean", repo: clean },
      { name: "Silent", repo: server.url },
      { name: "Messy", repo: messy },
    ]);
    const out = join(dir, "out");
    const batch = spawnBatch([
      file,
      "--stages",
      "static",
      "--concurrency",
      "1",
      "--out",
      out,
      "--cache-dir",
      join(dir, "cache"),
    ]);
    await until(() => cachedFiles(out).length === 1 && batch.output().stderr.includes("1/3"), "the first audit");
    await sleep(500); // the second audit is now waiting on the silent server
    batch.child.kill("SIGINT");
    expect(await batch.exited).toBe(130);
    const report = readReport(out);
    expect(report.run.interrupted).toBe(true);
    expect(report.rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "audited"],
      ["Silent", "interrupted"],
      ["Messy", "interrupted"],
    ]);
    expect(report.rows[2]!.reason).toBe("not started: the batch was stopped");
    expect(report.notes).toContain(
      "The batch was stopped before every audit finished: rerun it with --resume to finish.",
    );
    expect(batch.output().stdout).toContain("Competition footprint");
  });

  it("resumes after a kill: finished audits are reused, the rest run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-resume-"));
    const teams = [
      { name: "Clean", repo: `file://${clean}` },
      { name: "Pinned", repo: pinned },
      { name: "Silent", repo: server.url },
      { name: "Messy", repo: messy },
    ];
    const file = writeLeaderboard(dir, teams);
    const out = join(dir, "out");
    const common = [
      "--stages",
      "static",
      "--concurrency",
      "1",
      "--out",
      out,
      "--cache-dir",
      join(dir, "cache"),
      "--timeout",
      "8",
    ];
    const first = spawnBatch([file, ...common]);
    await until(() => cachedFiles(out).length === 2, "two finished audits");
    await sleep(300);
    const workers = childrenOf(first.child.pid!);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(existsSync(join(out, "batch.json"))).toBe(false);
    const kept = cachedFiles(out);
    expect(kept).toHaveLength(2);
    const mtimes = kept.map((f) => statSync(join(out, "audits", f)).mtimeMs);
    // The killed batch's audit process does not outlive it.
    expect(workers.length).toBeGreaterThan(0);
    await until(() => workers.every((pid) => !alive(pid)), "the orphaned audit process to end", 30_000);

    const second = runCli(["batch", file, ...common, "--resume"]);
    expect(second.code, second.stderr).toBe(0);
    const report = readReport(out);
    expect(report.rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "cached"],
      ["Pinned", "cached"],
      ["Silent", "timeout"],
      ["Messy", "audited"],
    ]);
    expect(kept.map((f) => statSync(join(out, "audits", f)).mtimeMs)).toEqual(mtimes);
    expect(report.rows[0]!.commit).toBe(git(clean, "rev-parse", "HEAD"));
    // A new commit is a new audit, not a cached one.
    cpSync(join(sampleDir("clean-solution"), "repo", "README.md"), join(clean, "NOTES.md"));
    git(clean, "add", "-A");
    git(clean, "commit", "-qm", "notes");
    const third = runCli(["batch", file, ...common, "--resume", "--top", "2"]);
    expect(third.code, third.stderr).toBe(0);
    expect(readReport(out).rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "audited"],
      ["Pinned", "cached"],
    ]);
  });

  it("audits one repo at two refs at once, each audit its own ref", () => {
    const repo = makeSampleRepo("clean-solution");
    git(repo, "checkout", "-q", "-b", "other");
    for (const entry of readdirSync(repo))
      if (entry !== ".git") rmSync(join(repo, entry), { recursive: true, force: true });
    cpSync(join(sampleDir("messy-kaggle"), "repo"), repo, { recursive: true });
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "the messy solution");
    git(repo, "checkout", "-q", "main");
    const dir = mkdtempSync(join(tmpdir(), "batch-refs-"));
    const url = `file://${repo}`;
    const file = writeLeaderboard(dir, [
      { name: "Main", repo: url, ref: "main" },
      { name: "Other", repo: url, ref: "other" },
    ]);
    const cache = join(dir, "cache");
    const solo = (ref: string) =>
      JSON.parse(
        runCli([
          "audit",
          url,
          "--ref",
          ref,
          "--stages",
          "static",
          "--format",
          "json",
          "--cache-dir",
          join(dir, `solo-${ref}`),
        ]).stdout,
      );
    const expected = { main: solo("main"), other: solo("other") };
    const result = runCli([
      "batch",
      file,
      "--stages",
      "static",
      "--concurrency",
      "2",
      "--out",
      join(dir, "out"),
      "--cache-dir",
      cache,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = readReport(join(dir, "out"));
    expect(report.rows.map((r) => [r.name, r.status, r.commit])).toEqual([
      ["Main", "audited", git(repo, "rev-parse", "main")],
      ["Other", "audited", git(repo, "rev-parse", "other")],
    ]);
    for (const [row, ref] of [
      [report.rows[0]!, "main"],
      [report.rows[1]!, "other"],
    ] as const) {
      const audited = JSON.parse(readFileSync(join(dir, "out", row.auditFile!), "utf8")).report;
      const key = (f: { rule: string; file: string | null; line: number | null }) => `${f.rule} ${f.file}:${f.line}`;
      expect(audited.findings.map(key).sort(), `${ref}: the findings of its own tree`).toEqual(
        expected[ref].findings.map(key).sort(),
      );
      expect(audited.score.total).toBe(expected[ref].score.total);
    }
  });
});
