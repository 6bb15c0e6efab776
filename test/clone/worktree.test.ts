// One work tree per audit: concurrent audits of one URL at different refs each audit their own commit,
// the cache clone is locked per URL, git lock errors are internal failures, and dispose removes the tree.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "../../src/clone/index.js";
import { cacheDirFor } from "../../src/clone/input.js";
import { lockFileOf, withCloneLock } from "../../src/clone/clone-lock.js";
import { cloneFailure } from "../../src/clone/git-errors.js";
import { AuditError, exitCodeOf } from "../../src/model/errors.js";
import { runCliAsync } from "../support/cli.js";
import { commitAll, git, tempDir, writeFiles } from "./git-fixture.js";

let repo: string;
let work: string;
const commits: Record<string, string> = {};
const url = () => `file://${repo}`;

/** Branch `a` and branch `b`, each with a broken file of its own name: a report shows which it audited. */
beforeAll(() => {
  repo = tempDir("ra-two-refs-");
  work = tempDir("ra-two-refs-work-");
  git(repo, "init", "-q");
  writeFiles(repo, { "README.md": "# Two refs\n", "train.py": "print('base')\n" });
  commitAll(repo, "base");
  for (const name of ["a", "b"]) {
    git(repo, "checkout", "-q", "-b", name, "main");
    writeFiles(repo, { [`only_${name}.py`]: "def broken(:\n" });
    commits[name] = commitAll(repo, `branch ${name}`);
  }
  git(repo, "checkout", "-q", "main");
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const syntaxFiles = (report: {
  findings: Array<{ rule: string; locations?: Array<{ file?: string }>; file?: string }>;
}) =>
  report.findings
    .filter((f) => f.rule === "code-syntax-valid")
    .flatMap((f) => [f.file, ...(f.locations ?? []).map((l) => l.file)])
    .filter((f): f is string => typeof f === "string");

describe("one work tree per audit", () => {
  it("two concurrent CLI audits of one file:// URL at two refs each report their own commit and files", async () => {
    const cache = join(work, "cache-cli");
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(
        ["a", "b", "a", "b"].map((ref) =>
          runCliAsync([
            "audit",
            url(),
            "--ref",
            ref,
            "--stages",
            "static",
            "--format",
            "json",
            "--cache-dir",
            cache,
          ]).then((r) => ({ ref, r })),
        ),
      );
      for (const { ref, r } of results) {
        expect(r.stderr, `audit of ${ref}`).not.toMatch(/lock|internal error/i);
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.repo.commit).toBe(commits[ref]);
        expect(report.repo.ref).toBe(ref);
        const other = ref === "a" ? "b" : "a";
        const files = syntaxFiles(report);
        expect(files).toContain(`only_${ref}.py`);
        expect(files).not.toContain(`only_${other}.py`);
      }
    }
    expect(existsSync(lockFileOf(cacheDirFor(url(), cache)))).toBe(false);
  });

  it("in one process too: each checkout holds its own ref's files until disposed, then nothing is left", async () => {
    const cache = join(work, "cache-lib");
    const [a, b] = await Promise.all([
      openSource(url(), { cacheDir: cache, ref: "a" }),
      openSource(url(), { cacheDir: cache, ref: "b" }),
    ]);
    expect(a.root).not.toBe(b.root);
    expect(existsSync(join(a.root, "only_a.py")) && !existsSync(join(a.root, "only_b.py"))).toBe(true);
    expect(existsSync(join(b.root, "only_b.py")) && !existsSync(join(b.root, "only_a.py"))).toBe(true);
    await a.dispose();
    expect(existsSync(a.root)).toBe(false);
    expect(readFileSync(join(b.root, "only_b.py"), "utf8")).toBe("def broken(:\n");
    await b.dispose();
    expect(existsSync(b.root)).toBe(false);
    // The cache keeps the clone (and nothing else: no lock, no half-made clone).
    expect(readdirSync(cache)).toEqual([cacheDirFor(url(), cache).split("/").pop()]);
  });

  it("a filter the user's git config defines never runs on the repo's files (.gitattributes)", async () => {
    const home = join(work, "home");
    const canary = join(work, "filter-ran");
    mkdirSync(home, { recursive: true });
    writeFileSync(
      join(home, ".gitconfig"),
      `[filter "evil"]\n\tsmudge = \"sh -c 'touch ${canary}; cat'\"\n\tclean = cat\n`,
    );
    const filtered = tempDir("ra-filtered-");
    git(filtered, "init", "-q");
    writeFiles(filtered, { ".gitattributes": "* filter=evil\n", "train.py": "print(1)\n" });
    commitAll(filtered, "filtered");
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      const checkout = await openSource(`file://${filtered}`, { cacheDir: join(work, "cache-filter") });
      expect(readFileSync(join(checkout.root, "train.py"), "utf8")).toBe("print(1)\n");
      await checkout.dispose();
    } finally {
      process.env.HOME = before;
      rmSync(filtered, { recursive: true, force: true });
    }
    expect(existsSync(canary)).toBe(false);
  });
});

describe("the clone lock", () => {
  it("serialises holders of one clone and releases on failure", async () => {
    const dir = join(work, "lock-a");
    const order: string[] = [];
    const slow = withCloneLock(dir, async () => {
      order.push("first in");
      await new Promise((r) => setTimeout(r, 300));
      order.push("first out");
      throw new Error("boom");
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = withCloneLock(dir, async () => {
      order.push("second in");
      return 7;
    });
    await expect(slow).rejects.toThrow("boom");
    expect(await second).toBe(7);
    expect(order).toEqual(["first in", "first out", "second in"]);
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it("takes over the lock of a process that died", async () => {
    const dir = join(work, "lock-b");
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname() }));
    expect(await withCloneLock(dir, async () => "taken", 2000)).toBe("taken");
  });

  it("a lock held too long by a live process is an internal failure (exit 3), not bad input", async () => {
    const dir = join(work, "lock-c");
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: process.pid, host: hostname() }));
    const error = await withCloneLock(dir, async () => "never", 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).code).toBe("INTERNAL");
    expect(exitCodeOf(error)).toBe(3);
    rmSync(lockFileOf(dir));
  });

  it.each([
    "fatal: Unable to create '/c/repo/.git/shallow.lock': File exists.\n\nAnother git process seems to be running in this repository",
    "error: cannot lock ref 'refs/remotes/origin/main': Unable to create '/c/.git/refs/remotes/origin/main.lock': File exists.",
    "fatal: Unable to create '/c/.git/index.lock': File exists.",
  ])("git's lock error is internal, never bad input: %s", (stderr) => {
    const error = cloneFailure("file:///x", stderr);
    expect(error.code).toBe("INTERNAL");
    expect(exitCodeOf(error)).toBe(3);
  });
});
