// Real git repos in temp folders for the source tests: commits, branches, tags, a broken branch.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function tempDir(prefix = "ra-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=Test",
      "-c",
      "user.email=test@example.com",
      "-c",
      "init.defaultBranch=main",
      "-c",
      "core.hooksPath=/dev/null",
      ...args,
    ],
    {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", GIT_CONFIG_NOSYSTEM: "1" },
    },
  ).trim();
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function commitAll(root: string, message: string): string {
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", message);
  return git(root, "rev-parse", "HEAD");
}

/** A repo on `main` with README and train.py, a branch `dev` with a broken .py, .json and .yaml, a
 * clean branch `feature/ok`, a tag v1 on the first commit. Returns the commits. */
export function makeRepo(root: string): { first: string; main: string; dev: string; ok: string } {
  git(root, "init", "-q");
  writeFiles(root, { "README.md": "# Demo\n", "train.py": "print('v1')\n" });
  const first = commitAll(root, "first");
  git(root, "tag", "v1");
  writeFiles(root, { "train.py": "print('v2')\n" });
  const main = commitAll(root, "second");
  git(root, "checkout", "-q", "-b", "dev");
  writeFiles(root, {
    "broken.py": "def f(:\n    pass\n",
    "conf/bad.json": '{\n  "a": 1,\n  "b": \n}\n',
    "conf/bad.yaml": "a: [1, 2\nb: 3\n",
    "good.json": '{"ok": true}\n',
  });
  const dev = commitAll(root, "dev work");
  git(root, "checkout", "-q", "main");
  git(root, "checkout", "-q", "-b", "feature/ok");
  writeFiles(root, { "extra.py": "x = 1\n" });
  const ok = commitAll(root, "ok work");
  git(root, "checkout", "-q", "main");
  return { first, main, dev, ok };
}
