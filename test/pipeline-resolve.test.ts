// The resolve stage of a whole audit: a real git repo with branches, a real local index and the real uv.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules } from "../src/evaluate/load-rules.js";
import { audit } from "../src/pipeline.js";
import { startLocalIndex, type LocalIndex } from "./support/package-index.js";

let index: LocalIndex;
let dir: string;
let repo: string;

/** A solution whose README installs four specs: one that installs, three that cannot. */
const FILES: Record<string, string> = {
  "README.md": [
    "# Solution",
    "",
    "```bash",
    "pip install -r requirements.txt",
    "pip install -r requirements-extra.txt",
    "pip install -r requirements-vision.txt",
    "pip install -r requirements-pinned.txt",
    "python train.py",
    "```",
    "",
  ].join("\n"),
  "requirements.txt": "alpha==1.0\n",
  "requirements-extra.txt": "alpha==1.0\njson\n",
  "requirements-vision.txt": "torchvisson==0.9.2\n",
  "requirements-pinned.txt": "alpha==9.9\n",
  "train.py": "import json\nimport alpha\nprint(json.dumps(alpha.__version__))\n",
};

beforeAll(async () => {
  index = await startLocalIndex([
    { name: "alpha", version: "1.0" },
    { name: "alpha", version: "2.0" },
    { name: "torchvision", version: "0.9.1" },
  ]);
  dir = mkdtempSync(join(tmpdir(), "repro-audit-pipeline-resolve-"));
  repo = join(dir, "repo");
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(repo, path, ".."), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" };
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { env });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "solution");
  git("checkout", "-q", "-b", "experiments");
  writeFileSync(join(repo, "notes.md"), "tried a larger model\n");
  git("add", "-A");
  git("commit", "-q", "-m", "notes");
  git("checkout", "-q", "main");
});

afterAll(async () => {
  await index?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("audit --stages static,resolve", () => {
  it("names each spec that cannot install, at the severity and blocking power its first-look figures allow, with no engine", async () => {
    // Written as an error that blocks install; the first-look gate may hold it to a friction warning or a note
    // (the loaded rule carries the severity the gate leaves it).
    const rule = loadRules([builtinRulesDir()]).find((r) => r.id === "requirements-specs-resolve")!;
    const held = rule.heldBack !== undefined;
    const { report } = await audit({
      source: repo,
      stages: ["static", "resolve"],
      indexUrl: index.url,
      cacheDir: join(dir, "cache"),
    });
    expect(report.stages.resolve).toMatchObject({ status: "ran" });
    expect(report.stages.build).toMatchObject({ status: "skipped", reason: "not asked for (--stages)" });
    const failing = report.findings.filter((f) => f.rule === "requirements-specs-resolve");
    expect(failing.map((f) => [f.file, f.severity]).sort()).toEqual([
      ["requirements-extra.txt", rule.severity],
      ["requirements-pinned.txt", rule.severity],
      ["requirements-vision.txt", rule.severity],
    ]);
    expect(held ? rule.heldBack : rule).toMatchObject({ severity: "error" });
    expect(report.findings.some((f) => f.rule === "requirements-specs-resolve" && f.file === "requirements.txt")).toBe(
      false,
    );
    expect(Object.fromEntries(failing.map((f) => [f.file, f.values.cause]))).toEqual({
      "requirements-extra.txt": "json is part of Python's standard library: remove it",
      "requirements-vision.txt": "the index has no project named torchvisson; did you mean torchvision?",
      "requirements-pinned.txt": "the index has no version 9.9 of alpha; the nearest it has: 2.0, 1.0",
    });
    expect(report.score.categories.requirements.blocked).toBe(!held);
    expect(index.requests).toContain("/simple/alpha/");
  });

  it("--stages static stays offline: the index is never asked and installability is not assessed", async () => {
    const before = index.requests.length;
    const { report } = await audit({
      source: repo,
      stages: ["static"],
      indexUrl: index.url,
      cacheDir: join(dir, "cache"),
    });
    expect(index.requests.length).toBe(before);
    expect(report.stages.resolve).toEqual({ status: "skipped", reason: "not asked for (--stages)" });
    expect(report.findings.some((f) => f.rule === "requirements-specs-resolve")).toBe(false);
    expect(report.rules.find((r) => r.rule === "requirements-specs-resolve")?.outcome).toBe("not-assessed");
  });

  it("a budget spent before the first call: the report says what was not judged, and blames the repo for nothing", async () => {
    const before = index.requests.length;
    const { report } = await audit({
      source: repo,
      stages: ["static", "resolve"],
      indexUrl: index.url,
      resolveBudgetSeconds: 0.001,
      cacheDir: join(dir, "cache"),
    });
    expect(index.requests.length).toBe(before);
    expect(report.stages.resolve).toMatchObject({ status: "skipped" });
    expect(report.stages.resolve!.reason).toMatch(
      /^no spec could be judged: requirements[-\w]*\.txt: the resolve budget \(0\.001 s\) ran out; /,
    );
    expect(report.findings.some((f) => f.rule === "requirements-specs-resolve")).toBe(false);
    expect(report.rules.find((r) => r.rule === "requirements-specs-resolve")?.outcome).toBe("not-assessed");
  });
});
