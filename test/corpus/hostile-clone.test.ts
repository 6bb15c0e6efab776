// The hostile corpus for opening repositories: a real partial clone whose promisor remote runs a command,
// `.git` files and links pointing at another repository on the host, trees built object by object (tens of
// thousands of files, a 60 MB blob, names that are not UTF-8, duplicate entries, a 10,000-deep chain). Each case runs the real bin and must
// run nothing (no marker), leak nothing of the other repository, and end with a report or one line (exit 2).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { deflateSync } from "node:zlib";
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
      env: {
        ...process.env,
        NO_COLOR: "1",
        HOME: home,
        XDG_CACHE_HOME: join(home, ".cache"),
        TMPDIR: temp,
        REPRO_AUDIT_LEDGER: join(home, "ledger.jsonl"),
      },
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

const audit = (source: string, ...args: string[]) =>
  cli(["audit", source, "--stages", "static", "--format", "json", "--cache-dir", join(work, "cache"), ...args]);

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
    writeFileSync(
      board,
      `competition: hostile\nteams:\n  - rank: 1\n    name: Lazy\n    entries: 3\n    repo: ${root}\n`,
    );
    const r = await cli([
      "batch",
      board,
      "--stages",
      "static",
      "--format",
      "json",
      "--out",
      join(work, "lazy-batch-out"),
      "--cache-dir",
      join(work, "cache"),
    ]);
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
    writeFileSync(
      join(root, "extra.cfg"),
      `[remote "origin"]\n\tpromisor = true\n\tuploadpack = sh -c 'touch ${marker}; exit 1'\n`,
    );
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

/** Write one loose git object into `repo` and return its id: trees git itself would never make. */
function writeObject(repo: string, type: "blob" | "tree" | "commit", content: Buffer): string {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const sha = createHash("sha1").update(raw).digest("hex");
  const dir = join(repo, ".git", "objects", sha.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, sha.slice(2));
  if (!existsSync(file)) writeFileSync(file, deflateSync(raw, { level: 1 }));
  return sha;
}

interface RawEntry {
  mode: "100644" | "40000";
  name: string | Buffer;
  sha: string;
}

const tree = (repo: string, entries: RawEntry[]) =>
  writeObject(
    repo,
    "tree",
    Buffer.concat(
      entries.flatMap((e) => [
        Buffer.from(`${e.mode} `),
        Buffer.from(e.name),
        Buffer.from([0]),
        Buffer.from(e.sha, "hex"),
      ]),
    ),
  );
const blob = (repo: string, text: string | Buffer) => writeObject(repo, "blob", Buffer.from(text));

/** A repo whose `main` is a commit of the tree that `build` writes beside README.md and train.py; audited
 * through its file:// URL, so the tree is cloned and written out as any URL's is. */
function rawRepo(name: string, build: (repo: string) => RawEntry[]): string {
  const root = join(work, name);
  mkdirSync(root);
  git(root, "init", "-q");
  const entries = [
    { mode: "100644" as const, name: "README.md", sha: blob(root, "# Solution\n\nTrain: `python train.py`\n") },
    { mode: "100644" as const, name: "train.py", sha: blob(root, "import numpy\nprint(undefined_name)\n") },
    ...build(root),
  ].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const top = tree(root, entries);
  const commit = writeObject(
    root,
    "commit",
    Buffer.from(`tree ${top}\nauthor T <t@e> 0 +0000\ncommitter T <t@e> 0 +0000\n\nraw\n`),
  );
  git(root, "update-ref", "refs/heads/main", commit);
  return `file://${root}`;
}

interface Report {
  findings: Array<{ rule: string; message: string; locations?: Array<{ file?: string }> }>;
}

function reportOf(r: Run): Report {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const unreadable = (report: Report) =>
  report.findings.filter((f) => f.rule === "inventory-files-readable").map((f) => f.message);
/** The files named by inventory-files-readable findings whose message matches `reason`. */
const unreadableFiles = (report: Report, reason: RegExp) =>
  report.findings
    .filter((f) => f.rule === "inventory-files-readable" && reason.test(f.message))
    .flatMap((f) => (f.locations ?? []).map((l) => l.file ?? ""));

/** Nothing of the audit is left: no temp tree, no clone lock, no half-made clone. */
function expectNothingLeft(): void {
  expect(tempFoldersLeft()).toEqual([]);
  const cache = join(work, "cache");
  if (existsSync(cache))
    expect(readdirSync(cache).filter((f) => f.endsWith(".lock") || f.includes(".tmp-"))).toEqual([]);
}

const many = (repo: string, count: number, sha: string): RawEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    mode: "100644" as const,
    name: `f${String(i).padStart(6, "0")}.txt`,
    sha,
  }));

