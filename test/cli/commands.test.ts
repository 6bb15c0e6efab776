// The commands around the audit, run through the bin: report, rules, init, cache clean, the gates and the
// ways to quiet what is known (inline comments honoured only with --trust-repo, --exclude, --baseline, --quiet).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SAMPLES = new URL("../../samples/", import.meta.url).pathname;
const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A small git repo: one machine path a comment asks to ignore, one it does not, no README. */
function repoWithIgnoreComment(): string {
  const repo = temp("cli-ignore-");
  writeFileSync(join(repo, "requirements.txt"), "numpy==1.26.4\n");
  writeFileSync(
    join(repo, "train.py"),
    "import numpy\nA = '/home/alice/a.csv'  # repro-audit: ignore[paths-portable] our cluster\nB = 1\n",
  );
  mkdirSync(join(repo, "vendor"));
  writeFileSync(join(repo, "vendor", "lib.py"), "C = '/home/bob/c.csv'\n");
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  execFileSync("git", ["-C", repo, "add", "."]);
  execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init"]);
  return repo;
}

const json = (args: string[]) => {
  const result = runCli([...args, "--format", "json"]);
  return { ...result, report: result.code <= 1 ? JSON.parse(result.stdout) : null };
};

describe("repro-audit report", () => {
  it("renders a saved JSON report in every format without the rule files, the same as the audit did", () => {
    const dir = temp("cli-report-");
    const saved = join(dir, "report.json");
    const messy = join(SAMPLES, "messy-kaggle/repo");
    expect(runCli(["audit", messy, "--stages", "static", "--format", "json", "--out", saved]).code).toBe(0);
    const fromAudit = runCli(["audit", messy, "--stages", "static", "--format", "md"]).stdout;
    const md = runCli(["report", saved, "--format", "md"]);
    expect(md.code).toBe(0);
    // Same report, two renderings: equal but for the stage timing line.
    const strip = (text: string) => text.replace(/static ran [0-9.]+ s/, "static ran");
    expect(strip(md.stdout)).toBe(strip(fromAudit));
    expect(md.stdout).toContain("**Fix:**");
    const sarif = JSON.parse(runCli(["report", saved, "--format", "sarif"]).stdout);
    const descriptor = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "paths-portable");
    expect(descriptor.helpUri).toMatch(/docs\/rules\/paths-portable\.md$/);
    expect(descriptor.shortDescription.text).toBe("Disallow absolute and machine-specific paths");
    expect(runCli(["report", saved, "--format", "text"]).stdout).toContain("fix: ");
  });

  it("refuses a file that is not a valid report with one line naming the JSON pointer", () => {
    const dir = temp("cli-report-bad-");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, findings: [] }));
    const result = runCli(["report", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^repro-audit: report .*bad\.json is not a valid report: \/tool: is missing/);
    writeFileSync(bad, "{not json");
    expect(runCli(["report", bad]).stderr).toContain("is not JSON");
    expect(runCli(["report", join(dir, "none.json")]).stderr).toContain("does not exist");
  });
});

