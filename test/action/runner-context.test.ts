// Trust as the runner's context gives it: real git repos in a temp workspace, real event payload files.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditedFolder, trustOf } from "../../src/action/runner-context.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Sample", "-c", "user.email=sample@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  );

function repoAt(folder: string, origin: string | null): string {
  mkdirSync(folder, { recursive: true });
  git(folder, "init", "-q", "-b", "main");
  writeFileSync(join(folder, "train.py"), "print('train')\n");
  git(folder, "add", "-A");
  git(folder, "commit", "-qm", "solution");
  if (origin) git(folder, "remote", "add", "origin", origin);
  return folder;
}

let temp: string;
let workspace: string;
let events: string;
beforeAll(() => {
  temp = realpathSync(mkdtempSync(join(tmpdir(), "action-context-")));
  workspace = repoAt(join(temp, "workspace"), "https://github.com/team/solution");
  events = join(temp, "events");
  mkdirSync(events);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The runner's variables for an event whose payload is written to a real file. */
function runner(eventName: string, payload: unknown): Record<string, string> {
  const path = join(events, `${eventName}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: "team/solution",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
  };
}
const push = { ref: "refs/heads/main", repository: { full_name: "team/solution" } };
const pullRequestFrom = (head: string) => ({
  pull_request: { head: { repo: { full_name: head } }, base: { repo: { full_name: "team/solution" } } },
});
const trustIn = (path: string, env: Record<string, string>) => trustOf(auditedFolder(path, workspace), workspace, env);

describe("trustOf", () => {
  it("trusts the workspace's own checkout on a push and on a pull request from the same repository", () => {
    expect(trustIn(workspace, runner("push", push)).trusted).toBe(true);
    expect(trustIn(workspace, runner("pull_request", pullRequestFrom("team/solution"))).trusted).toBe(true);
  });

  it("does not trust a plain folder inside the checkout, though git finds the checkout's origin from it", () => {
    const plain = join(workspace, "entries", "stranger");
    mkdirSync(plain, { recursive: true });
    writeFileSync(join(plain, "train.py"), "import os; os.system('curl evil')\n");
    const decision = trustIn(plain, runner("push", push));
    expect(decision).toEqual({
      trusted: false,
      why: `the audited folder is not the top level of a git repository of its own (git finds ${workspace})`,
    });
  });

  it("trusts a repository of its own inside the workspace whose origin is the workflow's", () => {
    const nested = repoAt(join(workspace, "nested-own"), "git@github.com:team/solution.git");
    expect(trustIn(nested, runner("push", push)).trusted).toBe(true);
  });

  it("does not trust a folder whose .git file points at a repository whose origin is the workflow's", () => {
    const linked = join(workspace, "linked");
    mkdirSync(linked);
    writeFileSync(join(linked, ".git"), `gitdir: ${join(workspace, ".git")}\n`);
    expect(trustIn(linked, runner("push", push)).trusted).toBe(false);
  });

  it("does not trust a fork's pull request, an issue comment, a finished run naming a fork, or no payload", () => {
    expect(trustIn(workspace, runner("pull_request", pullRequestFrom("stranger/solution"))).trusted).toBe(false);
    const comment = {
      issue: { number: 7, pull_request: { url: "https://api.github.com/repos/team/solution/pulls/7" } },
      comment: { body: "/audit" },
    };
    expect(trustIn(workspace, runner("issue_comment", comment)).why).toBe(
      "a issue_comment event may run a stranger's code (only push, and pull_request from this repository, are trusted)",
    );
    const run = {
      workflow_run: {
        event: "pull_request",
        head_repository: { full_name: "stranger/solution" },
        repository: { full_name: "team/solution" },
      },
    };
    expect(trustIn(workspace, runner("workflow_run", run)).trusted).toBe(false);
    // A push whose payload names a fork's head anywhere is a stranger's code too.
    expect(trustIn(workspace, runner("push", { ...push, extra: { workflow_run: run.workflow_run } })).trusted).toBe(
      false,
    );
    const noPayload = { GITHUB_REPOSITORY: "team/solution", GITHUB_EVENT_NAME: "push" };
    expect(trustIn(workspace, noPayload).trusted).toBe(false);
    expect(trustIn(workspace, { ...noPayload, GITHUB_EVENT_PATH: join(events, "missing.json") }).trusted).toBe(false);
    const notJson = join(events, "not-json.json");
    writeFileSync(notJson, "{");
    expect(trustIn(workspace, { ...noPayload, GITHUB_EVENT_PATH: notJson }).trusted).toBe(false);
  });
});
