// git through node:child_process: its output, its failures in git's words, the output cap, and stopping it.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { gitAt, gitText, runGit } from "../../src/clone/git-run.js";
import { makeRepo, tempDir } from "./git-fixture.js";

const repo = tempDir();
const commits = makeRepo(repo);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("runGit", () => {
  it("resolves with stdout as bytes, stderr and the exit code, a failing command included", async () => {
    const ok = await runGit(repo, ["rev-parse", "main"]);
    expect({ code: ok.exitCode, out: ok.stdout.toString("utf8").trim() }).toEqual({ code: 0, out: commits.main });
    const bad = await runGit(repo, ["rev-parse", "--verify", "no-such-ref"]);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toMatch(/fatal/);
  });

  it("refuses output past maxBuffer instead of holding it", async () => {
    await expect(runGit(repo, ["log", "--format=%H %s"], { maxBuffer: 20 })).rejects.toThrow(/more than 20 bytes/);
  });

  it("is stopped by its signal", async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(runGit(repo, ["rev-parse", "HEAD"], { signal: stop.signal })).rejects.toThrow(/abort/i);
  });
});

describe("gitText and gitAt", () => {
  it("give stdout as text, and reject with git's own stderr when it fails", async () => {
    expect((await gitText(repo, ["rev-parse", "v1"])).trim()).toBe(commits.first);
    expect((await gitAt(repo).raw(["symbolic-ref", "--short", "HEAD"])).trim()).toBe("main");
    await expect(gitAt(repo).raw(["rev-parse", "--verify", "no-such-ref"])).rejects.toThrow(
      /fatal: Needed a single revision/,
    );
  });

  it("run with the safe settings: the repo's hooks path is never used", async () => {
    expect((await gitText(repo, ["config", "core.hooksPath"])).trim()).toBe("/dev/null");
  });
});