describe("hostile clone corpus: caps before work", () => {
  it("40,000 files sharing one blob end in a report", async () => {
    const url = rawRepo("shared-blob", (repo) => [
      { mode: "40000", name: "data", sha: tree(repo, many(repo, 40_000, blob(repo, "x\n"))) },
    ]);
    const report = reportOf(await audit(url));
    expect(report.findings.some((f) => f.rule !== "inventory-files-readable")).toBe(true);
    expectNothingLeft();
  });

  it("300,000 files end in a report that says the tree was cut at the file cap", async () => {
    const url = rawRepo("too-many", (repo) => [
      { mode: "40000", name: "data", sha: tree(repo, many(repo, 300_000, blob(repo, "x\n"))) },
    ]);
    const started = performance.now();
    const report = reportOf(await audit(url));
    console.log(`300,000 files: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(unreadable(report).join("\n")).toMatch(/more than 100000 files/);
    expectNothingLeft();
  });

  it("a 60 MB blob is named as skipped, never written out", async () => {
    const url = rawRepo("big-blob", (repo) => [
      { mode: "100644", name: "weights.py", sha: blob(repo, Buffer.alloc(60 * 1024 * 1024, 0x20)) },
    ]);
    const started = performance.now();
    const report = reportOf(await audit(url));
    const seconds = (performance.now() - started) / 1000;
    console.log(`60 MB blob: ${seconds.toFixed(1)} s`);
    expect(unreadable(report).join("\n")).toMatch(/weights\.py was not inspected: larger than the 2 MiB cap/);
    expect(seconds).toBeLessThan(20);
    expectNothingLeft();
  });
});

describe("hostile clone corpus: names and shapes git allows", () => {
  it("two names that are not UTF-8 and decode alike are both reported, and nothing is left behind", async () => {
    const url = rawRepo("bad-names", (repo) => [
      {
        mode: "100644",
        name: Buffer.concat([Buffer.from("bad-"), Buffer.from([0xff]), Buffer.from(".py")]),
        sha: blob(repo, "import os\n"),
      },
      {
        mode: "100644",
        name: Buffer.concat([Buffer.from("bad-"), Buffer.from([0xfe]), Buffer.from(".py")]),
        sha: blob(repo, "import sys\n"),
      },
    ]);
    const report = reportOf(await audit(url));
    expect(unreadableFiles(report, /not valid UTF-8/).filter((f) => f.startsWith("bad-"))).toHaveLength(2);
    expectNothingLeft();
  });

  it("duplicate tree entries end in a report", async () => {
    const url = rawRepo("duplicates", (repo) => [
      { mode: "100644", name: "dup.py", sha: blob(repo, "a = 1\n") },
      { mode: "100644", name: "dup.py", sha: blob(repo, "b = 2\n") },
      {
        mode: "40000",
        name: "dup.py",
        sha: tree(repo, [{ mode: "100644", name: "inner.py", sha: blob(repo, "c = 3\n") }]),
      },
    ]);
    const report = reportOf(await audit(url));
    expect(unreadable(report).join("\n")).toMatch(/dup\.py/);
    expectNothingLeft();
  });

  it("a 10,000-deep folder chain ends in a report", async () => {
    const url = rawRepo("deep-chain", (repo) => {
      let sha = tree(repo, [{ mode: "100644", name: "bottom.py", sha: blob(repo, "x = 1\n") }]);
      for (let i = 0; i < 10_000; i++) sha = tree(repo, [{ mode: "40000", name: "d", sha }]);
      return [{ mode: "40000", name: "deep", sha }];
    });
    const report = reportOf(await audit(url));
    expect(unreadable(report).join("\n")).toMatch(/deeper than 64/);
    expectNothingLeft();
  });

  it("a plain folder's file whose name is not UTF-8 is reported, not hidden", async () => {
    const root = join(work, "plain-bad-name");
    mkdirSync(root);
    writeFileSync(join(root, "README.md"), "# Solution\n");
    writeFileSync(
      Buffer.concat([Buffer.from(`${root}/train-`), Buffer.from([0xff]), Buffer.from(".py")]),
      "print(undefined_name)\n",
    );
    const report = reportOf(await audit(root));
    expect(unreadableFiles(report, /not valid UTF-8/).filter((f) => f.startsWith("train-"))).toHaveLength(1);
  });
});

/** The command lines of `pid`'s child processes. */
function childCommands(pid: number): string[][] {
  const found: string[][] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid)
        found.push(readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0"));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** A commit on `main` of `repo` adding `count` files of incompressible bytes: a clone or fetch that lasts. */
function addBulk(repo: string, count: number, tag: string): void {
  const entries = Array.from({ length: count }, (_, i) => ({
    mode: "100644" as const,
    name: `${tag}-${String(i).padStart(5, "0")}.bin`,
    sha: blob(repo, randomBytes(24_000)),
  }));
  const top = tree(repo, [
    { mode: "100644", name: "README.md", sha: blob(repo, "# Solution\n\nTrain: `python train.py`\n") },
    { mode: "40000", name: "data", sha: tree(repo, entries) },
    { mode: "100644", name: "train.py", sha: blob(repo, "print('train')\n") },
  ]);
  const parent = existsSync(join(repo, ".git", "refs", "heads", "main"))
    ? `parent ${git(repo, "rev-parse", "main")}\n`
    : "";
  const commit = writeObject(
    repo,
    "commit",
    Buffer.from(`tree ${top}\n${parent}author T <t@e> 0 +0000\ncommitter T <t@e> 0 +0000\n\n${tag}\n`),
  );
  git(repo, "update-ref", "refs/heads/main", commit);
}

interface Interrupted {
  code: number | null;
  stderr: string;
  /** Milliseconds from the signal to the exit. */
  exitMs: number;
}

/** Start an audit of `url`, wait until one of its children runs a git command containing `phase`, then send
 * `signal` (SIGINT to the whole process group, as Ctrl-C does; SIGTERM to the audit alone, as `kill` does). */
async function interruptAt(url: string, phase: string, signal: "SIGINT" | "SIGTERM"): Promise<Interrupted> {
  const child = spawn(
    process.execPath,
    [BIN, "audit", url, "--stages", "static", "--format", "json", "--cache-dir", join(work, "cache")],
    {
      env: { ...process.env, NO_COLOR: "1", HOME: home, TMPDIR: temp },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  let seen = false;
  while (!seen && Date.now() < deadline && child.exitCode === null) {
    seen = childCommands(child.pid!).some((argv) => argv[0]?.endsWith("git") && argv.includes(phase));
    if (!seen) await new Promise((r) => setTimeout(r, 10));
  }
  expect(seen, `git ${phase} was never seen running: ${stderr}`).toBe(true);
  const sent = performance.now();
  if (signal === "SIGINT") process.kill(-child.pid!, "SIGINT");
  else child.kill("SIGTERM");
  const code = await exited;
  return { code, stderr, exitMs: performance.now() - sent };
}

/** The next audit of the URL, through the cache the interrupted one left, works (its error shown if not). */
async function expectCacheUsable(url: string): Promise<void> {
  const r = await audit(url);
  expect(r.code, r.stderr).toBe(0);
}

function expectInterrupted(r: Interrupted): void {
  console.log(`exited ${r.exitMs.toFixed(0)} ms after the signal`);
  expect(r.code, r.stderr).toBe(130);
  expect(r.stderr).toMatch(/interrupted/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.exitMs).toBeLessThan(1_500);
  expectNothingLeft();
}

describe("hostile clone corpus: interrupts while opening a repository", () => {
  it("Ctrl-C during the clone, SIGTERM during a cache refresh, Ctrl-C while writing files: exit 130, nothing left, the cache usable", async () => {
    const upstreamRepo = join(work, "bulk");
    mkdirSync(upstreamRepo);
    git(upstreamRepo, "init", "-q");
    addBulk(upstreamRepo, 2_500, "first");
    const url = `file://${upstreamRepo}`;

    expectInterrupted(await interruptAt(url, "clone", "SIGINT"));
    await expectCacheUsable(url);

    addBulk(upstreamRepo, 2_500, "second");
    expectInterrupted(await interruptAt(url, "fetch", "SIGTERM"));
    await expectCacheUsable(url);

    expectInterrupted(await interruptAt(url, "cat-file", "SIGINT"));
    expectInterrupted(await interruptAt(url, "cat-file", "SIGTERM"));
    await expectCacheUsable(url);
  }, 400_000);
});
