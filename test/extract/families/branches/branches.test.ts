import { rmSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "../../../../src/clone/index.js";
import { checkBranches } from "../../../../src/extract/families/branches/branch-check.js";
import { extractor } from "../../../../src/extract/families/branches/index.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import type { BranchView } from "../../../../src/model/branch-view.js";
import { commitAll, git, makeRepo, tempDir, writeFiles } from "../../../clone/git-fixture.js";

let repo: string;
let brokenCommit: string;
beforeAll(() => {
  repo = tempDir("ra-br-");
  makeRepo(repo);
  // A branch whose blob object is then deleted: git can no longer produce its tree.
  git(repo, "checkout", "-q", "-b", "broken");
  writeFiles(repo, { "lost.py": "print('this blob goes missing')\n" });
  brokenCommit = commitAll(repo, "broken");
  const blob = git(repo, "rev-parse", "HEAD:lost.py");
  git(repo, "checkout", "-q", "main");
  unlinkSync(join(repo, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("branches family", () => {
  it("a branch with a missing object fails to check out, with git's words", async () => {
    const checkout = await openSource(repo);
    const records = await checkBranches(checkout.branches!);
    expect(records.filter((r) => r.kind === "branch").map((r) => [r.name, r.error === null ? "ok" : "failed"])).toEqual(
      [
        ["broken", "failed"],
        ["dev", "ok"],
        ["feature/ok", "ok"],
      ],
    );
    const broken = records.find((r) => r.name === "broken")!;
    expect(broken.commit).toBe(brokenCommit);
    expect(String(broken.error)).toMatch(/unable to read|missing|bad object|fatal/i);
    // The tree lists the blob and only this clone lacks it: the copy's gap, not the branch's.
    expect(broken.missingLocally).toBe(true);
    expect(records.filter((r) => r.kind === "branch" && r.name !== "broken").map((r) => r.missingLocally)).toEqual([
      undefined,
      undefined,
    ]);
    expect(records.filter((r) => r.kind === "parse-error").map((r) => r.file)).toEqual([
      "broken.py",
      "conf/bad.json",
      "conf/bad.yaml",
    ]);
  });

  it("a branch whose tree object is gone is not marked as a gap of the copy", async () => {
    const lost = tempDir("ra-br-tree-");
    try {
      makeRepo(lost);
      git(lost, "checkout", "-q", "-b", "no-tree");
      writeFiles(lost, { "sub/x.py": "print(1)\n" });
      commitAll(lost, "no-tree");
      const tree = git(lost, "rev-parse", "HEAD:sub");
      git(lost, "checkout", "-q", "main");
      unlinkSync(join(lost, ".git", "objects", tree.slice(0, 2), tree.slice(2)));
      const checkout = await openSource(lost);
      const record = (await checkBranches(checkout.branches!)).find((r) => r.name === "no-tree")!;
      expect(record.error).not.toBeNull();
      expect(record.missingLocally).toBeUndefined();
    } finally {
      rmSync(lost, { recursive: true, force: true });
    }
  });

  it("caps the number of branches checked and says how many were left", async () => {
    const checkout = await openSource(repo);
    const records = await checkBranches(checkout.branches!, {
      maxBranches: 1,
      maxFileBytes: 1024,
      maxFilesPerBranch: 10,
    });
    expect(records).toEqual([
      { kind: "branch", name: "broken", commit: brokenCommit, error: expect.any(String), missingLocally: true },
      { kind: "unchecked", count: 2, reason: "only the first 1 branches are checked" },
    ]);
  });

  it("reads the audited history with git's author dates, and names training code changed after a long silence", async () => {
    const dated = tempDir("ra-br-dated-");
    try {
      git(dated, "init", "-q");
      const commitOn = (day: string, author: string, files: Record<string, string>) => {
        writeFiles(dated, files);
        git(dated, "add", "-A");
        git(dated, "-c", `user.name=${author}`, "commit", "-q", "-m", day, "--date", `${day}T12:00:00Z`);
      };
      commitOn("2023-08-31", "Author", { "train.py": "print(1)\n", "README.md": "# x\n" });
      commitOn("2025-07-03", "Forker", { "configs/cfg_1.py": "data = '/kaggle/input/x'\n" });
      commitOn("2025-07-04", "Forker", { "README.md": "# y\n" });
      const checkout = await openSource(dated);
      const facts = await extractFacts(
        memoryView({ "train.py": "print(1)\n", "configs/cfg_1.py": "x = 1\n" }),
        [extractor],
        {
          branches: checkout.branches!.names(),
          branchView: checkout.branches,
        },
      );
      expect(facts.families.branches!.filter((r) => r.kind !== "branch")).toEqual([
        { kind: "history", commits: 3 },
        {
          kind: "late-rewrite",
          published: "2023-08-31",
          first: "2025-07-03",
          last: "2025-07-03",
          days: 672,
          files: "configs/cfg_1.py",
          commits: 1,
          authors: "Forker",
          newAuthors: true,
        },
      ]);
    } finally {
      rmSync(dated, { recursive: true, force: true });
    }
  });

  it("the extractor checks through the branch view it is given, and a plain folder is not collected", async () => {
    const checkout = await openSource(repo);
    const withGit = await extractFacts(memoryView({}), [extractor], {
      branches: checkout.branches!.names(),
      branchView: checkout.branches,
    });
    expect(withGit.families.branches!.filter((r) => r.kind === "branch").map((r) => r.name)).toEqual([
      "broken",
      "dev",
      "feature/ok",
    ]);
    const folder = await extractFacts(memoryView({}), [extractor], { branches: null });
    expect(folder.families.branches).toBeUndefined();
    expect(folder.notCollected.branches).toBe("a plain folder has no git branches");
  });
});

describe("a file that does not parse on the audited branch too", () => {
  let legacy: string;
  beforeAll(() => {
    legacy = tempDir("ra-br-same-");
    git(legacy, "init", "-q", "-b", "main");
    writeFiles(legacy, { "legacy.py": "def f(:\n    pass\n", "README.md": "# x\n" });
    commitAll(legacy, "first");
    git(legacy, "checkout", "-q", "-b", "copy");
    writeFiles(legacy, { "notes.txt": "a branch that changes no code\n" });
    commitAll(legacy, "copy");
    git(legacy, "checkout", "-q", "main");
    git(legacy, "checkout", "-q", "-b", "edit");
    writeFiles(legacy, { "legacy.py": "def g(:\n    pass\n" });
    commitAll(legacy, "edit");
    git(legacy, "checkout", "-q", "main");
  });
  afterAll(() => rmSync(legacy, { recursive: true, force: true }));

  it("is the audited branch's problem, judged there: only a branch whose copy differs is named", async () => {
    const checkout = await openSource(legacy);
    const records = await checkBranches(checkout.branches!);
    expect(records.filter((r) => r.kind === "parse-error").map((r) => [r.branch, r.file])).toEqual([
      ["edit", "legacy.py"],
    ]);
  });
});

describe("branches read together", () => {
  let shared: string;
  beforeAll(() => {
    shared = tempDir("ra-br-shared-");
    git(shared, "init", "-q", "-b", "main");
    writeFiles(shared, { "train.py": "print('main')\n", "README.md": "# x\n" });
    commitAll(shared, "first");
    // Three branches carry the same broken file (one blob), one also a file of its own.
    for (const name of ["a", "b", "c"]) {
      git(shared, "checkout", "-q", "-b", name, "main");
      writeFiles(shared, { "train.py": "def f(:\n    pass\n", ...(name === "c" ? { "own.json": "{bad\n" } : {}) });
      commitAll(shared, name);
    }
    git(shared, "checkout", "-q", "main");
  });
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  /** The repo's real git view, with its calls counted: how many blob reads, which blobs, trees in flight at once. */
  function counted(view: BranchView) {
    const seen = { reads: 0, shas: [] as string[], inFlight: 0, mostInFlight: 0 };
    const wrapped: BranchView = {
      ...view,
      tree: async (commit) => {
        seen.mostInFlight = Math.max(seen.mostInFlight, ++seen.inFlight);
        try {
          return await view.tree(commit);
        } finally {
          seen.inFlight--;
        }
      },
      readBlobs: (shas, onBlob) => {
        seen.reads++;
        seen.shas.push(...shas);
        return view.readBlobs(shas, onBlob);
      },
    };
    return { view: wrapped, seen };
  }

  it("lists every tree side by side and reads each blob once, through one read for all branches", async () => {
    const checkout = await openSource(shared);
    const { view, seen } = counted(checkout.branches!);
    const records = await checkBranches(view);
    expect(seen.reads).toBe(1);
    expect(seen.shas.length).toBe(new Set(seen.shas).size);
    expect(seen.shas.length).toBe(2);
    // The audited commit's tree and the three branches'.
    expect(seen.mostInFlight).toBe(4);
    expect(records.filter((r) => r.kind === "parse-error").map((r) => [r.branch, r.file])).toEqual([
      ["a", "train.py"],
      ["b", "train.py"],
      ["c", "own.json"],
      ["c", "train.py"],
    ]);
    expect(records.filter((r) => r.kind === "branch").map((r) => [r.name, r.error])).toEqual([
      ["a", null],
      ["b", null],
      ["c", null],
    ]);
    await checkout.dispose();
  });
});
