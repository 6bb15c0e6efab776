// The Action run as the runner runs it: action.yml's audit step (dist/ built by the global setup) with INPUT_*
// variables, GITHUB_WORKSPACE, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY on real files, on sample repos made git repos.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding, Report } from "../../src/index.js";
import { badgeColor } from "../../src/action/badge.js";
import { OUTPUT_NAMES } from "../../src/action/outputs.js";
import { runAction, type ActionRun } from "../support/action-runner.js";
import { runCli } from "../support/cli.js";
import { makeSampleRepo, sampleDir } from "../support/sample-repo.js";
import { sarifSchemaValidator } from "../support/sarif-schema.js";
import { commandsIn } from "../support/workflow-commands.js";

const OWN = { GITHUB_REPOSITORY: "team/solution" };
const PUSH = { name: "push", payload: { ref: "refs/heads/main", repository: { full_name: "team/solution" } } };
const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Sample", "-c", "user.email=sample@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  );

/** A sample as a git repo cloned from github.com/team/solution, as actions/checkout leaves it. */
function checkout(sample: string): string {
  const repo = makeSampleRepo(sample);
  git(repo, "remote", "add", "origin", "https://github.com/team/solution");
  return repo;
}

/** Repos made by repoOf, removed when the file's tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A git repo of the given files, origin github.com/team/solution. */
function repoOf(files: Record<string, string>): string {
  const repo = mkdtempSync(join(tmpdir(), "action-repo-"));
  made.push(repo);
  git(repo, "init", "-q", "-b", "main");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, ".."), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "solution");
  git(repo, "remote", "add", "origin", "https://github.com/team/solution");
  return repo;
}

function audit(
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = OWN,
  event: { name: string; payload: unknown } = PUSH,
): ActionRun {
  return runAction({ workspace, with: inputs, env, event, skip: ["install"] });
}

const jsonReport = (run: ActionRun): Report => JSON.parse(readFileSync(run.outputs["report-path"]!, "utf8")) as Report;
const bySeverity = (report: Report, severity: string) => report.findings.filter((f) => f.severity === severity);

/** "1 error", "2 errors": how the summary counts. */
const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

describe("the Action on messy-kaggle, no threshold", () => {
  let run: ActionRun;
  let report: Report;
  beforeAll(() => {
    run = audit(checkout("messy-kaggle"), { "fail-on": "never" });
    report = jsonReport(run);
  });

  it("exits 0 and writes every declared output once, in the multi-line-safe format", () => {
    expect(run.code, run.audit?.stderr).toBe(0);
    const file = run.audit!.outputFile;
    for (const name of OUTPUT_NAMES)
      expect(file.match(new RegExp(`^${name}<<(ghadelimiter_[0-9a-f-]{36})$`, "gm")), name).toHaveLength(1);
    expect(Object.keys(run.audit!.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.outputs.score).toBe(String(report.score.total));
    expect(report.score.total).not.toBeNull();
    // A static audit of a training it can read: the estimate from the code is the training's cost.
    expect(report.carbon?.prediction?.basis).toBe("estimated");
    expect(run.outputs["co2-basis"]).toBe("estimated");
    expect(Number(run.outputs["co2-g"])).toBeCloseTo(report.carbon!.prediction!.total.co2g, 0);
    for (const name of ["report-path", "sarif-path", "badge-path"])
      expect(existsSync(run.outputs[name]!), name).toBe(true);
  });

  it("annotates errors first, at most 10 of each kind, each on its finding's file and line", () => {
    const commands = commandsIn(run.audit!.stdout);
    const levels = commands.map((c) => c.level);
    const errors = bySeverity(report, "error");
    const warnings = bySeverity(report, "warning");
    expect(levels).toEqual([
      ...Array(Math.min(10, errors.length)).fill("error"),
      ...Array(Math.min(10, warnings.length)).fill("warning"),
    ]);
    // Every annotation is one of the report's findings, said with its rule's title.
    const code = (f: Finding) => `${f.file ?? ""}|${f.cell === undefined && f.line !== null ? f.line : ""}|${f.rule}`;
    const reported = new Set(report.findings.map(code));
    for (const c of commands) {
      const rule = c.properties.title!.split(":")[0]!;
      expect(reported.has(`${c.properties.file ?? ""}|${c.properties.line ?? ""}|${rule}`), c.raw).toBe(true);
    }
    // A warning on a line: its file, line, rule and title as properties, its message as the data.
    const warning = report.findings.find((f) => f.severity === "warning" && f.file === "train.py" && f.line !== null)!;
    const title = report.rules.find((r) => r.rule === warning.rule)!.title;
    const annotated = commands.find(
      (c) => c.properties.file === "train.py" && c.properties.line === String(warning.line),
    )!;
    expect(annotated.raw).toBe(
      `::warning file=train.py,line=${warning.line},title=${warning.rule}%3A ${title.replace(/:/g, "%3A").replace(/,/g, "%2C")}::${warning.message.replace(/%/g, "%25")}`,
    );
    // A finding about the whole repository has no file.
    expect(
      commands.some(
        (c) => c.properties.file === undefined && c.properties.title!.startsWith("requirements-spec-present"),
      ),
    ).toBe(true);
  });

  it("writes the Markdown report and what was annotated", () => {
    const summary = run.audit!.summary;
    expect(summary).toContain(`## repro-audit: ${report.score.total}/100`);
    expect(summary).toContain("### Score\n\n| Area | Points |");
    expect(summary).toContain(
      `- Annotations: ${counted(Math.min(10, bySeverity(report, "error").length), "error")} and ${counted(Math.min(10, bySeverity(report, "warning").length), "warning")} on their lines.`,
    );
    expect(summary).toContain("- Repository trusted: the audited folder is team/solution");
    expect(summary).not.toContain("repro-audit failed");
  });

  it("writes SARIF 2.1.0 with one result per finding, on files that exist", () => {
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-path"]!, "utf8"));
    const validate = sarifSchemaValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.map((r) => r.ruleId)).toEqual(report.findings.map((f) => f.rule));
    const workspace = report.repo.url;
    for (const [i, f] of report.findings.entries()) {
      if (f.file !== null)
        expect(
          existsSync(
            join(workspace, decodeURIComponent(results[i]!.locations[0]!.physicalLocation.artifactLocation.uri)),
          ),
        ).toBe(true);
    }
  });

  it("writes a shields.io endpoint badge of the score", () => {
    const badge = JSON.parse(readFileSync(run.outputs["badge-path"]!, "utf8"));
    expect(badge).toEqual({
      schemaVersion: 1,
      label: "repro-audit",
      message: `${report.score.total}/100`,
      color: badgeColor(report.score.total),
    });
  });
});

