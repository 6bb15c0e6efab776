// A folder inside a repository the caller vouches for (the Action's workspace) keeps that repository's git,
// its branches seen from the folder alone; without the voucher it stays a plain folder.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "../../src/clone/index.js";
import { AuditError } from "../../src/model/errors.js";
import { commitAll, git, tempDir, writeFiles } from "./git-fixture.js";

let repo: string;
let commits: { main: string; other: string; bare: string };

beforeAll(() => {
  repo = tempDir();
  git(repo, "init", "-q");
  writeFiles(repo, {
    "README.md": "# Two solutions\n",
    "sol/train.py": "print('main')\n",
    "sol/README.md": "# Sol\n",
    "other/x.py": "y = 1\n",
  });
  const main = commitAll(repo, "main");
  git(repo, "checkout", "-q", "-b", "other");
  writeFiles(repo, { "sol/extra.py": "z = 2\n", "other/more.py": "w = 3\n" });
  const other = commitAll(repo, "other");
  git(repo, "checkout", "-q", "--orphan", "bare");
  git(repo, "rm", "-rqf", ".");
  writeFiles(repo, { "only.txt": "no sol here\n" });
  const bare = commitAll(repo, "bare");
  git(repo, "checkout", "-q", "main");
  commits = { main, other, bare };
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("openSource: a subfolder of a repository", () => {
  it("is a plain folder when nobody vouches for the repository around it", async () => {
    const checkout = await openSource(join(repo, "sol"));
    expect(checkout.info.kind).toBe("folder");
    expect(checkout.branches).toBeNull();
  });

  it("keeps the repository's git when the caller vouches for a folder around it", async () => {
    const checkout = await openSource(join(repo, "sol"), { gitRootWithin: repo });
    expect(checkout.info).toMatchObject({ kind: "git", commit: commits.main, ref: "main", subfolder: "sol" });
    expect(checkout.root).toBe(join(repo, "sol"));
    const other = checkout.branches!.others().find((b) => b.name === "other")!;
    const paths = (await checkout.branches!.tree(other.commit)).map((e) => e.path).sort();
    expect(paths).toEqual(["README.md", "extra.py", "train.py"]);
    const bare = checkout.branches!.others().find((b) => b.name === "bare")!;
    expect(await checkout.branches!.tree(bare.commit)).toEqual([]);
    await checkout.dispose();
  });

  it("writes a ref's subfolder alone and refuses a ref whose tree lacks it", async () => {
    const checkout = await openSource(join(repo, "sol"), { gitRootWithin: repo, ref: "other" });
    expect(checkout.info.commit).toBe(commits.other);
    expect(readFileSync(join(checkout.root, "extra.py"), "utf8")).toBe("z = 2\n");
    expect(existsSync(join(checkout.root, "other"))).toBe(false);
    await checkout.dispose();
    const error = await openSource(join(repo, "sol"), { gitRootWithin: repo, ref: "bare" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).message).toContain("has no folder sol");
  });

  it("never looks above the vouched folder", async () => {
    const checkout = await openSource(join(repo, "sol"), { gitRootWithin: join(repo, "sol") });
    expect(checkout.info.kind).toBe("folder");
  });
});
