// A static audit of a real git repo whose training cannot run: its own package read from a folder outside the
// repo, a launcher bash cannot parse, a prompt and a debug flag on the scripted path; graded by the rerun plan.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../src/pipeline.js";

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    {
      cwd,
    },
  );

function repo(files: Record<string, string>, branch: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "code-blockers-"));
  made.push(root);
  const write = (all: Record<string, string>) => {
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  git(root, "init", "-q", "-b", "main");
  write(files);
  git(root, "add", "-A");
  git(root, "commit", "-qm", "solution");
  git(root, "checkout", "-q", "-b", "cleanup");
  write(branch);
  git(root, "add", "-A");
  git(root, "commit", "-qm", "cleanup");
  git(root, "checkout", "-q", "main");
  return root;
}

describe("a training that cannot run as committed", () => {
  it("blocks the code area on the plan and keeps what no step runs at info", async () => {
    const root = repo(
      {
        "README.md": "# Solution\n\n```\npip install -r requirements.txt\nbash train.sh\n```\n",
        "requirements.txt": "torch==2.1.0\n",
        "paths.py": "class PATHS:\n    BASE = '/mnt/md0/comp/'\n    MODEL_BASE = f'{BASE}seg_model'\n",
        "train.sh": "#!/bin/bash\nfor fold in 0 1 2\n  python train.py --fold $fold\ndone\n",
        "train.py": [
          "import os, sys",
          "import torch",
          "from paths import PATHS",
          "sys.path.append(PATHS.MODEL_BASE)",
          "from src.coat import CoaT",
          "DEBUG = True",
          "if os.path.exists('out'):",
          "    input('out exists, overwrite? (y/n) ')",
          "if not DEBUG:",
          "    torch.save(CoaT().state_dict(), 'out/best.pth')",
          "",
        ].join("\n"),
        "tools/old.sh": "if [ -f x ]; then\n  echo x\n",
      },
      { "NOTES.md": "cleanup\n" },
    );
    const { report } = await audit({ source: root, stages: ["static"] });
    const of = (rule: string) =>
      report.findings
        .filter((f) => f.rule === rule)
        .map((f) => ({ file: f.file, line: f.line, severity: f.severity, plan: f.plan }));
    expect(of("code-own-modules-committed")).toEqual([{ file: "train.py", line: 5, severity: "error", plan: "on" }]);
    expect(of("code-shell-syntax-valid")).toEqual([
      { file: "train.sh", line: 3, severity: "error", plan: "on" },
      { file: "tools/old.sh", line: 3, severity: "info", plan: "off" },
    ]);
    expect(of("execution-runs-unattended")).toEqual([{ file: "train.py", line: 8, severity: "warning", plan: "on" }]);
    expect(of("execution-debug-off")).toEqual([{ file: "train.py", line: 6, severity: "warning", plan: "on" }]);
    const code = Object.values(report.score.areas).find((a) => a.categories.includes("code"))!;
    expect(code.blockedBy).toEqual(expect.arrayContaining(["code-own-modules-committed", "code-shell-syntax-valid"]));
  });
});
