// Shards and merge: the README's GitHub Actions matrix and Kubernetes Indexed Job, their shard and merge
// commands run here as written, give the report an unsharded batch gives; merge refuses what does not fit.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/model/batch-report.js";
import { mergeBatchReports } from "../../src/batch/merge.js";
import { BIN, runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { writeLeaderboard } from "../support/leaderboard.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const yamlBlocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as BatchReport;

/** What may differ between runs of one batch: when and how fast it ran, and how many shards it had. */
function comparable(report: BatchReport): unknown {
  const { generatedAt: _g, run, selection, ...rest } = report;
  const { merged: _m, ...sel } = selection;
  return { ...rest, selection: sel, run: { ...run, seconds: 0, concurrency: 0 } };
}

/** Run a command line from the README with `repro-audit` being this build's bin. */
function sh(command: string, cwd: string, env: Record<string, string> = {}): void {
  const local = command.replace(
    /npx --yes --package="\$REPRO_AUDIT" repro-audit/g,
    `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`,
  );
  execFileSync("bash", ["-c", local], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", CI: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

describe("shards and merge", () => {
  const names = ["clean-solution", "messy-kaggle", "env-pinned-ok", "broken-branch", "train-cpu"];
  const repos = names.map((n) => makeSampleRepo(n));
  const work = mkdtempSync(join(tmpdir(), "shard-merge-"));
  writeLeaderboard(work, [
    ...names.map((n, i) => ({ name: n, repo: repos[i]!, ...(i === 1 ? { co2g: 5752 } : {}) })),
    { name: "published only", co2g: 1.58 },
  ]);
  const full = join(work, "full");
  execFileSync(process.execPath, [BIN, "batch", "leaderboard.yml", "--stages", "static", "--out", full], {
    cwd: work,
    env: { ...process.env, CI: "1" },
    stdio: "ignore",
  });
  const unsharded = readJson(join(full, "batch.json"));

  it("the unsharded batch audits every team", () => {
    expect(unsharded.rows.map((r) => r.status)).toEqual([
      "audited",
      "audited",
      "audited",
      "audited",
      "audited",
      "no-repo",
    ]);
    expect(unsharded.competition.lower!.teams.map((t) => t.name)).toEqual(["published only"]);
  });

  it("the GitHub Actions matrix's shard and merge steps give the unsharded report", () => {
    const workflow = yaml.load(yamlBlocks.find((b) => b.includes("matrix:"))!) as {
      jobs: {
        audit: { strategy: { matrix: { shard: number[] } }; steps: Array<{ run?: string }> };
        merge: { steps: Array<{ run?: string }> };
      };
    };
    const batch = workflow.jobs.audit.steps.find((s) => s.run?.includes("repro-audit batch"))!.run!;
    const merge = workflow.jobs.merge.steps.find((s) => s.run?.includes("repro-audit merge"))!.run!;
    const cwd = join(work, "actions");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "leaderboard.yml"), readFileSync(join(work, "leaderboard.yml")));
    const shards = workflow.jobs.audit.strategy.matrix.shard;
    expect(shards).toEqual([1, 2, 3]);
    for (const shard of shards) sh(batch.replace(/\$\{\{ matrix\.shard \}\}/g, String(shard)), cwd);
    // download-artifact with a pattern puts each artifact in a folder named after it: shard-<n>/.
    sh(merge, cwd);
    const merged = readJson(join(cwd, "merged", "batch.json"));
    expect(merged.selection.merged).toBe(3);
    expect(comparable(merged)).toEqual(comparable(unsharded));
    const partial = readJson(join(cwd, "shard-2", "batch.json"));
    expect(partial.rows.map((r) => r.name)).toEqual(["messy-kaggle", "train-cpu"]);
    expect(partial.notes[0]).toContain("Shard 2/3: the footprint and the verdict rest on this shard's 2 of 6 teams");
  });

  it("the Kubernetes Indexed Job's commands, one per completion index, give the unsharded report", () => {
    const block = yamlBlocks.find((b) => b.includes("completionMode: Indexed"))!;
    const job = yaml.load(block) as {
      spec: { completions: number; template: { spec: { containers: Array<{ args: string[] }> } } };
    };
    const command = job.spec.template.spec.containers[0]!.args[0]!;
    const merge = /# then: (.*)/.exec(block)![1]!;
    const results = join(work, "results");
    const cwd = join(work, "k8s-leaderboard");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "leaderboard.yml"), readFileSync(join(work, "leaderboard.yml")));
    for (let index = 0; index < job.spec.completions; index++)
      sh(command.replaceAll("/results", results), cwd, { JOB_COMPLETION_INDEX: String(index) });
    sh(merge.replaceAll("/results", results), cwd);
    expect(comparable(readJson(join(results, "merged", "batch.json")))).toEqual(comparable(unsharded));
    // The merged folder holds every team's audit report, as the unsharded one does.
    for (const row of unsharded.rows.filter((r) => r.auditFile))
      expect(readFileSync(join(results, "merged", row.auditFile!), "utf8")).toContain(row.commit!);
  });

  it("refuses shards that do not make one batch, with one line", () => {
    const dir = join(work, "parts");
    for (const i of [1, 2])
      execFileSync(
        process.execPath,
        [BIN, "batch", "leaderboard.yml", "--stages", "static", "--shard", `${i}/2`, "--out", join(dir, `s${i}`)],
        { cwd: work, stdio: "ignore" },
      );
    const [one, two] = [readJson(join(dir, "s1", "batch.json")), readJson(join(dir, "s2", "batch.json"))];
    expect(() => mergeBatchReports([one], ["s1"])).toThrow("shard 2/2 missing");
    expect(() => mergeBatchReports([one, one], ["s1", "s1 again"])).toThrow("s1 again and s1 are both shard 1/2");
    expect(() =>
      mergeBatchReports(
        [one, { ...two, leaderboard: { ...two.leaderboard, fingerprint: "0".repeat(64) } }],
        ["s1", "s2"],
      ),
    ).toThrow("s2 comes from another batch than s1");
    expect(comparable(mergeBatchReports([two, one]))).toEqual(comparable(unsharded));
    const notReport = join(dir, "x.json");
    writeFileSync(notReport, '{"kind": "audit"}');
    const result = runCli(["merge", notReport, "--out", join(dir, "m")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`${notReport} is not a batch report: /schemaVersion: is missing`);
  });
});
