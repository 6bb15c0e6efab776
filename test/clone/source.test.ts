import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBranches } from "../../src/extract/families/branches/branch-check.js";
import { openSource } from "../../src/clone/index.js";
import { cacheDirFor } from "../../src/clone/input.js";
import { AuditError } from "../../src/model/errors.js";
import { commitAll, git, makeRepo, tempDir, writeFiles } from "./git-fixture.js";

let repo: string;
let commits: ReturnType<typeof makeRepo>;
let cache: string;
const url = () => `file://${repo}`;

beforeAll(() => {
  repo = tempDir();
  commits = makeRepo(repo);
  cache = tempDir("ra-cache-");
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

async function badInputOf(promise: Promise<unknown>): Promise<AuditError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditError);
  expect((error as AuditError).code).toBe("BAD_INPUT");
  expect((error as AuditError).message).not.toContain("\n");
  return error as AuditError;
}

describe("openSource: file:// URL", () => {
  it("clones the default branch into the cache and lists every remote branch", async () => {
    const checkout = await openSource(url(), { cacheDir: cache });
    expect(checkout.root.startsWith(cache)).toBe(false);
    expect(checkout.info.kind).toBe("git");
    expect(checkout.info.commit).toBe(commits.main);
    expect(checkout.info.ref).toBe("main");
    expect(checkout.info.branches).toEqual([
      { name: "dev", commit: commits.dev, current: false },
      { name: "feature/ok", commit: commits.ok, current: false },
      { name: "main", commit: commits.main, current: true },
    ]);
    expect(checkout.branches?.names() ?? null).toEqual(["dev", "feature/ok", "main"]);
    expect(readFileSync(join(checkout.root, "train.py"), "utf8")).toBe("print('v2')\n");
    expect(git(cacheDirFor(url(), cache), "rev-parse", "--is-shallow-repository")).toBe("true");
    expect(existsSync(join(checkout.root, ".git"))).toBe(false);
    const tree = checkout.root;
    await checkout.dispose();
    expect(existsSync(tree)).toBe(false);
  });

  it("checks the other branches: a checkout record each and the files that do not parse", async () => {
    const checkout = await openSource(url(), { cacheDir: cache });
    const records = checkout.branches ? await checkBranches(checkout.branches) : [];
    expect(records).toEqual([
      { kind: "branch", name: "dev", commit: commits.dev, error: null },
      {
        kind: "parse-error",
        branch: "dev",
        file: "broken.py",
        line: 1,
        message: expect.stringContaining("syntax error"),
      },
      { kind: "parse-error", branch: "dev", file: "conf/bad.json", line: 4, message: expect.any(String) },
      {
        kind: "parse-error",
        branch: "dev",
        file: "conf/bad.yaml",
        line: 2,
        message: "missed comma between flow collection entries",
      },
      { kind: "branch", name: "feature/ok", commit: commits.ok, error: null },
    ]);
    await checkout.dispose();
  });

  it("--ref picks a branch, a tag or a commit outside the shallow history", async () => {
    const branch = await openSource(url(), { cacheDir: cache, ref: "dev" });
    expect(branch.info.commit).toBe(commits.dev);
    expect(branch.info.branches.find((b) => b.current)?.name).toBe("dev");
    expect(existsSync(join(branch.root, "broken.py"))).toBe(true);
    const tag = await openSource(url(), { cacheDir: cache, ref: "v1" });
    expect(tag.info.commit).toBe(commits.first);
    expect(tag.info.branches.some((b) => b.current)).toBe(false);
    expect(readFileSync(join(tag.root, "train.py"), "utf8")).toBe("print('v1')\n");
    const short = await openSource(url(), { cacheDir: cache, ref: commits.first.slice(0, 10) });
    expect(short.info.commit).toBe(commits.first);
    expect(existsSync(join(short.root, "broken.py"))).toBe(false);
    for (const checkout of [branch, tag, short]) await checkout.dispose();
  });

  it("fetches new commits on a later run instead of cloning again", async () => {
    const first = await openSource(url(), { cacheDir: cache });
    writeFiles(repo, { "new.py": "y = 2\n" });
    const next = commitAll(repo, "third");
    const second = await openSource(url(), { cacheDir: cache });
    expect(second.root).not.toBe(first.root);
    expect(readdirSync(cache).filter((n) => !n.endsWith(".lock"))).toEqual([basename(cacheDirFor(url(), cache))]);
    expect(second.info.commit).toBe(next);
    expect(existsSync(join(second.root, "new.py"))).toBe(true);
    expect(existsSync(join(first.root, "new.py"))).toBe(false);
    await first.dispose();
    await second.dispose();
    git(repo, "reset", "-q", "--hard", commits.main);
  });

  it("makes a cache clone again when git cannot write the commit's files from it (objects lost under a killed git)", async () => {
    const own = tempDir("ra-cache-");
    try {
      const first = await openSource(url(), { cacheDir: own });
      await first.dispose();
      const objects = join(cacheDirFor(url(), own), ".git", "objects");
      for (const entry of readdirSync(objects))
        if (entry !== "info") rmSync(join(objects, entry), { recursive: true, force: true });
      // Told the clone is fresh, no fetch runs first: the write is what meets the broken clone.
      const second = await openSource(url(), { cacheDir: own, cloneFresh: true });
      expect(second.info.commit).toBe(commits.main);
      expect(readFileSync(join(second.root, "train.py"), "utf8").length).toBeGreaterThan(0);
      expect(readdirSync(own).filter((n) => n.includes(".stale-"))).toEqual([]);
      await second.dispose();
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("an unknown ref is bad input naming it", async () => {
    const error = await badInputOf(openSource(url(), { cacheDir: cache, ref: "nope" }));
    expect(error.message).toBe(`unknown ref 'nope' in ${url()}`);
    expect(error.hint).toContain("dev, feature/ok, main");
  });

  it("a ref that looks like an option is refused before git sees it", async () => {
    const error = await badInputOf(openSource(url(), { cacheDir: cache, ref: "--upload-pack=touch /tmp/x" }));
    expect(error.message).toContain("is not a valid branch, tag or commit name");
  });

  it("an empty repository is bad input", async () => {
    const empty = tempDir();
    git(empty, "init", "-q");
    const error = await badInputOf(openSource(`file://${empty}`, { cacheDir: cache }));
    expect(error.message).toBe(`file://${empty} is an empty repository (no commits)`);
    rmSync(empty, { recursive: true, force: true });
  });

  it("a file:// URL to a folder that is no repository is bad input", async () => {
    const error = await badInputOf(openSource(`file://${cache}/nothing-here`, { cacheDir: cache }));
    expect(error.message).toMatch(/^no git repository at file:\/\//);
  });
});

describe("openSource: URLs that cannot be cloned", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // Answers every request with 401 and a Basic challenge: what a private repo looks like to git.
    server = createServer((_req, res) => {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="private"' });
      res.end("no");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("a repo needing credentials fails at once without a prompt", async () => {
    const error = await badInputOf(openSource(`http://127.0.0.1:${port}/owner/private.git`, { cacheDir: cache }));
    expect(error.message).toMatch(new RegExp(`^http://127.0.0.1:${port}/owner/private.git needs credentials`));
  });

  it("an unreachable host is bad input", async () => {
    // Port 9 (discard) has no listener here: the connection is refused at once.
    const error = await badInputOf(openSource("https://127.0.0.1:9/owner/repo.git", { cacheDir: cache }));
    expect(error.message).toMatch(/^cannot reach https:\/\/127.0.0.1:9\/owner\/repo.git/);
    expect(error.hint).toContain("network");
  });

  it.each([
    ["htps://github.com/owner/repo", "unsupported URL scheme 'htps' in 'htps://github.com/owner/repo'"],
    ["https://", "malformed URL 'https://'"],
    ["https:github.com/owner/repo", "malformed URL 'https:github.com/owner/repo'"],
    ["https://github.com", "malformed URL 'https://github.com': no repository path"],
    [
      "ext::sh -c touch% /tmp/pwned",
      "'ext::sh -c touch% /tmp/pwned' uses a git remote-helper transport, which is not allowed",
    ],
  ])("malformed URL %s", async (input, message) => {
    const error = await badInputOf(openSource(input, { cacheDir: cache }));
    expect(error.message).toBe(message);
  });
});

describe("openSource: local paths", () => {
  it("a nonexistent path is bad input", async () => {
    const error = await badInputOf(openSource("/no/such/folder/anywhere"));
    expect(error.message).toBe("no such file or folder: /no/such/folder/anywhere");
  });

  it("a plain folder is audited without branches, even inside another git repo", async () => {
    const inner = join(repo, "plain");
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(inner, "a.py"), "x = 1\n");
    const checkout = await openSource(inner);
    expect(checkout.info).toEqual({ url: inner, kind: "folder", commit: null, ref: null, branches: [] });
    expect(checkout.branches?.names() ?? null).toBeNull();
    expect(checkout.branches ? await checkBranches(checkout.branches) : []).toEqual([]);
    rmSync(inner, { recursive: true, force: true });
  });

  it("a local repo is audited as it stands, uncommitted changes included, and is not modified", async () => {
    writeFileSync(join(repo, "wip.py"), "z = 3\n");
    const statusBefore = git(repo, "status", "--porcelain");
    const checkout = await openSource(repo);
    expect(checkout.root).toBe(repo);
    expect(checkout.info.commit).toBe(commits.main);
    expect(checkout.info.ref).toBe("main");
    expect(existsSync(join(checkout.root, "wip.py"))).toBe(true);
    expect(checkout.branches?.names() ?? null).toEqual(["dev", "feature/ok", "main"]);
    const records = checkout.branches ? await checkBranches(checkout.branches) : [];
    expect(records.filter((r) => r.kind === "branch").map((r) => r.name)).toEqual(["dev", "feature/ok"]);
    expect(git(repo, "status", "--porcelain")).toBe(statusBefore);
    rmSync(join(repo, "wip.py"));
  });

  it("a local repo's untracked and ignored paths are listed, as a clone would not hold them", async () => {
    writeFiles(repo, {
      ".gitignore": "data/\n",
      "__pycache__/train.cpython-311.pyc": "bytes",
      "data/train.csv": "a,b\n",
      "notes.txt": "scratch\n",
    });
    git(repo, "add", ".gitignore");
    try {
      const checkout = await openSource(repo);
      expect([...(checkout.untracked ?? [])].sort()).toEqual(["__pycache__/", "data/", "notes.txt"]);
      // A commit's files written out (--ref) hold nothing untracked.
      const atRef = await openSource(repo, { ref: "main" });
      expect(atRef.untracked).toBeUndefined();
      await atRef.dispose();
    } finally {
      git(repo, "rm", "-q", "--cached", ".gitignore");
      for (const p of [".gitignore", "__pycache__", "data", "notes.txt"])
        rmSync(join(repo, p), { recursive: true, force: true });
    }
  });

  it("--ref on a local repo audits that commit from a temp folder, leaving the repo as it was", async () => {
    const head = git(repo, "rev-parse", "HEAD");
    const checkout = await openSource(repo, { ref: "dev" });
    expect(checkout.root).not.toBe(repo);
    expect(checkout.info.commit).toBe(commits.dev);
    expect(readFileSync(join(checkout.root, "broken.py"), "utf8")).toBe("def f(:\n    pass\n");
    expect(git(repo, "rev-parse", "HEAD")).toBe(head);
    expect(git(repo, "worktree", "list").split("\n")).toHaveLength(1);
    const temp = checkout.root;
    await checkout.dispose();
    expect(existsSync(temp)).toBe(false);
  });

  it("a local repo without commits is bad input", async () => {
    const empty = tempDir();
    git(empty, "init", "-q");
    const error = await badInputOf(openSource(empty));
    expect(error.message).toBe(`${empty} is an empty git repository (no commits)`);
    rmSync(empty, { recursive: true, force: true });
  });

  it("an unknown ref on a local repo is bad input", async () => {
    const error = await badInputOf(openSource(repo, { ref: "missing-branch" }));
    expect(error.message).toBe(`unknown ref 'missing-branch' in ${repo}`);
  });
});
