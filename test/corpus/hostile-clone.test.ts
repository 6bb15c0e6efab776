// The hostile corpus for opening repositories: a real partial clone whose promisor remote runs a command,
// `.git` files and links pointing at another repository on the host. Each case runs the real bin and must
// run nothing (no marker), leak nothing of the other repository, and end with a report or one line (exit 2).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { commitAll, git } from "../clone/git-fixture.js";

const work = mkdtempSync(join(tmpdir(), "ra-hostile-clone-"));
const markers = join(work, "markers");
const home = join(work, "home");
const temp = join(work, "tmp");
/** A name only the other repository on the host holds: it must never reach a report. */
const SECRET = `secret-branch-${process.pid}`;

beforeAll(() => {
  for (const dir of [markers, home, temp]) mkdirSync(dir);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = work): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", HOME: home, XDG_CACHE_HOME: join(home, ".cache"), TMPDIR: temp, REPRO_AUDIT_LEDGER: join(home, "ledger.jsonl") },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 170_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const audit = (source: string, ...args: string[]) => cli(["audit", source, "--stages", "static", "--format", "json", "--cache-dir", join(work, "cache"), ...args]);

/** A repo with a `main` and a `dev` branch, its upload-pack willing to serve partial clones. */
function upstream(name: string): string {
  const root = join(work, name);
  mkdirSync(root);
  git(root, "init", "-q");
  git(root, "config", "uploadpack.allowFilter", "true");
  writeFileSync(join(root, "README.md"), "# Solution\n\nTrain: `python train.py`\n");
  writeFileSync(join(root, "train.py"), "print('train')\n");
  commitAll(root, "first");
  git(root, "checkout", "-q", "-b", "dev");
  writeFileSync(join(root, "dev.py"), "print('dev')\n");
  commitAll(root, "dev");
  git(root, "checkout", "-q", "main");
  return root;
}

/** A real partial clone (blobs left on the server) whose promisor remote's upload-pack is a command that
 * leaves a marker: git runs it the moment anything reads a missing blob. */
function hostilePartialClone(name: string): { root: string; marker: string } {
  const source = upstream(`${name}-upstream`);
  const root = join(work, name);
  git(work, "clone", "-q", "--filter=blob:none", `file://${source}`, root);
  const marker = join(markers, name);
  git(root, "config", "remote.origin.uploadpack", `sh -c 'touch ${marker}; exit 1'`);
  return { root, marker };
}

const tempFoldersLeft = () => readdirSync(temp).filter((f) => f.startsWith("repro-audit-"));

/** A one-line refusal: exit 2, no stack trace. */
function expectRefused(r: Run, words: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(words);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("hostile clone corpus: partial clones whose promisor remote runs a command", () => {
  it("audit <folder> --stages static runs nothing", async () => {
    const { root, marker } = hostilePartialClone("lazy-static");
    const r = await audit(root);
    expect(existsSync(marker), "the promisor's upload-pack ran").toBe(false);
    expectRefused(r, /partial clone/);
    expect(tempFoldersLeft()).toEqual([]);
  });

  it("audit <folder> --ref dev runs nothing", async () => {
    const { root, marker } = hostilePartialClone("lazy-ref");
    const r = await audit(root, "--ref", "origin/dev");
    expect(existsSync(marker), "the promisor's upload-pack ran").toBe(false);
    expectRefused(r, /partial clone/);
    expect(tempFoldersLeft()).toEqual([]);
  });

  it("a batch row pointing at the folder runs nothing", async () => {
    const { root, marker } = hostilePartialClone("lazy-batch");
    const board = join(work, "lazy-board.yml");
    writeFileSync(board, `competition: hostile\nteams:\n  - rank: 1\n    name: Lazy\n    entries: 3\n    repo: ${root}\n`);
    const r = await cli(["batch", board, "--stages", "static", "--format", "json", "--out", join(work, "lazy-batch-out"), "--cache-dir", join(work, "cache")]);
    expect(existsSync(marker), "the promisor's upload-pack ran").toBe(false);
    expect(r.stdout + r.stderr).toMatch(/partial clone/);
  });

  it("the same folder through a file:// URL runs nothing", async () => {
    const { root, marker } = hostilePartialClone("lazy-url");
    const r = await audit(`file://${root}`);
    expect(existsSync(marker), "the promisor's upload-pack ran").toBe(false);
    // git's upload-pack serves what the clone holds and refuses to fetch the rest: a report or one line.
    expect([0, 2], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an include in the folder's git config is refused before it is read", async () => {
    const source = upstream("include-upstream");
    const root = join(work, "include");
    git(work, "clone", "-q", `file://${source}`, root);
    const marker = join(markers, "include");
    writeFileSync(join(root, "extra.cfg"), `[remote "origin"]\n\tpromisor = true\n\tuploadpack = sh -c 'touch ${marker}; exit 1'\n`);
    git(root, "config", "include.path", "../extra.cfg");
    const r = await audit(root);
    expect(existsSync(marker)).toBe(false);
    expectRefused(r, /include/);
  });
});

describe("hostile clone corpus: .git pointing at another repository on the host", () => {
  /** A repository elsewhere on the host, with a branch, a commit message and a file name of its own. */
  function hostRepo(name: string): string {
    const root = join(work, name);
    mkdirSync(root);
    git(root, "init", "-q");
    writeFileSync(join(root, `${SECRET}.txt`), "private\n");
    commitAll(root, SECRET);
    git(root, "branch", SECRET);
    return root;
  }

  function submission(name: string): string {
    const root = join(work, name);
    mkdirSync(root);
    writeFileSync(join(root, "train.py"), "print('train')\n");
    writeFileSync(join(root, "README.md"), "# Solution\n");
    return root;
  }

  it("a .git file naming another repository's git folder", async () => {
    const other = hostRepo("other-for-file");
    const root = submission("gitfile");
    writeFileSync(join(root, ".git"), `gitdir: ${join(other, ".git")}\n`);
    const r = await audit(root);
    expectRefused(r, /\.git/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it("a .git symlink to another repository's git folder", async () => {
    const other = hostRepo("other-for-link");
    const root = submission("gitlink");
    symlinkSync(join(other, ".git"), join(root, ".git"));
    const r = await audit(root);
    expectRefused(r, /\.git/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it("a .git folder whose commondir or alternates name another repository", async () => {
    const other = hostRepo("other-for-common");
    const root = submission("commondir");
    git(root, "init", "-q");
    commitAll(root, "mine");
    writeFileSync(join(root, ".git", "commondir"), join(other, ".git"));
    const r = await audit(root);
    expectRefused(r, /commondir/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);

    const alt = submission("alternates");
    git(alt, "init", "-q");
    commitAll(alt, "mine");
    writeFileSync(join(alt, ".git", "objects", "info", "alternates"), join(other, ".git", "objects"));
    const a = await audit(alt);
    expectRefused(a, /alternates/);
  });

  it("a linked worktree of a real repository is still audited as git", async () => {
    const main = upstream("worktree-main");
    const linked = join(work, "worktree-linked");
    git(main, "worktree", "add", "-q", linked, "dev");
    const r = await audit(linked);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { repo: { kind: string; branches: Array<{ name: string }> } };
    expect(report.repo.kind).toBe("git");
    expect(report.repo.branches.map((b) => b.name)).toEqual(expect.arrayContaining(["main", "dev"]));
  });
});
