// Whether the audited folder is the workflow's own repository, on an event that runs its own code (pure).
import { describe, expect, it } from "vitest";
import { decideTrust, headRepositories, normalizeRepoUrl, type TrustFacts } from "../../src/action/trust.js";

const pushPayload = { ref: "refs/heads/main", repository: { full_name: "team/solution" }, head_commit: { id: "abc" } };
const own: TrustFacts = {
  folder: "/work/solution",
  topLevel: "/work/solution",
  ownGitFolder: true,
  originUrl: "https://github.com/Team/Solution",
  serverUrl: "https://github.com",
  repository: "team/solution",
  eventName: "push",
  event: pushPayload,
};
const pullRequest = (head: unknown) => ({
  pull_request: { head: { repo: head }, base: { repo: { full_name: "team/solution" } } },
});

describe("normalizeRepoUrl", () => {
  it("reads https, scp-like and ssh forms, credentials, case and .git alike", () => {
    const forms = [
      "https://github.com/team/solution",
      "https://x-access-token:abc@github.com/Team/solution.git",
      "git@github.com:team/solution.git",
      "ssh://git@github.com/team/solution/",
    ];
    expect(new Set(forms.map(normalizeRepoUrl))).toEqual(new Set(["github.com/team/solution"]));
    expect(normalizeRepoUrl("https://github.com/team/solution-fork")).not.toBe("github.com/team/solution");
  });
});

describe("decideTrust", () => {
  it("trusts the workflow's own repository on a push", () => {
    expect(decideTrust(own)).toEqual({
      trusted: true,
      why: "the audited folder is team/solution, the repository this workflow runs in",
    });
  });

  it("trusts a pull request from a branch of the same repository", () => {
    expect(
      decideTrust({ ...own, eventName: "pull_request", event: pullRequest({ full_name: "Team/Solution" }) }).trusted,
    ).toBe(true);
  });

  it("does not trust a plain folder inside another git repository, nor a folder with no repository", () => {
    expect(decideTrust({ ...own, folder: "/work/solution/entries/team-a" })).toEqual({
      trusted: false,
      why: "the audited folder is not the top level of a git repository of its own (git finds /work/solution)",
    });
    expect(decideTrust({ ...own, topLevel: null })).toEqual({
      trusted: false,
      why: "the audited folder is not a git repository",
    });
    expect(decideTrust({ ...own, ownGitFolder: false }).why).toBe(
      "the audited folder's .git is a file or link to another repository's, not a folder of its own",
    );
  });

  it("does not trust another repository, a folder without origin, or an unknown workflow repository", () => {
    expect(decideTrust({ ...own, originUrl: "https://github.com/other/solution" })).toEqual({
      trusted: false,
      why: "the audited folder is a checkout of another repository, not team/solution",
    });
    expect(decideTrust({ ...own, originUrl: "https://gitlab.com/team/solution" }).trusted).toBe(false);
    expect(decideTrust({ ...own, originUrl: null }).trusted).toBe(false);
    expect(decideTrust({ ...own, repository: "" }).trusted).toBe(false);
  });

  it("does not trust a fork's pull request, nor one whose head repository is gone or unnamed", () => {
    expect(
      decideTrust({ ...own, eventName: "pull_request", event: pullRequest({ full_name: "stranger/solution" }) }),
    ).toEqual({
      trusted: false,
      why: "the event names stranger/solution as the code's head repository, not team/solution",
    });
    expect(decideTrust({ ...own, eventName: "pull_request", event: pullRequest(null) }).trusted).toBe(false);
    expect(
      decideTrust({ ...own, eventName: "pull_request", event: pullRequest({ id: 1, name: "solution" }) }).trusted,
    ).toBe(false);
    expect(decideTrust({ ...own, eventName: "pull_request", event: { action: "opened" } })).toEqual({
      trusted: false,
      why: "the pull_request event names no head repository, so the code may be a stranger's",
    });
  });

  it("trusts no event but push and pull_request: a comment or a finished run may carry a fork's code", () => {
    for (const eventName of [
      "issue_comment",
      "workflow_run",
      "pull_request_target",
      "workflow_dispatch",
      "schedule",
      "check_suite",
      "",
    ]) {
      const decision = decideTrust({ ...own, eventName, event: pushPayload });
      expect(decision.trusted, eventName).toBe(false);
    }
    expect(decideTrust({ ...own, eventName: "issue_comment" }).why).toBe(
      "a issue_comment event may run a stranger's code (only push, and pull_request from this repository, are trusted)",
    );
  });

  it("does not trust a payload it could not read", () => {
    expect(decideTrust({ ...own, event: null })).toEqual({
      trusted: false,
      why: "the event's payload (GITHUB_EVENT_PATH) could not be read",
    });
  });

  it("does not trust a push whose payload names another head repository anywhere", () => {
    const smuggled = { ...pushPayload, workflow_run: { head_repository: { full_name: "stranger/solution" } } };
    expect(decideTrust({ ...own, event: smuggled })).toEqual({
      trusted: false,
      why: "the event names stranger/solution as the code's head repository, not team/solution",
    });
  });

  it("compares with a GitHub Enterprise server's own address", () => {
    const ghes = { ...own, serverUrl: "https://git.example.com/", originUrl: "https://git.example.com/team/solution" };
    expect(decideTrust(ghes).trusted).toBe(true);
    expect(decideTrust({ ...ghes, originUrl: "https://github.com/team/solution" }).trusted).toBe(false);
  });
});

describe("headRepositories", () => {
  it("finds every head repository, at any depth, named or not", () => {
    const workflowRun = {
      workflow_run: {
        head_repository: { full_name: "stranger/solution" },
        pull_requests: [{ head: { repo: { id: 1, name: "solution" } } }],
      },
    };
    expect(headRepositories(workflowRun)).toEqual(["stranger/solution", null]);
    expect(headRepositories(pullRequest({ full_name: "a/b" }))).toEqual(["a/b"]);
    expect(headRepositories(pullRequest(null))).toEqual([null]);
    expect(headRepositories(pushPayload)).toEqual([]);
    expect(headRepositories(null)).toEqual([]);
  });

  it("walks a deeply nested payload without overflowing the stack", () => {
    let deep: unknown = { head_repository: { full_name: "stranger/x" } };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(headRepositories(deep)).toEqual(["stranger/x"]);
  });
});
