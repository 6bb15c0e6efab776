// Whether the audited tree is the workflow's own repository, whose config and inline suppressions then count
// as the user's (the pipeline's trustRepo). A stranger's code (another repo checked out, a fork's pull
// request) is never trusted: it must not quiet its own audit (pure).

export interface TrustFacts {
  /** The audited folder lies inside GITHUB_WORKSPACE. */
  insideWorkspace: boolean;
  /** `remote.origin.url` of the git repository holding the audited folder; null when there is none. */
  originUrl: string | null;
  /** GITHUB_SERVER_URL and GITHUB_REPOSITORY: the repository the workflow runs in. */
  serverUrl: string;
  repository: string;
  /** The pull request's head repository (owner/name) when the event is one; undefined otherwise. */
  pullRequestHead?: string;
}

export interface TrustDecision {
  trusted: boolean;
  /** Why, in a sentence for the summary. */
  why: string;
}

/** "https://x@github.com/Owner/Repo.git", "git@github.com:owner/repo", "ssh://git@github.com/owner/repo/" -> "github.com/owner/repo". */
export function normalizeRepoUrl(url: string): string {
  let text = url.trim().toLowerCase();
  const scp = /^[^/@:]+@([^/:]+):(.+)$/.exec(text);
  if (scp) text = `${scp[1]}/${scp[2]}`;
  return text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^[^/@]*@/, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
}

export function decideTrust(facts: TrustFacts): TrustDecision {
  const own = `${facts.serverUrl.replace(/\/+$/, "")}/${facts.repository}`;
  if (!facts.insideWorkspace) return { trusted: false, why: "the audited folder lies outside the workspace" };
  if (!facts.repository) return { trusted: false, why: "GITHUB_REPOSITORY is not set, so the workflow's repository is unknown" };
  if (facts.originUrl === null) return { trusted: false, why: "the audited folder has no git remote 'origin' to compare with the workflow's repository" };
  if (normalizeRepoUrl(facts.originUrl) !== normalizeRepoUrl(own)) {
    return { trusted: false, why: `the audited folder is a checkout of another repository, not ${facts.repository}` };
  }
  if (facts.pullRequestHead !== undefined && facts.pullRequestHead.toLowerCase() !== facts.repository.toLowerCase()) {
    return { trusted: false, why: `the code comes from a pull request of ${facts.pullRequestHead}, not ${facts.repository}` };
  }
  return { trusted: true, why: `the audited folder is ${facts.repository}, the repository this workflow runs in` };
}

/** The head repository of a pull_request / pull_request_target event's payload; undefined for other events. */
export function pullRequestHead(event: unknown): string | undefined {
  const pr = (event as { pull_request?: { head?: { repo?: { full_name?: unknown } | null } } } | null)?.pull_request;
  if (!pr) return undefined;
  const name = pr.head?.repo?.full_name;
  // A pull request whose head repository was deleted has none: treat it as a stranger's.
  return typeof name === "string" ? name : "(a deleted repository)";
}
