// The hostile corpus of bounds: numbers from the repo that count things (epochs, folds, images) far out of
// range or not whole, a repo config setting what only the user may set, extreme leaderboard numbers,
// pathological lines for the regexes over repo text, a huge undefined name. Each case is a real git repo
// (with a branch) made here from the train-torch sample, audited by the real bin (`--stages static`), and
// must end with a report (exit 0) that says what it did not believe; the trusted leaderboard file's bad
// numbers are one line of bad input (exit 2).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { sampleDir } from "../support/sample-repo.js";
import { writeLeaderboard } from "../support/leaderboard.js";
import { commitAll, git } from "../clone/git-fixture.js";

const work = mkdtempSync(join(tmpdir(), "ra-bounds-"));
const home = join(work, "home");
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finding {
  rule: string;
  message: string;
  values?: Record<string, unknown>;
  locations?: Array<{ file?: string | null; line?: number | null }>;
}
interface Factor {
  name: string;
  value: unknown;
  origin: string;
  source: string;
}
interface Report {
  findings: Finding[];
  notes: string[];
  carbon?: {
    plan?: { epochs: { value: number; origin: string; source: string } };
    prediction?: { total: { co2g: number }; factors: Factor[] } | null;
  };
}
interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The bin, with a temp HOME and a hang guard: a case that still runs after `limitMs` is killed and fails. */
function run(args: string[], limitMs = 170_000): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1", CI: "1", HOME: home, XDG_CACHE_HOME: join(home, ".cache") },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: limitMs,
      // A process stuck in a regex never runs its SIGTERM handler.
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** A static audit's JSON report; a run that ends without one fails with its stderr. */
async function audit(root: string, limitMs?: number): Promise<{ run: Run; report: Report }> {
  const r = await run(
    ["audit", root, "--stages", "static", "--format", "json", "--cache-dir", join(work, "cache")],
    limitMs,
  );
  expect(r.code, `exit ${r.code} after ${r.seconds.toFixed(1)} s: ${r.stderr.slice(0, 400)}`).toBe(0);
  return { run: r, report: JSON.parse(r.stdout) as Report };
}

/** The train-torch sample as a git repo with a second branch, plus the hostile files. */
function repo(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  cpSync(join(sampleDir("train-torch"), "repo"), root, { recursive: true });
  git(root, "init", "-q");
  commitAll(root, "solution");
  git(root, "branch", "baseline");
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  commitAll(root, "hostile");
  return root;
}

const trainPy = () => readFileSync(join(sampleDir("train-torch"), "repo", "train.py"), "utf8");
const findings = (report: Report, rule: string) => report.findings.filter((f) => f.rule === rule);

describe("hostile-bounds corpus: what the repo's config may set", () => {
  it("a repo config's train.datasetSize is ignored with a note, never labelled as the user's flag", async () => {
    const root = repo("dataset-size", { ".repro-audit.yml": "train:\n  datasetSize: 1\n" });
    const { report } = await audit(root);
    const images = report.carbon!.prediction!.factors.find((f) => f.name === "images per epoch")!;
    expect(images.source).not.toContain("--dataset-size");
    expect(images.value).not.toBe(1);
    expect(report.notes.join("\n")).toContain("sets train.datasetSize: ignored");
  });
});