describe("fail-under and fail-on", () => {
  let repo: string;
  let score: number;
  let errors: number;
  beforeAll(() => {
    repo = checkout("messy-kaggle");
    const report = jsonReport(audit(repo));
    score = report.score.total!;
    errors = bySeverity(report, "error").length;
  });

  it("fails on an error by default (fail-on error), the reason at the top of the summary", () => {
    const run = audit(repo);
    expect(run.code).toBe(1);
    expect(
      run.audit!.summary.startsWith(
        `**repro-audit failed:** ${counted(errors, "error")}: fail-on error (the Action's default) fails.\n`,
      ),
    ).toBe(true);
    expect(audit(repo, { "fail-on": "never" }).code).toBe(0);
  });

  it("exits 1 below the threshold, the reason at the top of the summary, the outputs still written", () => {
    const run = audit(repo, { "fail-under": String(score + 1), "fail-on": "never" });
    expect(run.code).toBe(1);
    expect(run.outputs.score).toBe(String(score));
    expect(
      run.audit!.summary.startsWith(
        `**repro-audit failed:** the score ${score}/100 is below fail-under ${score + 1} (input fail-under).\n`,
      ),
    ).toBe(true);
    expect(run.audit!.stdout).toContain(
      `\n::error title=repro-audit::the score ${score}/100 is below fail-under ${score + 1} (input fail-under)\n`,
    );
    expect(Object.keys(run.audit!.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it("exits 0 at the threshold and says it passed", () => {
    const run = audit(repo, { "fail-under": String(score), "fail-on": "never" });
    expect(run.code).toBe(0);
    expect(run.audit!.summary).toContain(
      `- Passed: the score ${score}/100 meets fail-under ${score} (input fail-under).`,
    );
    expect(run.audit!.summary).not.toContain("repro-audit failed");
  });

  it("takes failUnder from the user's config when the input is empty", () => {
    const config = join(mkdtempSync(join(tmpdir(), "action-config-")), "ci.yml");
    writeFileSync(config, `failUnder: ${score + 1}\nfailOn: never\n`);
    const run = audit(repo, { config });
    expect(run.code).toBe(1);
    expect(run.audit!.summary).toContain(`is below fail-under ${score + 1} (${config} failUnder)`);
    expect(run.audit!.summary).not.toContain("fail-on");
  });
});

describe("bad input", () => {
  let repo: string;
  beforeAll(() => {
    repo = checkout("clean-solution");
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    [
      "stages",
      { stages: "static,train" },
      "::error title=repro-audit::input 'stages' takes a comma list of static, resolve, build, epoch, not 'static,train'. Set e.g. stages: static, stages: static,resolve, or stages: static,build,epoch",
    ],
    [
      "fail-under",
      { "fail-under": "seventy" },
      "::error title=repro-audit::input 'fail-under' takes a number from 0 to 100, not 'seventy'. Set e.g. fail-under: 70, or leave it out",
    ],
    [
      "runtime",
      { runtime: "vm" },
      "::error title=repro-audit::input 'runtime' takes container or host, not 'vm'. Set runtime: container (host runs the repo's code on the runner)",
    ],
    [
      "region",
      { region: "France" },
      "::error title=repro-audit::input 'region' takes a two-letter country code, not 'France'. Set e.g. region: FR, or leave it out for the world average",
    ],
    [
      "format",
      { format: "html" },
      "::error title=repro-audit::input 'format' takes one of text, json, md, sarif, not 'html'. Set e.g. format: json",
    ],
    [
      "max-warnings",
      { "max-warnings": "-1" },
      "::error title=repro-audit::input 'max-warnings' takes a whole number 0 or more, not '-1'. Set e.g. max-warnings: 0, or leave it out",
    ],
  ];
  for (const [name, inputs, line] of cases) {
    it(`${name}: one ::error line, exit 2, the reason in the summary, every output written empty`, () => {
      const run = audit(repo, inputs);
      expect(run.code).toBe(2);
      expect(run.audit!.stdout).toBe(`${line}\n`);
      expect(run.audit!.stderr).toBe("");
      expect(run.audit!.outputs).toEqual({
        ...Object.fromEntries(OUTPUT_NAMES.map((n) => [n, ""])),
        "co2-basis": "none",
      });
      expect(run.audit!.summary).toBe(`**repro-audit failed:** ${line.slice("::error title=repro-audit::".length)}\n`);
    });
  }

  it("a path that does not exist, a baseline that is no report: each one line naming the input", () => {
    const missing = audit(repo, { path: "no-such-folder" });
    expect(missing.code).toBe(2);
    expect(missing.audit!.stdout).toBe(
      `::error title=repro-audit::input 'path' names ${join(repo, "no-such-folder")}, which does not exist. Set path: to a folder of the checked-out repository (default: the workspace)\n`,
    );
    expect(missing.audit!.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    const notReport = join(mkdtempSync(join(tmpdir(), "action-baseline-")), "old.json");
    writeFileSync(notReport, JSON.stringify({ findings: [] }));
    const baseline = audit(repo, { baseline: notReport });
    expect(baseline.code).toBe(2);
    // The CLI's reader: the report validated whole (action-dist/ carries it once rebuilt).
    expect(baseline.audit!.stdout).toMatch(
      /^::error title=repro-audit::input 'baseline' \S+ is not a valid report: \/.*\. Pass a JSON report saved by this version of repro-audit \(format json\)\n$/,
    );
  });

  it("a sarif-file whose folder cannot be made: one line naming the input", () => {
    const run = audit(repo, { "sarif-file": "README.md/out.sarif" });
    expect(run.code).toBe(2);
    expect(run.audit!.stdout).toBe(
      `::error title=repro-audit::input 'sarif-file' names ${join(repo, "README.md/out.sarif")}, whose folder cannot be written (ENOTDIR). Set sarif-file: to a path in the workspace or $RUNNER_TEMP\n`,
    );
  });

  it("a failure that is no bad input (the summary file cannot be written): one ::error line, exit 3, no stack", () => {
    const folder = mkdtempSync(join(tmpdir(), "action-summary-"));
    const run = audit(repo, {}, { ...OWN, GITHUB_STEP_SUMMARY: folder });
    expect(run.code).toBe(3);
    const lines = run.audit!.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(lines).toEqual([
      `::error title=repro-audit::internal error: EISDIR: illegal operation on a directory, open '${folder}'. Please report it with the job's log.`,
    ]);
    expect(run.audit!.stderr).toBe("");
  });

  it("runtime host on a repository that is not the workflow's own is refused before anything runs", () => {
    const run = audit(repo, { runtime: "host", stages: "static,epoch" }, { GITHUB_REPOSITORY: "host/competition" });
    expect(run.code).toBe(2);
    expect(run.audit!.stdout).toBe(
      "::error title=repro-audit::input 'runtime' is host, but the audited folder is a checkout of another repository, not host/competition: its code would run on the runner. Set runtime: container to audit another team's code\n",
    );
  });
});

describe("a missing container engine", () => {
  it("build asked for with no docker on PATH: ::error naming the input to set, exit 3, summary and outputs written", () => {
    // A real PATH with git and node but no container engine CLI on it.
    const bin = mkdtempSync(join(tmpdir(), "action-path-"));
    try {
      for (const tool of ["git", "node", "bash"])
        symlinkSync(execFileSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim(), join(bin, tool));
      const run = audit(checkout("clean-solution"), { stages: "static,build" }, { ...OWN, PATH: bin });
      expect(run.code).toBe(3);
      const errors = commandsIn(run.audit!.stdout).filter((c) => c.level === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/set the input stages: static/);
      expect(errors[0]!.message).not.toMatch(/--stages/);
      expect(run.audit!.summary.startsWith(`**repro-audit failed:** ${errors[0]!.message}`)).toBe(true);
      expect(Object.keys(run.audit!.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
      expect(run.outputs.score).toBe("");
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe("max-warnings and exclude", () => {
  let repo: string;
  let report: Report;
  beforeAll(() => {
    repo = checkout("messy-kaggle");
    report = jsonReport(audit(repo));
  });

  it("max-warnings: exit 1 with an ::error when more warnings than it count, 0 at the count", () => {
    const warnings = bySeverity(report, "warning").length;
    expect(warnings).toBeGreaterThan(0);
    // fail-on never: the warnings gate alone (messy-kaggle has errors, which the Action's default fails on).
    const over = audit(repo, { "max-warnings": String(warnings - 1), "fail-on": "never" });
    expect(over.code).toBe(1);
    const reason = `${warnings} warnings, more than max-warnings ${warnings - 1} (input max-warnings)`;
    expect(over.audit!.stdout).toContain(`\n::error title=repro-audit::${reason}\n`);
    expect(over.audit!.summary.startsWith(`**repro-audit failed:** ${reason}.\n`)).toBe(true);
    expect(Object.keys(over.audit!.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    const at = audit(repo, { "max-warnings": String(warnings), "fail-on": "never" });
    expect(at.code).toBe(0);
    expect(at.audit!.summary).toContain(
      `- Passed: ${warnings} warnings, within max-warnings ${warnings} (input max-warnings).`,
    );
  });

  it("exclude: files matching its globs (one per line) are left out of the audit", () => {
    const inTrain = report.findings.filter((f) => f.file === "train.py");
    expect(inTrain.length).toBeGreaterThan(0);
    const run = audit(repo, { exclude: "train.py\nnotebooks/**\n", "fail-on": "never" });
    expect(run.code, run.audit?.stdout).toBe(0);
    const files = jsonReport(run).findings.map((f) => f.file);
    expect(files).not.toContain("train.py");
    expect(files.some((f) => f?.startsWith("notebooks/"))).toBe(false);
    expect(jsonReport(run).suppressions?.excluded?.globs).toEqual(["train.py", "notebooks/**"]);
  });
});

describe("text from the audited repo in annotations", () => {
  it("escapes %, comma, colon and newlines so a file name cannot end the command or start its own", () => {
    const evil = "src/a,b:c%d\n::warning title=injected::gotcha.py";
    // No step a stranger can see: every code file may be on the rerun path, so the hostile file's finding is a
    // warning, and annotated.
    const repo = repoOf({
      "README.md": "# x\n",
      "requirements.txt": "numpy==2.1.0\n",
      "train.py": "print('train')\n",
      // Python 2 code: a finding its rule keeps at warning here (no step runs it), located at the evil file.
      [evil]: 'print "x"\n',
    });
    const run = audit(repo, { "fail-on": "never" });
    expect(run.code, run.audit?.stderr).toBe(0);
    const commands = commandsIn(run.audit!.stdout);
    expect(commands.some((c) => c.properties.title === "injected")).toBe(false);
    expect(run.audit!.stdout.split("\n").some((l) => l.startsWith("::warning title=injected"))).toBe(false);
    const annotation = commands.find(
      (c) => c.properties.file === evil && c.properties.title!.startsWith("code-python3-compatible"),
    )!;
    // The message names the file: its %, newline and colons travel as data, escaped as the data must be.
    const message = jsonReport(run).findings.find(
      (f) => f.rule === "code-python3-compatible" && f.file === evil,
    )!.message;
    expect(message).toContain(evil);
    expect(annotation.raw).toBe(
      `::warning file=src/a%2Cb%3Ac%25d%0A%3A%3Awarning title=injected%3A%3Agotcha.py,line=1,title=code-python3-compatible%3A Require the code to be Python 3::${message.replace(/%/g, "%25").replace(/\n/g, "%0A")}`,
    );
    expect(annotation.message).toBe(message);
  });
});

describe("a notebook finding", () => {
  it("names its cell and carries no line of the .ipynb's JSON", () => {
    const cell = (source: string) => ({
      cell_type: "code",
      metadata: {},
      outputs: [],
      execution_count: null,
      source: [source],
    });
    const notebook = {
      cells: [cell("import os\n"), cell('print "x"\n')],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const repo = repoOf({
      "README.md": "# x\n",
      "requirements.txt": "numpy==2.1.0\n",
      "train.ipynb": JSON.stringify(notebook),
    });
    const run = audit(repo, { "fail-on": "never" });
    expect(run.code, run.audit?.stderr).toBe(0);
    const annotation = commandsIn(run.audit!.stdout).find((c) => c.properties.file === "train.ipynb")!;
    expect(annotation.properties.line).toBeUndefined();
    expect(annotation.message).toMatch(/\(cell \d+, line \d+\)/);
  });
});

describe("over the cap", () => {
  it("annotates the first 10 errors, then 10 warnings, and says how many more of each", () => {
    const names = [
      "numpy",
      "pandas",
      "scipy",
      "torch",
      "timm",
      "albumentations",
      "opencv-python",
      "scikit-learn",
      "tqdm",
      "pyyaml",
      "matplotlib",
      "seaborn",
    ];
    // Each imports a module spelled with its .py suffix, which Python 3 cannot import: an error at its line 1
    // (a rule the first-look gate does not hold back, unlike syntax errors).
    const broken = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`mod${i + 1}.py`, "import helper.py\n"]));
    // Twelve lines asking for a project the index holds under another name (an import name): one warning each.
    const misnamed = ["cc3d", "cupyx", "iterstrat", "openslide", "pptx", "pylab", "pywt", "skopt", "umap", "wx"];
    const repo = repoOf({
      "README.md": `# x\n\nPython 3.11.\n\n\`\`\`bash\npip install -r requirements.txt\n${Array.from({ length: 12 }, (_, i) => `python train.py --fold ${i}\n`).join("")}python predict.py\n\`\`\`\n`,
      ".python-version": "3.11\n",
      "requirements.txt": `${[...names, ...misnamed, "pkg-resources", "mpl-toolkits"].join("\n")}\n`,
      // The broken modules it imports are on the rerun path: an error each.
      "train.py": `import argparse\nimport numpy, pandas, scipy, torch, timm, albumentations, cv2, sklearn, tqdm, yaml, matplotlib, seaborn\nimport ${Object.keys(
        broken,
      )
        .map((f) => f.replace(".py", ""))
        .join(", ")}\np = argparse.ArgumentParser()\np.add_argument("--fold", type=int)\nargs = p.parse_args()\n`,
      "predict.py": "print('predict')\n",
      "helper.py": "X = 1\n",
      ...broken,
    });
    // fail-on never: the annotations alone, without the gate's own ::error line.
    const run = audit(repo, { "fail-on": "never" });
    const report = jsonReport(run);
    const commands = commandsIn(run.audit!.stdout);
    const errors = commands.filter((c) => c.level === "error");
    // Errors of one rule in file order; mod8.py and mod9.py are the two left out.
    expect(errors.map((c) => `${c.properties.file}:${c.properties.line}`)).toEqual(
      ["mod1", "mod10", "mod11", "mod12", "mod2", "mod3", "mod4", "mod5", "mod6", "mod7"].map((m) => `${m}.py:1`),
    );
    expect(bySeverity(report, "error")).toHaveLength(12);
    const warnings = bySeverity(report, "warning").length;
    expect(warnings).toBeGreaterThan(10);
    expect(commands.map((c) => c.level)).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning")]);
    const more = warnings - 10;
    expect(run.audit!.summary).toContain(
      `- 2 more errors and ${more} more warning${more === 1 ? "" : "s"} (GitHub shows 10 of each kind per step) are in the SARIF file \`${run.outputs["sarif-path"]}\``,
    );
  });
});

describe("a solution in a subfolder of the workspace", () => {
  it("puts annotations and SARIF paths under the subfolder", () => {
    const workspace = repoOf({ "README.md": "# competition entries\n" });
    cpSync(join(sampleDir("messy-kaggle"), "repo"), join(workspace, "entries", "team a"), { recursive: true });
    git(workspace, "add", "-A");
    git(workspace, "commit", "-qm", "entry");
    const run = audit(workspace, { path: "entries/team a", "fail-on": "never" });
    expect(run.code, run.audit?.stderr).toBe(0);
    const files = commandsIn(run.audit!.stdout)
      .map((c) => c.properties.file)
      .filter((f): f is string => f !== undefined);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.startsWith("entries/team a/")).toBe(true);
      expect(existsSync(join(workspace, file)), file).toBe(true);
    }
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-path"]!, "utf8"));
    const uris = (
      sarif.runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>
    ).map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain("entries/team%20a/train.py");
    for (const uri of uris) expect(existsSync(join(workspace, decodeURIComponent(uri))), uri).toBe(true);
  });
});

describe("trust", () => {
  const files = {
    "README.md": "# x\n\n```bash\npip install -r requirements.txt\npython train.py\npython predict.py\n```\n",
    "requirements.txt": "numpy==2.1.0\n",
    "train.py": "print('train')\n",
    "predict.py": "print('predict')\n",
    ".repro-audit.yml": "disable: [requirements-python-stated]\n",
  };
  const rulesOf = (run: ActionRun) => jsonReport(run).findings.map((f) => f.rule);

  it("the workflow's own repository: its .repro-audit.yml counts", () => {
    const run = audit(repoOf(files));
    expect(rulesOf(run)).not.toContain("requirements-python-stated");
    expect(run.audit!.summary).toContain(
      "- Repository trusted: the audited folder is team/solution, the repository this workflow runs in",
    );
  });

  it("another repository checked out: its config may not quiet its own audit", () => {
    const run = audit(repoOf(files), {}, { GITHUB_REPOSITORY: "host/competition" });
    expect(rulesOf(run)).toContain("requirements-python-stated");
    expect(run.audit!.summary).toContain(
      "- Repository not trusted: the audited folder is a checkout of another repository, not host/competition",
    );
  });

  it("a pull request from a fork: not trusted, though the checkout's origin is the workflow's repository", () => {
    const event = {
      name: "pull_request",
      payload: {
        pull_request: {
          head: { repo: { full_name: "stranger/solution" } },
          base: { repo: { full_name: "team/solution" } },
        },
      },
    };
    const run = audit(repoOf(files), {}, OWN, event);
    expect(rulesOf(run)).toContain("requirements-python-stated");
    expect(run.audit!.summary).toContain(
      "- Repository not trusted: the event names stranger/solution as the code's head repository, not team/solution",
    );
  });

  it("a plain folder inside the workflow's checkout: not trusted, and runtime host is refused before its code runs", () => {
    const workspace = repoOf({ "README.md": "# competition entries\n" });
    const entry = join(workspace, "entries", "stranger");
    mkdirSync(entry, { recursive: true });
    const marker = join(workspace, "ran-on-the-runner");
    writeFileSync(join(entry, "train.py"), `open(${JSON.stringify(marker)}, "w").write("x")\n`);
    writeFileSync(join(entry, "README.md"), "# x\n\n```bash\npython train.py\n```\n");
    const run = audit(workspace, { path: "entries/stranger", runtime: "host", stages: "static,epoch" });
    expect(run.code).toBe(2);
    expect(run.audit!.stdout).toBe(
      `::error title=repro-audit::input 'runtime' is host, but the audited folder is not the top level of a git repository of its own (git finds ${realpathSync(workspace)}): its code would run on the runner. Set runtime: container to audit another team's code\n`,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it("a subfolder of the workflow's checkout keeps its git: the report names the folder, branches seen from it", () => {
    const workspace = repoOf({
      "README.md": "# entries\n",
      "entries/team/README.md": "# x\n\n```bash\npython train.py\n```\n",
      "entries/team/train.py": "print('t')\n",
    });
    git(workspace, "checkout", "-q", "-b", "draft");
    writeFileSync(join(workspace, "entries", "team", "broken.py"), "def f(:\n");
    git(workspace, "add", "-A");
    git(workspace, "commit", "-qm", "draft");
    git(workspace, "checkout", "-q", "main");
    const report = jsonReport(audit(workspace, { path: "entries/team", "fail-on": "never" }));
    expect(report.repo).toMatchObject({ kind: "git", subfolder: "entries/team", ref: "main" });
    expect(report.repo.branches.map((b) => b.name).sort()).toEqual(["draft", "main"]);
    const branchFinding = report.findings.find((f) => f.rule === "branches-files-parse");
    expect(branchFinding?.message).toContain("broken.py");
    expect(branchFinding?.message).not.toContain("entries/team/broken.py");
  });

  it("an issue comment on the workflow's own checkout: not trusted, runtime host refused", () => {
    const comment = {
      name: "issue_comment",
      payload: {
        issue: { number: 7, pull_request: { url: "https://api.github.com/repos/team/solution/pulls/7" } },
        comment: { body: "/audit" },
      },
    };
    const run = audit(repoOf(files), { runtime: "host", stages: "static,epoch" }, OWN, comment);
    expect(run.code).toBe(2);
    expect(run.audit!.stdout).toContain("a issue_comment event may run a stranger's code");
  });
});

describe("baseline", () => {
  it("known findings are neither annotated nor counted toward fail-under; a new one is, and SARIF says which", () => {
    const repo = checkout("messy-kaggle");
    const first = audit(repo);
    const saved = join(mkdtempSync(join(tmpdir(), "action-baseline-")), "baseline.json");
    cpSync(first.outputs["report-path"]!, saved);

    // Nothing new: the gate's score is the whole score plus what the baseline accepted (100), and no error is new.
    const total = jsonReport(first).score.total!;
    const threshold = String(total + 1);
    const same = audit(repo, { baseline: saved, "fail-under": threshold });
    expect(audit(repo, { "fail-under": threshold, "fail-on": "never" }).code).toBe(1);
    expect(same.code).toBe(0);
    expect(commandsIn(same.audit!.stdout)).toEqual([]);
    const known = jsonReport(first).findings.length;
    expect(same.audit!.summary).toContain(
      `- Baseline \`baseline.json\`: ${known} findings already known, neither annotated nor counted by the gates; the gate's score 100/100.`,
    );
    expect(same.audit!.summary).toContain(
      `- Passed: the gate's score 100/100 (the score ${total}/100 plus ${100 - total} points the baseline accepted) meets fail-under ${threshold} (input fail-under).`,
    );
    expect(same.audit!.summary).toContain(
      "- Passed: 0 errors new since the baseline: fail-on error (the Action's default) passes.",
    );

    // The known findings move down a line; one new problem in a new file: only it is new.
    const train = join(repo, "train.py");
    writeFileSync(train, `# moved\n${readFileSync(train, "utf8")}`);
    // A new error: an import Python 3 cannot make, in setup.py, which a stranger's install runs whatever the rerun
    // plan says (machine paths are warnings while their rule is held back; code the plan may not reach, too).
    writeFileSync(join(repo, "setup.py"), "import helper.py\n");
    writeFileSync(join(repo, "helper.py"), "X = 1\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "more");
    const next = audit(repo, { baseline: saved });
    expect(next.code).toBe(1);
    expect(next.audit!.stdout).toContain(
      "\n::error title=repro-audit::1 error new since the baseline: fail-on error (the Action's default) fails\n",
    );
    const commands = commandsIn(next.audit!.stdout).filter((c) => c.properties.file !== undefined);
    expect(commands.map((c) => [c.level, c.properties.file, c.properties.title?.split(":")[0]])).toEqual([
      ["error", "setup.py", "code-imports-named-as-modules"],
    ]);
    const sarif = JSON.parse(readFileSync(next.outputs["sarif-path"]!, "utf8"));
    expect(sarifSchemaValidator()(sarif)).toBe(true);
    const states = (sarif.runs[0].results as Array<{ baselineState: string; message: { text: string } }>).map((r) => [
      r.baselineState,
      r.message.text,
    ]);
    // setup.py is a spec too: whether the README says how to install it and whether the repo states its Python are
    // now judged (with no spec at all, the missing spec was the one finding), new warnings not annotated above
    // because only the first new error and warnings with a file are.
    // (In the report's order: by severity, so a rule its first look holds to notes comes last.)
    const fresh = states.filter(([s]) => s === "new").map(([, text]) => text);
    expect(fresh).toHaveLength(3);
    expect(fresh).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^`helper.py` names the file helper.py with its .py suffix/),
        expect.stringMatching(/^The README gives no install command/),
        expect.stringMatching(/^The Python version is not stated/),
      ]),
    );
    // With a spec at last, the findings about having none are gone, and "Python not stated" is now said of the spec
    // rather than of the code (a new finding); every other known finding is unchanged.
    const gone = jsonReport(first).findings.filter(
      (f) => f.rule === "requirements-spec-present" || f.rule === "requirements-python-stated",
    ).length;
    expect(states.filter(([s]) => s === "unchanged")).toHaveLength(known - gone);
  });
});

describe("one finishing path: the Action and the CLI on the same repo and baseline", () => {
  const notebook = (cells: Array<["code" | "markdown", string]>) =>
    JSON.stringify({
      cells: cells.map(([kind, source]) =>
        kind === "code"
          ? { cell_type: kind, source: [source], metadata: {}, outputs: [], execution_count: null }
          : { cell_type: kind, source: [source], metadata: {} },
      ),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
  const commit = (repo: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "change");
  };
  /** Exit code and the failing gates' sentences, less the words naming where each gate was set. */
  const actionVerdict = (run: ActionRun) => ({
    code: run.code,
    failed: [...run.audit!.stdout.matchAll(/^::error title=repro-audit::(.*)$/gm)].map((m) =>
      m[1]!.replace(/ \((input [a-z-]+|the Action's default)\)/, ""),
    ),
  });
  const cliVerdict = (args: string[]) => {
    const run = runCli(["audit", ...args, "--stages", "static", "--format", "json"]);
    return {
      code: run.code,
      failed: [...run.stderr.matchAll(/^repro-audit: (.*)$/gm)].map((m) => m[1]!.replace(/ \(--[a-z-]+\)/, "")),
    };
  };

  it("gives the same verdict: a notebook cell that moved is the same finding, a new error fails both", () => {
    const repo = repoOf({
      "README.md": "# solution\n",
      "requirements.txt": "numpy==1.26.4\n",
      "explore.ipynb": notebook([["code", 'OUT = "/home/mary/out"\n']]),
    });
    const saved = join(mkdtempSync(join(tmpdir(), "action-baseline-")), "baseline.json");
    cpSync(audit(repo, { "fail-on": "never" }).outputs["report-path"]!, saved);
    const gates = { baseline: saved, "fail-under": "100", "fail-on": "error" };
    const flags = ["--trust-repo", "--baseline", saved, "--fail-under", "100", "--fail-on", "error"];

    // A cell above it: the machine path's cell index moves, the problem is the same.
    commit(repo, {
      "explore.ipynb": notebook([
        ["markdown", "# notes\n"],
        ["code", 'OUT = "/home/mary/out"\n'],
      ]),
    });
    const moved = actionVerdict(audit(repo, gates));
    expect(moved).toEqual({ code: 0, failed: [] });
    expect(cliVerdict([repo, ...flags])).toEqual(moved);

    // A new setup.py with an import Python 3 cannot make, which every install runs: both fail, for the same reasons.
    commit(repo, { "setup.py": "import helper.py\n", "helper.py": "X = 1\n" });
    const added = actionVerdict(audit(repo, gates));
    expect(added.code).toBe(1);
    expect(added.failed).toContain("1 error new since the baseline: fail-on error fails");
    expect(cliVerdict([repo, ...flags])).toEqual(added);
  });
});

describe("an epoch on the runner (runtime host) for the workflow's own repository", () => {
  it("outputs the measured CO2 of the whole training; the training cannot write the step's outputs or summary", () => {
    // The runner's files are withheld from the audited code, which inherits the environment on the host.
    const meddle = [
      "import os",
      "for name in ('GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV'):",
      "    if os.environ.get(name):",
      "        open(os.environ[name], 'a').write('score<<EOF\\n100\\nEOF\\n')",
      "",
    ].join("\n");
    const repo = repoOf({
      "README.md": "# tiny\n\n## Train\n\n```bash\npython train.py --epochs 3\n```\n",
      "train.py": `${meddle}${readFileSync(new URL("./fixtures/tiny-train.py", import.meta.url), "utf8")}`,
    });
    const run = audit(repo, { stages: "static,epoch", runtime: "host", region: "fr", "fail-on": "never" });
    expect(run.code, run.audit?.stdout).toBe(0);
    const report = jsonReport(run);
    expect(report.stages.epoch.status).toBe("ran");
    const prediction = report.carbon!.prediction!;
    expect(prediction.basis).toBe("measured");
    expect(report.carbon!.assumptions.intensity.region).toBe("FR");
    expect(run.outputs["co2-basis"]).toBe("measured");
    expect(Number(run.outputs["co2-g"])).toBeGreaterThan(0);
    expect(Number(run.outputs["co2-g"])).toBeCloseTo(prediction.total.co2g, 4);
    expect(run.audit!.outputFile.match(/^score<</gm)).toHaveLength(1);
    expect(run.outputs.score).toBe(String(report.score.total));
    expect(run.audit!.summary).not.toContain("score<<EOF");
  });
});
