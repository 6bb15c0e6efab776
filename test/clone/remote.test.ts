// A URL's cache clone (real git repos made by the test, cloned through file:// URLs): made once, brought up to
// date on later audits, and used as it stands when the caller has just brought it up to date itself.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureClone } from "../../src/clone/remote.js";
import { commitAll, git, makeRepo, tempDir, writeFiles } from "./git-fixture.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("ensureClone", () => {
  it("fetches the remote's new commits into an existing clone, unless told the clone is fresh", async () => {
    const root = tempDir();
    made.push(root);
    const origin = join(root, "origin");
    mkdirSync(origin);
    const { main } = makeRepo(origin);
    const url = `file://${origin}`;
    const cache = join(root, "cache");
    const dir = await ensureClone(url, cache);
    const cached = () => git(dir, "rev-parse", "refs/remotes/origin/main");
    expect(cached()).toBe(main);

    git(origin, "checkout", "-q", "main");
    writeFiles(origin, { "later.py": "print('later')\n" });
    const later = commitAll(origin, "later");
    // Fresh (a batch's clone ahead has just fetched it): used as it stands, no fetch.
    expect(await ensureClone(url, cache, undefined, true)).toBe(dir);
    expect(cached()).toBe(main);
    // Otherwise every audit brings the clone up to date.
    expect(await ensureClone(url, cache)).toBe(dir);
    expect(cached()).toBe(later);
  });

  it("clones a URL it has no clone of even when told fresh", async () => {
    const root = tempDir();
    made.push(root);
    const origin = join(root, "origin");
    mkdirSync(origin);
    const { main } = makeRepo(origin);
    const dir = await ensureClone(`file://${origin}`, join(root, "cache"), undefined, true);
    expect(git(dir, "rev-parse", "refs/remotes/origin/main")).toBe(main);
  });

  it("rebuilds a cache clone in which a killed git left its lock files, instead of refusing it", async () => {
    const root = tempDir();
    made.push(root);
    const origin = join(root, "origin");
    mkdirSync(origin);
    makeRepo(origin);
    const url = `file://${origin}`;
    const cache = join(root, "cache");
    const dir = await ensureClone(url, cache);
    // What a git fetch killed with SIGKILL leaves: the ref and shallow locks it held.
    writeFileSync(join(dir, ".git", "refs", "remotes", "origin", "main.lock"), "");
    writeFileSync(join(dir, ".git", "shallow.lock"), "");

    git(origin, "checkout", "-q", "main");
    writeFiles(origin, { "later.py": "print('later')\n" });
    const later = commitAll(origin, "later");
    expect(await ensureClone(url, cache)).toBe(dir);
    expect(git(dir, "rev-parse", "refs/remotes/origin/main")).toBe(later);
    // Nothing of the old clone is left beside the new one.
    expect(readdirSync(cache).filter((name) => name.includes(".stale-"))).toEqual([]);
  });
});
