// The bin as users meet it: exit codes, one-line errors, stdout holding only the report.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SAMPLES = new URL("../../samples/", import.meta.url).pathname;

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, code: number, words: string) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  const lines = result.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("["));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(words);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("repro-audit CLI", () => {
  it("prints only a valid JSON report on stdout with --format json", () => {
    const result = runCli(["audit", join(SAMPLES, "clean-solution/repo"), "--stages", "static", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.repo.kind).toBe("folder");
    expect(report.stages.build).toEqual({ status: "skipped", reason: "not asked for (--stages)" });
    expect(report.score.categories.environment).toMatchObject({ assessed: false, score: null });
  });

  it("writes SARIF to --out and keeps stdout empty", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cli-")), "audit.sarif");
    const result = runCli([
      "audit",
      join(SAMPLES, "messy-kaggle/repo"),
      "--stages",
      "static",
      "--format",
      "sarif",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const sarif = JSON.parse(readFileSync(out, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(5);
  });

  it("exits 1 below --fail-under and 0 at or above it", () => {
    const messy = join(SAMPLES, "messy-kaggle/repo");
    const low = runCli(["audit", messy, "--stages", "static", "--format", "json", "--fail-under", "90"]);
    expect(low.code).toBe(1);
    const total = JSON.parse(low.stdout).score.total as number;
    expect(total).toBeLessThan(90);
    expect(runCli(["audit", messy, "--stages", "static", "--format", "json", "--fail-under", String(total)]).code).toBe(
      0,
    );
  });

  it("exits 2 with one line for a path that does not exist", () => {
    expectOneLineError(runCli(["audit", "/nonexistent/solution", "--stages", "static"]), 2, "/nonexistent/solution");
  });

  it("exits 2 with one line for a malformed URL", () => {
    expectOneLineError(runCli(["audit", "htps:/github.com/x", "--stages", "static"]), 2, "htps:/github.com/x");
  });

  it("exits 2 with one line for an unknown ref", () => {
    const repo = mkdtempSync(join(tmpdir(), "cli-ref-"));
    execFileSync("git", ["init", "-q", "-b", "main", repo]);
    writeFileSync(join(repo, "train.py"), "print(1)\n");
    execFileSync("git", ["-C", repo, "add", "."]);
    execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init"]);
    expectOneLineError(
      runCli([
        "audit",
        `file://${repo}`,
        "--ref",
        "no-such-branch",
        "--stages",
        "static",
        "--cache-dir",
        join(repo, "..", "cache-" + Date.now()),
      ]),
      2,
      "no-such-branch",
    );
  });

  it("exits 2 naming the file and pointer of an invalid config", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-config-"));
    mkdirSync(join(dir, "repo"));
    writeFileSync(join(dir, "repo", "train.py"), "print(1)\n");
    writeFileSync(join(dir, "bad.yml"), "train: { epochs: -1 }\n");
    expectOneLineError(
      runCli(["audit", join(dir, "repo"), "--stages", "static", "--config", join(dir, "bad.yml")]),
      2,
      `${join(dir, "bad.yml")} /train/epochs: must be >= 1`,
    );
  });

  it("exits 2 naming the file and pointer of an invalid rule in a configured folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-rule-"));
    mkdirSync(join(dir, "repo"));
    mkdirSync(join(dir, "rules"));
    writeFileSync(join(dir, "repo", "train.py"), "print(1)\n");
    writeFileSync(
      join(dir, "rules", "my-rule.yaml"),
      "id: my-rule\ntitle: Require x\ncategory: code\nseverity: fatal\nweight: 1\nreason: because it matters\ncheck: { family: syntax }\nmessage: m\n",
    );
    writeFileSync(join(dir, "config.yml"), "rules: [rules]\n");
    expectOneLineError(
      runCli(["audit", join(dir, "repo"), "--stages", "static", "--config", join(dir, "config.yml")]),
      2,
      "my-rule.yaml /severity: must be one of error, warning, info",
    );
  });

  it("exits 3 with one line when build is asked for and no engine answers", () => {
    const result = runCli(
      ["audit", join(SAMPLES, "clean-solution/repo"), "--stages", "static,build", "--engine", "docker"],
      {
        REPRO_AUDIT_DOCKER: "/nonexistent/docker",
      },
    );
    expectOneLineError(result, 3, "docker did not answer");
  });

  it("by default skips build with a note when no engine answers", () => {
    const result = runCli(["audit", join(SAMPLES, "clean-solution/repo"), "--format", "json", "--engine", "docker"], {
      REPRO_AUDIT_DOCKER: "/nonexistent/docker",
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stages.build.status).toBe("skipped");
    expect(report.notes.join(" ")).toContain("Build and epoch stages skipped");
  });

  it("shows the stack trace only with --debug", () => {
    const result = runCli(["audit", "/nonexistent/solution", "--stages", "static", "--debug"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it("explains a rule's arithmetic", () => {
    const result = runCli(["rules", "explain", "paths-portable"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("lost = weight x log2(1 + findings) = 2 x log2(1 + n)");
  });

  it("exits 2 for an unknown rule id", () => {
    expectOneLineError(runCli(["rules", "explain", "no-such-rule"]), 2, "no rule 'no-such-rule'");
  });
});