describe("quieting what is known", () => {
  it("lists the repo's own ignore comments without honouring them, unless the repo is trusted", () => {
    const repo = repoWithIgnoreComment();
    const plain = json(["audit", repo, "--stages", "static"]).report;
    const paths = (r: { findings: Array<{ rule: string; file: string }> }) =>
      r.findings
        .filter((f) => f.rule === "paths-portable")
        .map((f) => f.file)
        .sort();
    expect(paths(plain)).toEqual(["train.py", "vendor/lib.py"]);
    expect(plain.suppressions.inline).toEqual([
      {
        file: "train.py",
        line: 2,
        target: 2,
        rules: ["paths-portable"],
        reason: "our cluster",
        matched: 1,
        honoured: false,
      },
    ]);
    const trusted = json(["audit", repo, "--stages", "static", "--trust-repo"]).report;
    expect(paths(trusted)).toEqual(["vendor/lib.py"]);
    expect(trusted.suppressions).toMatchObject({ repoTrusted: true, suppressed: 1 });
    expect(trusted.score.total).toBeGreaterThan(plain.score.total);
  });

  it("reads ignore comments in every file the walk calls a requirements file or Dockerfile, wherever it lies", () => {
    const repo = temp("cli-ignore-roles-");
    try {
      mkdirSync(join(repo, "requirements"));
      writeFileSync(
        join(repo, "requirements", "base.txt"),
        "pandas  # repro-audit: ignore[requirements-pinned] the image pins it\n",
      );
      writeFileSync(
        join(repo, "Containerfile"),
        "FROM python:3.11\n# repro-audit: ignore[environment-builds] built elsewhere\nRUN pip install -r requirements/base.txt\n",
      );
      writeFileSync(join(repo, "train.py"), "import pandas\n");
      const listed = json(["audit", repo, "--stages", "static"]).report.suppressions.inline.map(
        (s: { file: string; line: number; rules: string[] }) => [s.file, s.line, s.rules],
      );
      expect(listed).toEqual(
        expect.arrayContaining([
          ["requirements/base.txt", 1, ["requirements-pinned"]],
          ["Containerfile", 2, ["environment-builds"]],
        ]),
      );
      const trusted = json(["audit", repo, "--stages", "static", "--trust-repo"]).report;
      expect(
        trusted.findings.filter(
          (f: { rule: string; file: string }) => f.rule === "requirements-pinned" && f.file === "requirements/base.txt",
        ),
      ).toEqual([]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it("leaves --exclude globs out of the audit and counts what they left out", () => {
    const repo = repoWithIgnoreComment();
    const report = json(["audit", repo, "--stages", "static", "--exclude", "vendor/"]).report;
    expect(report.findings.some((f: { file: string | null }) => f.file?.startsWith("vendor/"))).toBe(false);
    expect(report.suppressions.excluded).toEqual({
      globs: ["vendor/"],
      source: "--exclude",
      files: 1,
      paths: ["vendor"],
    });
  });

  it("ignores exclude: in the repo's own config unless the repo is trusted", () => {
    const repo = repoWithIgnoreComment();
    writeFileSync(join(repo, ".repro-audit.yml"), "exclude: ['vendor/']\n");
    const plain = json(["audit", repo, "--stages", "static"]).report;
    expect(plain.suppressions.excluded).toBeUndefined();
    expect(plain.notes.join(" ")).toContain("sets exclude: ignored");
    const trusted = json(["audit", repo, "--stages", "static", "--trust-repo"]).report;
    expect(trusted.suppressions.excluded).toMatchObject({ globs: ["vendor/"], files: 1 });
  });

  it("does not count a baseline's findings toward --fail-under and --max-warnings, and marks SARIF baselineState", () => {
    const dir = temp("cli-baseline-");
    const messy = join(SAMPLES, "messy-kaggle/repo");
    const base = join(dir, "base.json");
    runCli(["audit", messy, "--stages", "static", "--format", "json", "--out", base]);
    expect(runCli(["audit", messy, "--stages", "static", "--fail-under", "90"]).code).toBe(1);
    expect(runCli(["audit", messy, "--stages", "static", "--max-warnings", "0"]).code).toBe(1);
    const gated = runCli([
      "audit",
      messy,
      "--stages",
      "static",
      "--format",
      "sarif",
      "--baseline",
      base,
      "--fail-under",
      "90",
      "--max-warnings",
      "0",
    ]);
    expect(gated.code).toBe(0);
    const states = JSON.parse(gated.stdout).runs[0].results.map((r: { baselineState: string }) => r.baselineState);
    expect(new Set(states)).toEqual(new Set(["unchanged"]));
    const text = runCli(["report", base, "--baseline", base]).stdout;
    expect(text).toMatch(
      /baseline .*base\.json: \d+ finding\(s\) already there \(they leave the gates alone\), 0 new, 0 gone/,
    );
    // The header states the gate's score: the whole score plus what the baseline accepted.
    const total = JSON.parse(readFileSync(base, "utf8")).score.total as number;
    expect(text).toContain(`gate score  100/100 = ${total}/100 + ${100 - total} points the baseline accepted`);
  });

  it("says why it exits 1, one line per gate", () => {
    const messy = join(SAMPLES, "messy-kaggle/repo");
    const result = runCli(["audit", messy, "--stages", "static", "--fail-under", "90", "--max-warnings", "1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/repro-audit: the score \d+\/100 is below fail-under 90 \(--fail-under\)\n/);
    expect(result.stderr).toMatch(/repro-audit: \d+ warnings, more than max-warnings 1 \(--max-warnings\)\n/);
  });

  it("--fail-on error fails on any error, never by default; with a baseline only a new error fails", () => {
    // A repo with a certain error: a requirement over git://, which git hosts no longer serve.
    const messy = temp("cli-fail-on-repo-");
    writeFileSync(join(messy, "requirements.txt"), "numpy==1.19.5\ngit+git://github.com/albu/albumentations.git\n");
    writeFileSync(join(messy, "README.md"), "# x\n\n```\npip install -r requirements.txt\npython train.py\n```\n");
    writeFileSync(join(messy, "train.py"), "import numpy\n");
    expect(runCli(["audit", messy, "--stages", "static"]).code).toBe(0);
    const failed = runCli(["audit", messy, "--stages", "static", "--fail-on", "error"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^repro-audit: \d+ errors?: fail-on error \(--fail-on\) fails$/m);
    const base = join(temp("cli-fail-on-"), "base.json");
    runCli(["audit", messy, "--stages", "static", "--format", "json", "--out", base]);
    expect(runCli(["report", base, "--baseline", base, "--fail-on", "warning"]).code).toBe(0);
    const bad = runCli(["audit", messy, "--stages", "static", "--fail-on", "sometimes"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "repro-audit: --fail-on takes one of error, warning, never, not 'sometimes'. Pass e.g. --fail-on error\n",
    );
  });

  it("shows errors only with --quiet, saying how many warnings and info it left out, and keeps the gates on everything", () => {
    const messy = join(SAMPLES, "messy-kaggle/repo");
    const quiet = runCli(["audit", messy, "--stages", "static", "--quiet", "--max-warnings", "0"]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toMatch(/^ {2}warning/m);
    expect(quiet.stdout).toMatch(/--quiet: \d+ warning\(s\) and \d+ info not shown/);
  });

  it("adds the score's arithmetic with --explain-score", () => {
    const report = json(["audit", join(SAMPLES, "messy-kaggle/repo"), "--stages", "static", "--explain-score"]).report;
    expect(report.score.explanation.at(-1)).toBe(
      `total = 100 x ${report.score.explanation.at(-1).split(" ")[4]} / 100 = ${report.score.total}`,
    );
    const explained = runCli([
      "audit",
      join(SAMPLES, "clean-solution/repo"),
      "--stages",
      "static",
      "--explain-score",
    ]).stdout;
    expect(explained).toContain("Score explained\n  rerun plan (from the readme): ");
    expect(explained).toContain("\n  install (requirements, environment): 30 of 30");
  });
});

describe("repro-audit rules, init, cache", () => {
  it("lists the rules as JSON with their role in the score", () => {
    const result = runCli(["rules", "list", "--format", "json"]);
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rules.find((r) => r.id === "requirements-transports-live")).toMatchObject({
      category: "requirements",
      area: "install",
      effect: "block",
      weight: 3,
    });
    // A rule its first look holds back lists the effect it has now.
    expect(rules.find((r) => r.id === "requirements-spec-present")).toMatchObject({ effect: "friction", weight: 10 });
    expect(rules.every((r) => typeof r.reason === "string" && typeof r.helpUri === "string")).toBe(true);
  });

  it("init writes .repro-audit.yml, refuses to overwrite it without --force, and prints it with --stdout", () => {
    const dir = temp("cli-init-");
    expect(runCli(["init"], {}, dir)).toMatchObject({ code: 0, stdout: `wrote ${join(dir, ".repro-audit.yml")}\n` });
    expect(readFileSync(join(dir, ".repro-audit.yml"), "utf8")).toContain("# .repro-audit.yml");
    writeFileSync(join(dir, ".repro-audit.yml"), "failUnder: 70\n");
    const again = runCli(["init", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists. Pass --force to overwrite it, or --stdout to print the template");
    expect(readFileSync(join(dir, ".repro-audit.yml"), "utf8")).toBe("failUnder: 70\n");
    expect(runCli(["init", dir, "--force"]).code).toBe(0);
    expect(readFileSync(join(dir, ".repro-audit.yml"), "utf8")).toContain("# .repro-audit.yml");
    expect(runCli(["init", "--stdout"]).stdout).toContain("# failUnder: 70");
  });

  it("init never writes through a link", () => {
    const dir = temp("cli-init-link-");
    const elsewhere = join(temp("cli-init-target-"), "victim");
    writeFileSync(elsewhere, "keep\n");
    symlinkSync(elsewhere, join(dir, ".repro-audit.yml"));
    const result = runCli(["init", dir, "--force"]);
    expect(result.code).toBe(2);
    expect(readFileSync(elsewhere, "utf8")).toBe("keep\n");
  });

  it("cache clean removes cached clones and build folders, and nothing else", () => {
    const cache = temp("cli-cache-");
    const repos = join(cache, "repro-audit", "repos");
    const builds = join(cache, "repro-audit", "builds");
    mkdirSync(join(repos, "0123456789abcdef0123"), { recursive: true });
    writeFileSync(join(repos, "0123456789abcdef0123", "x"), "12345");
    mkdirSync(join(repos, "my-notes"), { recursive: true });
    mkdirSync(join(builds, "0123456789ab-working-tree"), { recursive: true });
    const result = runCli(["cache", "clean"], { XDG_CACHE_HOME: cache });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`removed 1 cached clone(s) from ${repos}`);
    expect(result.stdout).toContain(`removed 1 build folder(s) from ${builds}`);
    expect(existsSync(join(repos, "0123456789abcdef0123"))).toBe(false);
    expect(existsSync(join(repos, "my-notes"))).toBe(true);
    expect(existsSync(join(builds, "0123456789ab-working-tree"))).toBe(false);
  });

  it("--help names --version and every command, and --version answers", () => {
    const help = runCli(["--help"]);
    for (const word of ["--version", "audit", "report", "rules list", "init", "cache clean"])
      expect(help.stdout).toContain(word);
    expect(runCli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
