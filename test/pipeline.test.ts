// The pipeline's trust in the audited repo's own config: it may describe the training, nothing else.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../src/pipeline.js";
import { BASE_IMAGE, requireEngine } from "./support/engine.js";

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "pipeline-"));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const NEVER_MATCHES =
  "id: paths-portable\ntitle: Require nothing\ncategory: paths\nseverity: info\nweight: 0\nreason: A rule that never matches anything.\ncheck: { family: path-literals, where: { kind: nothing } }\nmessage: never\n";

describe("a local git repo audited in place", () => {
  it("leaves out what git does not track, as a stranger's clone would, and says so", async () => {
    const root = folder({ "train.py": "import torch\n", "requirements.txt": "torch==2.1.0\n" });
    const gitIn = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root, stdio: "pipe" });
    gitIn("init", "-q");
    gitIn("add", ".");
    gitIn("commit", "-qm", "solution");
    mkdirSync(join(root, "__pycache__"));
    writeFileSync(join(root, "__pycache__", "train.cpython-311.pyc"), "bytes");
    const { report } = await audit({ source: root, stages: ["static"] });
    expect(report.findings.some((f) => f.rule === "code-build-artefacts-absent")).toBe(false);
    expect(
      report.notes.some((n) => n.startsWith("1 path(s) git does not track were left out") && n.includes("__pycache__")),
    ).toBe(true);
    // Committed, the same bytecode is the repo's and is reported.
    gitIn("add", "-f", "__pycache__");
    gitIn("commit", "-qm", "bytecode");
    const committed = await audit({ source: root, stages: ["static"] });
    expect(committed.report.findings.some((f) => f.rule === "code-build-artefacts-absent")).toBe(true);
  });
});

describe("the audited repo's own .repro-audit.yml", () => {
  it("becomes a finding when invalid, and the audit goes on", async () => {
    const root = folder({ "train.py": "x = '/home/alice/data'\n", ".repro-audit.yml": "train: { epochs: 0 }\n" });
    const { report } = await audit({ source: root, stages: ["static"] });
    expect(report.findings.filter((f) => f.rule === "execution-config-valid").map((f) => f.message)).toEqual([
      ".repro-audit.yml /train/epochs: must be >= 1; nothing in it was used",
    ]);
    expect(report.findings.some((f) => f.rule === "paths-portable")).toBe(true);
  });

  it("cannot replace or disable rules, nor set carbon figures, unless the user trusts the repo", async () => {
    const files = {
      "train.py": "x = '/home/alice/data'\n",
      "my-rules/paths-portable.yaml": NEVER_MATCHES,
      ".repro-audit.yml":
        "rules: [my-rules]\ndisable: [code-names-defined]\ncarbon: { pue: 1.0 }\ntrain: { epochs: 7 }\n",
    };
    const stranger = await audit({ source: folder(files), stages: ["static"] });
    expect(stranger.report.findings.some((f) => f.rule === "paths-portable")).toBe(true);
    expect(stranger.report.rules.some((r) => r.rule === "code-names-defined")).toBe(true);
    expect(stranger.settings.pue).toEqual({ value: 1.58, origin: "default", source: "default" });
    expect(stranger.settings.epochs).toMatchObject({ value: 7, origin: "repo-config" });
    expect(stranger.report.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining("sets rules: ignored"),
        expect.stringContaining("sets disable: ignored"),
        expect.stringContaining("sets carbon.pue: ignored"),
      ]),
    );
    const own = await audit({ source: folder(files), stages: ["static"], trustRepo: true });
    expect(own.report.findings.some((f) => f.rule === "paths-portable")).toBe(false);
    expect(own.report.rules.some((r) => r.rule === "code-names-defined")).toBe(false);
    expect(own.settings.pue).toMatchObject({ value: 1, origin: "repo-config" });
  });
});

const engineAnswers = await requireEngine();

describe.skipIf(!engineAnswers)("the container engine", () => {
  it("is looked up once per audit: the build stage uses the engine the stage plan found", async () => {
    const dir = mkdtempSync(join(tmpdir(), "repro-audit-engine-once-"));
    const saved = process.env.REPRO_AUDIT_DOCKER;
    try {
      // A logging wrapper around the real docker CLI: it records each subcommand, then runs it.
      const log = join(dir, "calls.log");
      const wrapper = join(dir, "docker");
      writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${log}'\nexec docker "$@"\n`, { mode: 0o755 });
      process.env.REPRO_AUDIT_DOCKER = wrapper;
      const root = join(dir, "repo");
      mkdirSync(root);
      writeFileSync(join(root, "main.py"), "import os\nprint(os.getcwd())\n");
      writeFileSync(join(root, "requirements.txt"), "\n");
      const { report } = await audit({
        source: root,
        stages: ["static", "build"],
        engine: "docker",
        baseImage: [BASE_IMAGE],
        outDir: join(dir, "out"),
      });
      expect(report.environment?.engine).toBe("docker");
      expect(
        readFileSync(log, "utf8")
          .split("\n")
          .filter((call) => call === "info"),
      ).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.REPRO_AUDIT_DOCKER;
      else process.env.REPRO_AUDIT_DOCKER = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
