// Whether the audited folder is the workflow's own repository (pure).
import { describe, expect, it } from "vitest";
import { decideTrust, normalizeRepoUrl, pullRequestHead } from "../../src/action/trust.js";

const own = { insideWorkspace: true, originUrl: "https://github.com/Team/Solution", serverUrl: "https://github.com", repository: "team/solution" };

describe("normalizeRepoUrl", () => {
  it("reads https, scp-like and ssh forms, credentials, case and .git alike", () => {
    const forms = ["https://github.com/team/solution", "https://x-access-token:abc@github.com/Team/solution.git", "git@github.com:team/solution.git", "ssh://git@github.com/team/solution/"];
    expect(new Set(forms.map(normalizeRepoUrl))).toEqual(new Set(["github.com/team/solution"]));
    expect(normalizeRepoUrl("https://github.com/team/solution-fork")).not.toBe("github.com/team/solution");
  });
});

describe("decideTrust", () => {
  it("trusts the workflow's own repository on a push", () => {
    expect(decideTrust(own)).toEqual({ trusted: true, why: "the audited folder is team/solution, the repository this workflow runs in" });
  });
  it("trusts a pull request from a branch of the same repository", () => {
    expect(decideTrust({ ...own, pullRequestHead: "Team/Solution" }).trusted).toBe(true);
  });
  it("does not trust another repository, a fork's pull request, a folder without origin or outside the workspace", () => {
    expect(decideTrust({ ...own, originUrl: "https://github.com/other/solution" })).toEqual({ trusted: false, why: "the audited folder is a checkout of another repository, not team/solution" });
    expect(decideTrust({ ...own, originUrl: "https://gitlab.com/team/solution" }).trusted).toBe(false);
    expect(decideTrust({ ...own, pullRequestHead: "stranger/solution" })).toEqual({ trusted: false, why: "the code comes from a pull request of stranger/solution, not team/solution" });
    expect(decideTrust({ ...own, originUrl: null }).trusted).toBe(false);
    expect(decideTrust({ ...own, insideWorkspace: false }).trusted).toBe(false);
    expect(decideTrust({ ...own, repository: "" }).trusted).toBe(false);
  });
  it("compares with a GitHub Enterprise server's own address", () => {
    const ghes = { ...own, serverUrl: "https://git.example.com/", originUrl: "https://git.example.com/team/solution" };
    expect(decideTrust(ghes).trusted).toBe(true);
    expect(decideTrust({ ...ghes, originUrl: "https://github.com/team/solution" }).trusted).toBe(false);
  });
});

describe("pullRequestHead", () => {
  it("reads the head repository of a pull request event, none for other events", () => {
    expect(pullRequestHead({ pull_request: { head: { repo: { full_name: "a/b" } } } })).toBe("a/b");
    expect(pullRequestHead({ pull_request: { head: { repo: null } } })).toBe("(a deleted repository)");
    expect(pullRequestHead({ ref: "refs/heads/main" })).toBeUndefined();
    expect(pullRequestHead(null)).toBeUndefined();
  });
});
