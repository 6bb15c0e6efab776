// What a user reads when git fails: git's most telling line, taken from git's real output.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cloneFailure, tellingGitLine } from "../../src/clone/git-errors.js";

/** stderr of a real git command that fails. */
function gitStderr(args: string[]): string {
  const run = spawnSync("git", args, { encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
  expect(run.status).not.toBe(0);
  return run.stderr;
}

describe("tellingGitLine", () => {
  it("quotes the fatal line that names the cause, not the generic one git prints last", () => {
    const stderr = gitStderr([
      "clone",
      "-q",
      "file:///nonexistent/solution",
      join(mkdtempSync(join(tmpdir(), "git-err-")), "x"),
    ]);
    expect(stderr.trim().split("\n").at(-1)).toBe("and the repository exists.");
    expect(tellingGitLine(stderr)).toBe("'/nonexistent/solution' does not appear to be a git repository");
    expect(cloneFailure("file:///nonexistent/solution", stderr).message).toBe(
      "no git repository at file:///nonexistent/solution (git said: '/nonexistent/solution' does not appear to be a git repository)",
    );
  });

  it("prefers fatal over error over remote lines, skips hints, and falls back to the last line", () => {
    expect(tellingGitLine("remote: Repository not found.\nfatal: repository 'https://x/y/' not found\n")).toBe(
      "repository 'https://x/y/' not found",
    );
    expect(
      tellingGitLine("error: pathspec 'nope' did not match any file(s) known to git\nhint: did you mean 'main'?\n"),
    ).toBe("pathspec 'nope' did not match any file(s) known to git");
    expect(tellingGitLine("warning: redirecting\nremote: Internal error\n")).toBe("remote: Internal error");
    expect(tellingGitLine("something odd\nand then this\n")).toBe("and then this");
    expect(tellingGitLine("")).toBe("no output");
  });

  it("quotes a real checkout error of an unknown ref", () => {
    const repo = mkdtempSync(join(tmpdir(), "git-err-ref-"));
    spawnSync("git", ["init", "-q", repo]);
    const stderr = gitStderr(["-C", repo, "-c", "advice.detachedHead=false", "checkout", "--quiet", "no-such-branch"]);
    expect(tellingGitLine(stderr)).toBe("pathspec 'no-such-branch' did not match any file(s) known to git");
  });
});
