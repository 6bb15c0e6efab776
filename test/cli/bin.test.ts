// The installed bin is the bundle (dist/cli/, scripts/build-cli-bundle.mjs): it starts, audits exactly as the
// compiled modules of dist/src/ do, and starts the processes and threads it needs from files beside itself.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/model/batch-report.js";
import { BIN as DIST_BIN } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { writeLeaderboard } from "../support/leaderboard.js";
import { tempDir } from "../clone/git-fixture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
};
const BUNDLE_BIN = join(ROOT, PACKAGE.bin["repro-audit"]!);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A JSON report without what differs from run to run: when it was made and how long each stage took. */
function withoutTimes(json: string): unknown {
  const report = JSON.parse(json) as { generatedAt?: string; stages: Record<string, { seconds?: number }> };
  delete report.generatedAt;
  for (const stage of Object.values(report.stages)) delete stage.seconds;
  return report;
}

describe("the bin's bundle", () => {
  it("is what package.json's bin names, apart from the compiled modules", () => {
    expect(PACKAGE.bin["repro-audit"]).toBe("dist/cli/bin.js");
    expect(existsSync(BUNDLE_BIN)).toBe(true);
  });

  it("starts: --version prints the package's version", () => {
    const result = run(BUNDLE_BIN, ["--version"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(PACKAGE.version);
    expect(result.code).toBe(0);
  });

  it("audits a repo with branches exactly as dist/src/ does, the Python index's worker thread included", () => {
    const repo = makeSampleRepo("broken-branch");
    dirs.push(repo);
    // One helper thread even for a small repo: the bundle's index-worker.js must start and answer.
    const env = { REPRO_AUDIT_INDEX_HELPERS: "1" };
    const args = ["audit", repo, "--stages", "static", "--format", "json"];
    const fromDist = run(DIST_BIN, args, env);
    const fromBundle = run(BUNDLE_BIN, args, env);
    expect(fromDist.code, fromDist.stderr).toBe(0);
    expect(fromBundle.code, fromBundle.stderr).toBe(0);
    const report = withoutTimes(fromBundle.stdout) as { findings: unknown[]; repo: { branches: unknown[] } };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.repo.branches.length).toBeGreaterThan(1);
    expect(report).toEqual(withoutTimes(fromDist.stdout));
  });

  it("runs a batch through its own audit processes: a good repo audited, a missing one recorded as failed", () => {
    const dir = tempDir();
    dirs.push(dir);
    const repo = makeSampleRepo("clean-solution");
    dirs.push(repo);
    const board = writeLeaderboard(dir, [
      { name: "Clean", repo },
      { name: "Missing folder", repo: join(dir, "missing") },
    ]);
    const out = join(dir, "out");
    const result = run(BUNDLE_BIN, ["batch", board, "--stages", "static", "--out", out, "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as BatchReport;
    expect(report.rows.map((r) => [r.name, r.status])).toEqual([
      ["Clean", "audited"],
      ["Missing folder", "failed"],
    ]);
  });
});