describe("hostile-bounds corpus: counts from the repo", () => {
  const bounded = async (name: string, files: Record<string, string>) => {
    const { report } = await audit(repo(name, files));
    const plan = report.carbon!.plan!;
    expect(Number.isInteger(plan.epochs.value)).toBe(true);
    expect(plan.epochs.value).toBeLessThanOrEqual(10_000);
    expect(plan.epochs.value).toBeGreaterThanOrEqual(1);
    expect(report.carbon!.prediction!.total.co2g).toBeGreaterThan(0);
    return report;
  };

  it("epochs: 1e308 in the repo's .repro-audit.yml: a finding on the config, a report", async () => {
    const report = await bounded("epochs-repo-config", { ".repro-audit.yml": "train:\n  epochs: 1e308\n" });
    expect(
      findings(report, "execution-config-valid")
        .map((f) => f.message)
        .join("\n"),
    ).toMatch(/train\/epochs.*10000/);
  });

  it("an argparse default of --epochs 1e308: a finding on the line, a report", async () => {
    const report = await bounded("epochs-argparse-huge", {
      "train.py": trainPy().replace('"--epochs", type=int, default=3', '"--epochs", type=int, default=1e308'),
    });
    const found = findings(report, "code-counts-plausible");
    expect(found.map((f) => f.locations?.[0]?.file)).toContain("train.py");
  });

  it("an argparse default of --epochs 1e-300 forges no 0 g CO2", async () => {
    const report = await bounded("epochs-argparse-tiny", {
      "train.py": trainPy().replace('"--epochs", type=int, default=3', '"--epochs", type=float, default=1e-300'),
    });
    expect(findings(report, "code-counts-plausible").map((f) => f.locations?.[0]?.file)).toContain("train.py");
  });

  it("epochs: 1e308 in a YAML config the training loads: a finding, a report", async () => {
    const report = await bounded("epochs-yaml", { "config.yaml": "epochs: 1e308\nbatch_size: 1e308\n" });
    expect(findings(report, "code-counts-plausible").map((f) => f.locations?.[0]?.file)).toContain("config.yaml");
  });

  it("a batch with such a repo among others still writes batch.json", async () => {
    const hostile = repo("epochs-batch", {
      ".repro-audit.yml": "train:\n  epochs: 1e308\n",
      "config.yaml": "epochs: 1e308\n",
    });
    const out = join(work, "batch-out");
    const board = writeLeaderboard(join(work, "board"), [
      { name: "hostile", repo: hostile },
      { name: "plain", repo: repo("plain", { "NOTES.md": "plain\n" }) },
    ]);
    const r = await run([
      "batch",
      board,
      "--stages",
      "static",
      "--concurrency",
      "1",
      "--out",
      out,
      "--cache-dir",
      join(work, "cache"),
    ]);
    expect(r.code, r.stderr.slice(0, 400)).toBe(0);
    expect(existsSync(join(out, "batch.json"))).toBe(true);
  });
});

describe("hostile-bounds corpus: extreme numbers in the trusted leaderboard file", () => {
  for (const [field, value] of [
    ["entries", "1e308"],
    ["entries", "-5"],
    ["rank", "1e308"],
    ["privateScore", "1e308"],
    ["publicScore", "-1e308"],
    ["co2g", "1e308"],
  ] as const) {
    it(`${field}: ${value} is one line of bad input naming the row and field (exit 2)`, async () => {
      const dir = join(work, `board-${field}-${value}`);
      const file = writeLeaderboard(dir, [
        { name: "a", co2g: 10 },
        { name: "b", co2g: 12 },
      ]);
      const text = readFileSync(file, "utf8").replace(new RegExp(`(\\n  (?:- |  )${field}: )[^\\n]+`), `$1${value}`);
      writeFileSync(file, text);
      const r = await run([
        "batch",
        file,
        "--stages",
        "static",
        "--out",
        join(dir, "out"),
        "--cache-dir",
        join(work, "cache"),
      ]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`/teams/0/${field}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe("hostile-bounds corpus: pathological lines for the regexes over repo text", () => {
  // Hang guards, not speed targets: each case took from 20 s to hours before its regexes were made linear.
  const GUARD_MS = 60_000;
  const line = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const cases: Array<[string, Record<string, string>]> = [
    [
      "a README with one 200 KB line of letters (the Dockerfile and script names in prose)",
      { "README.md": `# Solution\n\n${line("a", 200_000)}\n` },
    ],
    ["a README with one 200 KB line of path characters", { "README.md": `# Solution\n\n${line("a/b.c-", 200_000)}\n` }],
    ["a README with one 200 KB line of unclosed links", { "README.md": `# Solution\n\n${line("](", 200_000)}\n` }],
    [
      "a README with one 200 KB line of unclosed reStructuredText links",
      { "README.md": `# Solution\n\n${line("`<", 200_000)}\n` },
    ],
    ["a .sh with a 160 KB run of spaces", { "run.sh": `python train.py${line(" ", 160_000)}x\n` }],
    [
      "a README code block with a 160 KB run of spaces",
      { "README.md": `# Solution\n\n\`\`\`\npython train.py${line(" ", 160_000)}x\n\`\`\`\n` },
    ],
  ];
  for (const [what, files] of cases) {
    it(`${what}: a report within the hang guard`, async () => {
      const { run: r } = await audit(repo(`line-${cases.findIndex((c) => c[0] === what)}`, files), GUARD_MS);
      console.log(`${what}: ${r.seconds.toFixed(1)} s`);
    });
  }
});

describe("hostile-bounds corpus: huge tokens", () => {
  it("a 1.5 MB undefined name is quoted by its start, not copied into the report", async () => {
    const name = `x${"y".repeat(1_500_000)}`;
    const { run: r, report } = await audit(repo("huge-name", { "huge.py": `def main():\n    return ${name}\n` }));
    const quoted = report.findings.filter((f) => f.rule === "code-names-defined");
    expect(quoted.length).toBeGreaterThan(0);
    expect(r.stdout.length).toBeLessThan(200_000);
  });
});
