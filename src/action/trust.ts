// Whether the audited tree is the workflow's own repository, on an event that runs the repository's own code;
// only then do its config and inline suppressions count as the user's (the pipeline's trustRepo) and may its
// training run on the runner. A stranger's code (another repo checked out, a fork's pull request, a comment
// or a finished run that names a fork) is never trusted: it must not quiet its own audit (pure).

export interface TrustFacts {
  /** The audited folder, a real absolute path. */
  folder: string;
  /** The top level of the git repository git finds from the folder (real path); null when none. */
  topLevel: string | null;
  /** The folder's `.git` is a folder of its own, not a file or link pointing at another repository's. */
  ownGitFolder: boolean;
  /** `remote.origin.url` of that repository; null when there is none. */
  originUrl: string | null;
  /** GITHUB_SERVER_URL and GITHUB_REPOSITORY: the repository the workflow runs in. */
  serverUrl: string;
  repository: string;
  /** GITHUB_EVENT_NAME. */
  eventName: string;
  /** The event's payload (GITHUB_EVENT_PATH) parsed; null when it is missing or unreadable. */
  event: unknown;
}

export interface TrustDecision {
  trusted: boolean;
  /** Why, in a sentence for the summary. */
  why: string;
}

/** Events whose code is the repository's own: a push, or a pull request whose head is this repository. Any
 * other event (issue_comment, workflow_run, pull_request_target, ...) may check out a fork's code. */
const OWN_CODE_EVENTS = ["push", "pull_request"];

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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The head repository an object names (its full_name), null when it names none it can be checked by. */
function fullName(repo: unknown): string | null {
  return isObject(repo) && typeof repo.full_name === "string" ? repo.full_name : null;
}

/**
 * Every head repository the payload names, at any depth: `head.repo` (pull requests, also those listed
 * inside workflow_run and check_suite) and `head_repository` (workflow_run); null for one that names no
 * full_name (deleted, or listed by id only). Walked with a stack, so no payload's depth overflows it.
 */
export function headRepositories(event: unknown): Array<string | null> {
  const found: Array<string | null> = [];
  const stack: unknown[] = [event];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    if ("head_repository" in node) found.push(fullName(node.head_repository));
    if (isObject(node.head) && "repo" in node.head) found.push(fullName(node.head.repo));
    const children = Array.isArray(node) ? node : Object.values(node);
    for (let i = children.length - 1; i >= 0; i--) if (isObject(children[i])) stack.push(children[i]);
  }
  return found;
}

export function decideTrust(facts: TrustFacts): TrustDecision {
  const own = `${facts.serverUrl.replace(/\/+$/, "")}/${facts.repository}`;
  if (!facts.repository)
    return { trusted: false, why: "GITHUB_REPOSITORY is not set, so the workflow's repository is unknown" };
  if (facts.topLevel === null) return { trusted: false, why: "the audited folder is not a git repository" };
  // A plain folder inside the workspace's checkout would borrow the checkout's origin.
  if (facts.topLevel !== facts.folder) {
    return {
      trusted: false,
      why: `the audited folder is not the top level of a git repository of its own (git finds ${facts.topLevel})`,
    };
  }
  if (!facts.ownGitFolder)
    return {
      trusted: false,
      why: "the audited folder's .git is a file or link to another repository's, not a folder of its own",
    };
  if (facts.originUrl === null)
    return {
      trusted: false,
      why: "the audited folder has no git remote 'origin' to compare with the workflow's repository",
    };
  if (normalizeRepoUrl(facts.originUrl) !== normalizeRepoUrl(own)) {
    return { trusted: false, why: `the audited folder is a checkout of another repository, not ${facts.repository}` };
  }
  if (!OWN_CODE_EVENTS.includes(facts.eventName)) {
    return {
      trusted: false,
      why: `a ${facts.eventName || "(unnamed)"} event may run a stranger's code (only push, and pull_request from this repository, are trusted)`,
    };
  }
  if (facts.event === null) return { trusted: false, why: "the event's payload (GITHUB_EVENT_PATH) could not be read" };
  const heads = headRepositories(facts.event);
  const stranger = heads.find((head) => head === null || head.toLowerCase() !== facts.repository.toLowerCase());
  if (stranger !== undefined) {
    return {
      trusted: false,
      why: `the event names ${stranger ?? "a head repository it does not name by full_name"} as the code's head repository, not ${facts.repository}`,
    };
  }
  if (facts.eventName === "pull_request" && heads.length === 0) {
    return { trusted: false, why: "the pull_request event names no head repository, so the code may be a stranger's" };
  }
  return { trusted: true, why: `the audited folder is ${facts.repository}, the repository this workflow runs in` };
}
