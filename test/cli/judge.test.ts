// Facts saved by `audit --facts` and judged again offline by `judge`, without the repo.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";

const findingsOf = (json: string) =>
  (JSON.parse(json) as { findings: Array<{ rule: string; file: string | null; line: number | null }> }).findings.map(
    (f) => `${f.rule} ${f.file}:${f.line}`,
  );

describe("repro-audit judge", () => {
  const dir = mkdtempSync(join(tmpdir(), "judge-"));
  const repo = makeSampleRepo("messy-kaggle");
  const factsFile = join(dir, "facts.json");
  const audited = runCli(["audit", repo, "--stages", "static", "--format", "json", "--facts", factsFile]);

  it("gives the audit's own findings and score back from the saved facts, with the repo gone", () => {
    expect(audited.code).toBe(0);
    rmSync(repo, { recursive: true, force: true });
    const judged = runCli(["judge", factsFile, "--format", "json"]);
    expect(judged.code).toBe(0);
    expect(findingsOf(judged.stdout)).toEqual(findingsOf(audited.stdout));
    expect(JSON.parse(judged.stdout).score).toEqual(JSON.parse(audited.stdout).score);
  });

  it("judges with the user's config: a disabled rule is gone", () => {
    writeFileSync(join(dir, "config.yml"), "disable: [paths-portable]\n");
    const judged = runCli(["judge", factsFile, "--format", "json", "--config", join(dir, "config.yml")]);
    expect(judged.code).toBe(0);
    expect(findingsOf(judged.stdout).some((f) => f.startsWith("paths-portable"))).toBe(false);
    expect(findingsOf(audited.stdout).some((f) => f.startsWith("paths-portable"))).toBe(true);
  });

  it("grades by a saved rerun plan: code no step reaches is off the plan, and report --explain-score shows the plan", () => {
    const saved = JSON.parse(readFileSync(factsFile, "utf8"));
    saved.facts.families["rerun-plan"] = [
      {
        kind: "step",
        file: "README.md",
        line: 1,
        order: 1,
        source: "readme",
        parent: null,
        cwd: ".",
        command: "python solve.py",
        tool: "python",
        program: "solve.py",
        exists: true,
        purpose: "train",
        repeat: 3,
        repeatSource: null,
        args: "",
        rejected: null,
        configs: "",
      },
      { kind: "reach", file: "solve.py", step: 1, via: "runs", from: null },
      { kind: "summary", found: true, steps: 1, reached: 1, basis: "readme" },
    ];
    writeFileSync(join(dir, "planned.json"), JSON.stringify(saved));
    const judged = runCli(["judge", join(dir, "planned.json"), "--format", "json"]);
    expect(judged.code).toBe(0);
    const report = JSON.parse(judged.stdout) as {
      findings: Array<{ rule: string; file: string | null; severity: string; plan?: string; planReason?: string }>;
      score: { total: number };
    };
    const inCode = report.findings.filter(
      (f) => f.file !== null && /\.(py|ipynb)$/.test(f.file) && f.file !== "solve.py",
    );
    expect(inCode.length).toBeGreaterThan(0);
    for (const f of inCode)
      expect(f, `${f.rule} ${f.file}`).toMatchObject({
        plan: "off",
        severity: "info",
        planReason: expect.stringMatching(/^not on the rerun path: /),
      });
    expect(report.score.total).toBeGreaterThan(JSON.parse(audited.stdout).score.total);
    writeFileSync(join(dir, "planned-report.json"), judged.stdout);
    const explained = runCli([
      "report",
      join(dir, "planned-report.json"),
      "--explain-score",
      "--format",
      "text",
      "--color",
      "never",
    ]);
    expect(explained.stdout).toContain("rerun plan (from the readme): 1 step, reaching 1 code file");
    expect(explained.stdout).toContain("1. in .: python solve.py (runs solve.py), 3 times");
    expect(explained.stdout).toContain("set aside as off the plan (cost nothing): ");
  });

  it("refuses a facts file whose records break their family's schema, in one line", () => {
    const saved = JSON.parse(readFileSync(factsFile, "utf8"));
    saved.facts.families["path-literals"][0].colour = "red";
    writeFileSync(join(dir, "tampered.json"), JSON.stringify(saved));
    const judged = runCli(["judge", join(dir, "tampered.json")]);
    expect(judged.code).toBe(2);
    expect(judged.stderr.trim().split("\n")).toHaveLength(1);
    expect(judged.stderr).toContain("/facts path-literals[0] /: unknown property 'colour'");
    expect(runCli(["judge", join(dir, "missing.json")]).stderr).toContain("does not exist");
    writeFileSync(join(dir, "report.json"), audited.stdout);
    expect(runCli(["judge", join(dir, "report.json")]).stderr).toContain("is not a repro-audit facts file");
  });
});
