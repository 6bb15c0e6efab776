// The corpus mirrors: the folders listed, a bare clone's HEAD written out as a one-commit repo dated as HEAD.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bareCloneOf, checkoutOf, cloneOf, listMirrors } from "../../../bench/real/mirrors.js";

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "a",
      GIT_AUTHOR_EMAIL: "a@x",
      GIT_COMMITTER_NAME: "a",
      GIT_COMMITTER_EMAIL: "a@x",
      ...env,
    },
    encoding: "utf8",
  });

/** A folder of mirrors: b+two holds a bare clone of a repo committed in 2019, a+one a plain checkout. */
function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), "repro-audit-mirrors-test-"));
  made.push(root);
  const work = join(root, "work");
  mkdirSync(join(work, "src"), { recursive: true });
  writeFileSync(join(work, "src", "train.py"), "import numpy\n");
  writeFileSync(join(work, "requirements.txt"), "numpy==1.19.1\n");
  git(work, ["init", "-q", "-b", "main"]);
  git(work, ["add", "-A"]);
  const when = "2019-05-04T03:02:01+00:00";
  git(work, ["commit", "-q", "-m", "solution"], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  mkdirSync(join(root, "b+two"));
  git(root, ["clone", "-q", "--bare", work, join("b+two", "repo")]);
  mkdirSync(join(root, "a+one"));
  mkdirSync(join(root, "not-a-mirror"));
  return root;
}

describe("corpus mirrors", () => {
  it("lists <owner>+<name> folders sorted, or those named in the order named", () => {
    const root = corpus();
    expect(listMirrors(root)).toEqual(["a+one", "b+two"]);
    expect(listMirrors(root, ["b+two", "c+absent", "a+one"])).toEqual(["b+two", "a+one"]);
    expect(listMirrors(join(root, "nowhere"))).toEqual([]);
  });

  it("writes HEAD's files out as a one-commit repo dated as HEAD", () => {
    const root = corpus();
    expect(bareCloneOf(join(root, "a+one"))).toBeNull();
    const bare = bareCloneOf(join(root, "b+two"))!;
    const tree = checkoutOf(bare, { commit: true });
    made.push(tree);
    expect(readFileSync(join(tree, "src", "train.py"), "utf8")).toBe("import numpy\n");
    expect(git(tree, ["show", "-s", "--format=%cI", "HEAD"]).trim()).toBe("2019-05-04T03:02:01+00:00");
    expect(git(tree, ["ls-files"]).trim().split("\n")).toEqual(["requirements.txt", "src/train.py"]);
  });

  it("clones a bare mirror as its user holds one: its branches as origin/<name>, HEAD's files, a clean index", () => {
    const root = corpus();
    const bare = bareCloneOf(join(root, "b+two"))!;
    git(bare, ["branch", "experiment", "main"]);
    const clone = cloneOf(bare);
    made.push(clone);
    expect(readFileSync(join(clone, "requirements.txt"), "utf8")).toBe("numpy==1.19.1\n");
    expect(git(clone, ["branch", "-r", "--format=%(refname:short)"]).trim().split("\n")).toEqual([
      "origin/HEAD",
      "origin/experiment",
      "origin/main",
    ]);
    expect(git(clone, ["status", "--porcelain"]).trim()).toBe("");
    // A plain clone, not one borrowing the mirror's objects: the audit refuses alternates outside the repo.
    expect(() => readFileSync(join(clone, ".git", "objects", "info", "alternates"))).toThrow();
  });
});
