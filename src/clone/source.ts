// Open the source of an audit: clone a URL into the cache or open a local folder, pick the ref, list branches.
import { lstat, mkdir, mkdtemp, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { badInput, internalError } from "../model/errors.js";
import type { BranchInfo, RepoInfo } from "../model/report.js";
import type { BranchRef, BranchView } from "../model/branch-view.js";
import { gitBranchView, subfolderBranchView } from "./branch-view.js";
import { cacheDirFor, classifyInput, githubWebUrl, redactUrl } from "./input.js";
import { gitAt, type GitText } from "./git-run.js";
import { tellingGitLine, errorText } from "./git-errors.js";
import type { resolveUrlRef } from "./remote.js";
import { materializeCommit } from "./materialize.js";
import { validateRefName } from "./refs.js";
import { withCloneLock } from "./clone-lock.js";
import { checkLocalGitConfig, locateLocalGit } from "./local-git.js";
import { stopIfInterrupted } from "./interrupt.js";
import type { SkippedPath } from "./tree-plan.js";

/** Git could not write a commit's files from the cache clone: the clone, not the repo, is at fault. */
class UnreadableClone extends Error {
  constructor(cause: unknown) {
    super("the cache clone could not be read", { cause });
  }
}

export interface Checkout {
  /** Absolute path of the tree to audit. */
  root: string;
  info: RepoInfo;
  /** The repo's other branches, read-only; null for a plain folder. */
  branches: BranchView | null;
  /** Tree entries the walk will not see because they were not written (caps, names), as the walk's own
   * `skipped` records; empty for a folder audited in place. */
  skipped: SkippedPath[];
  /** Paths git does not track in a working tree audited in place (folders end in "/"), relative to `root`: a
   * clone would not hold them, so the walk leaves them out. Absent where the tree is a clone or a commit's files. */
  untracked?: string[];
  /** Remove temporary folders (the clone cache stays). */
  dispose(): Promise<void>;
}

export interface SourceOptions {
  /** Branch, tag or commit to audit. */
  ref?: string;
  /** Root of the clone cache (default ~/.cache/repro-audit/repos); each URL gets a folder named by its hash. */
  cacheDir?: string;
  /** Stops the clone, fetch or writing of files: the audit ends with "interrupted", nothing left behind. */
  signal?: AbortSignal;
  /** A folder the caller vouches for (the Action's workspace): a folder inside it without a .git of its own is
   * audited as a subfolder of the nearest repository between it and this folder, branches limited to it. */
  gitRootWithin?: string;
  /** The caller has just cloned or fetched the URL into the cache (a batch's clone ahead): no fetch again. */
  cloneFresh?: boolean;
}

export async function openSource(input: string, options: SourceOptions = {}): Promise<Checkout> {
  if (options.ref !== undefined) validateRefName(options.ref);
  const source = classifyInput(input);
  return source.kind === "url" ? openUrl(source.url, options) : openPath(source.path, options);
}

/** A URL's audit: under the clone's lock, bring the cache clone up to date, resolve the ref and write that
 * commit's files from git's objects into a private folder. Later audits of the same URL (any ref, at the same
 * time or not) each get their own folder, and no `git checkout` ever runs in the cache. */
async function openUrl(url: string, options: SourceOptions): Promise<Checkout> {
  // Loaded here: cloning needs simple-git and execa, a local folder's audit neither.
  const [{ ensureClone, rebuildClone, remoteBranches, resolveUrlRef }, { safeGit }] = await Promise.all([
    import("./remote.js"),
    import("./git.js"),
  ]);
  const shown = redactUrl(url);
  const dir = cacheDirFor(url, options.cacheDir);
  const tree = await mkdtemp(join(tmpdir(), "repro-audit-tree-"));
  const dispose = () => rm(tree, { recursive: true, force: true });
  let opened: { branches: BranchRef[]; target: Awaited<ReturnType<typeof resolveUrlRef>>; skipped: SkippedPath[] };
  try {
    opened = await withCloneLock(dir, async () => {
      await ensureClone(url, options.cacheDir, options.signal, options.cloneFresh === true);
      await stopIfInterrupted(options.signal);
      const write = async () => {
        const git = safeGit(dir, undefined, options.signal);
        const branches = await remoteBranches(git);
        if (branches.length === 0)
          throw badInput(`${shown} is an empty repository (no commits)`, "Check the URL, or push a commit first");
        const target = await resolveUrlRef(git, shown, options.ref, branches);
        const skipped = await materializeCommit(dir, target.commit, tree, options.signal).catch((error: unknown) => {
          throw new UnreadableClone(error);
        });
        return { branches, target, skipped };
      };
      try {
        return await write();
      } catch (first) {
        if (!(first instanceof UnreadableClone)) throw first;
        await stopIfInterrupted(options.signal);
        // A cache clone git cannot read (a git killed while writing it, a disk that filled) is made again, once.
        await rebuildClone(url, options.cacheDir, options.signal);
        await rm(tree, { recursive: true, force: true });
        await mkdir(tree, { recursive: true });
        try {
          return await write();
        } catch (error) {
          await stopIfInterrupted(options.signal);
          if (!(error instanceof UnreadableClone)) throw error;
          const said = tellingGitLine(errorText(error.cause));
          throw internalError(
            `cannot write ${options.ref ?? "the default branch"} of ${shown} from the cache clone (${said})`,
            `Clear the cache folder ${dir} and rerun`,
            error.cause,
          );
        }
      }
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  const { branches, target, skipped } = opened;
  return {
    root: tree,
    skipped,
    info: repoInfo(shown, target.commit, target.ref, branches, target.branch, githubWebUrl(url)),
    branches: gitBranchView(
      dir,
      branches.map((b) => b.name),
      branches.filter((b) => b.name !== target.branch),
      target.commit,
      options.signal,
    ),
    dispose,
  };
}

async function openPath(path: string, options: SourceOptions): Promise<Checkout> {
  const absolute = resolve(path);
  const stats = await stat(absolute).catch(() => null);
  if (!stats)
    throw badInput(
      `no such file or folder: ${path}`,
      "Check the path, or pass a URL (https://..., git@host:owner/repo.git, file://...)",
    );
  if (!stats.isDirectory())
    throw badInput(`${path} is a file, not a folder`, "Pass the repository's folder or its URL");
  const root = await realpath(absolute);

  // Only a folder that is itself a repo's top level is audited as git: a plain folder inside some other
  // repo (a sample inside this project, say) must not inherit that repo's branches, unless the caller
  // vouches for the repository around it (the Action's checkout).
  if (!(await lstat(join(root, ".git")).catch(() => null))) {
    const top = options.gitRootWithin ? await enclosingRepo(root, options.gitRootWithin) : null;
    if (top) return openRepo(top, path, options, relative(top, root).split(sep).join("/"));
    if (options.ref !== undefined)
      throw badInput(
        `--ref ${options.ref} needs a git repository, but ${path} is a plain folder`,
        "Drop --ref, or pass a git repository",
      );
    return {
      root,
      info: { url: root, kind: "folder", commit: null, ref: null, branches: [] },
      branches: null,
      skipped: [],
      dispose: async () => {},
    };
  }
  return openRepo(root, path, options, "");
}

/** The nearest folder from `folder` up to `within` (both real paths) that holds a .git; null when none. */
async function enclosingRepo(folder: string, within: string): Promise<string | null> {
  const limit = await realpath(within).catch(() => null);
  if (!limit) return null;
  const rel = relative(limit, folder);
  if (rel.startsWith("..") || isAbsolute(rel)) return null;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await lstat(join(dir, ".git")).catch(() => null)) return dir;
    if (dir === limit || dirname(dir) === dir) return null;
  }
}

/** A local repository at `root` (its top level); `subfolder` ("" for the whole repo) is the part audited. */
async function openRepo(root: string, path: string, options: SourceOptions, subfolder: string): Promise<Checkout> {
  // Before any git command reads the folder: its .git must be its own, and its config must not make git
  // run anything (a partial clone's lazy fetch runs the promisor remote's upload-pack).
  await checkLocalGitConfig(await locateLocalGit(root, path), path);
  const git = gitAt(root);
  // Read-only questions that do not depend on each other, asked at once: git answers them side by side.
  const [toplevel, headAsked, listed, currentAsked, originAsked] = await Promise.allSettled([
    git.raw(["rev-parse", "--show-toplevel"]),
    git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
    localBranches(git),
    git.raw(["symbolic-ref", "--quiet", "--short", "HEAD"]),
    git.raw(["config", "--get", "remote.origin.url"]),
  ]);
  if (toplevel.status === "rejected")
    throw badInput(
      `git cannot read the repository at ${path} (git said: ${tellingGitLine(errorText(toplevel.reason))})`,
      "Check the folder's .git, or audit a copy without .git as a plain folder",
      toplevel.reason,
    );
  const head = headAsked.status === "fulfilled" ? headAsked.value.trim() : "";
  if (head === "")
    throw badInput(
      `${path} is an empty git repository (no commits)`,
      "Commit the files first, or audit a copy without .git as a plain folder",
    );
  if (listed.status === "rejected") throw listed.reason;
  const branches = listed.value;
  const currentName = (currentAsked.status === "fulfilled" ? currentAsked.value.trim() : "") || null;
  let auditRoot = subfolder ? join(root, subfolder) : root;
  let commit = head;
  let ref: string | null = currentName;
  let current = currentName;
  let temp: string | null = null;
  let skipped: SkippedPath[] = [];
  if (options.ref !== undefined) {
    commit = await resolveLocalRef(git, path, options.ref, branches);
    ref = options.ref;
    current = branches.find((b) => b.name === options.ref)?.name ?? null;
    // The user's repo is never modified: the ref's files are written from git's objects into a temp folder.
    temp = await mkdtemp(join(tmpdir(), "repro-audit-ref-"));
    try {
      skipped = await materializeCommit(root, commit, temp, options.signal);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      await stopIfInterrupted(options.signal);
      throw badInput(
        `cannot read ${options.ref} of ${path} (${tellingGitLine(errorText(error))})`,
        "Check that the repository is complete (git fsck)",
        error,
      );
    }
    auditRoot = subfolder ? join(temp, subfolder) : temp;
    if (subfolder && !(await stat(auditRoot).catch(() => null))?.isDirectory()) {
      await rm(temp, { recursive: true, force: true });
      throw badInput(
        `${options.ref} of ${root} has no folder ${subfolder}`,
        "Pass a ref whose tree holds the folder, or audit the repository's top level",
      );
    }
    skipped = skipped
      .filter((s) => !subfolder || s.file.startsWith(`${subfolder}/`))
      .map((s) => (subfolder ? { ...s, file: s.file.slice(subfolder.length + 1) } : s));
  }
  const untracked = temp ? [] : await untrackedPaths(git, subfolder);
  const others = uncheckedBranches(branches, current);
  const origin = originAsked.status === "fulfilled" ? originAsked.value.trim() : "";
  const view = gitBranchView(root, namesForReadme(branches), others, commit, options.signal);
  const info = repoInfo(root, commit, ref, branches, current, githubWebUrl(origin));
  return {
    root: auditRoot,
    info: subfolder ? { ...info, subfolder } : info,
    branches: subfolder ? subfolderBranchView(view, subfolder) : view,
    skipped,
    ...(untracked.length > 0 ? { untracked } : {}),
    dispose: async () => {
      if (temp) await rm(temp, { recursive: true, force: true });
    },
  };
}

/** More untracked paths than this are left in the audit rather than held in memory. */
const MAX_UNTRACKED = 20_000;

/** What `git ls-files --others --directory` lists (untracked and ignored; a wholly untracked folder once, with a
 * trailing slash), relative to `subfolder`; empty when git cannot tell: the tree is then audited as it is. */
async function untrackedPaths(git: GitText, subfolder: string): Promise<string[]> {
  const out = await git
    .raw(["ls-files", "--others", "--directory", "-z", ...(subfolder ? ["--", subfolder] : [])])
    .catch(() => "");
  const prefix = subfolder ? `${subfolder}/` : "";
  const paths: string[] = [];
  for (const path of out.split("\0")) {
    if (!path || !path.startsWith(prefix) || path === prefix) continue;
    paths.push(path.slice(prefix.length));
    if (paths.length >= MAX_UNTRACKED) break;
  }
  return paths;
}

/** Local branches by name, remote-tracking ones as "origin/x"; symbolic refs (origin/HEAD) left out. */
interface LocalBranch extends BranchRef {
  remote: boolean;
}

async function localBranches(git: GitText): Promise<LocalBranch[]> {
  const out = await git.raw([
    "for-each-ref",
    "--format=%(refname) %(objectname) %(symref)",
    "refs/heads",
    "refs/remotes",
  ]);
  const branches: LocalBranch[] = [];
  for (const line of out.split("\n")) {
    const [refname, commit, symref] = line.trim().split(" ");
    if (!refname || !commit || symref) continue;
    const name = refname.replace(/^refs\/(heads|remotes)\//, "");
    branches.push({ name, commit, remote: refname.startsWith("refs/remotes/") });
  }
  return branches;
}

async function resolveLocalRef(git: GitText, path: string, ref: string, branches: BranchRef[]): Promise<string> {
  for (const candidate of [
    `refs/heads/${ref}`,
    `refs/tags/${ref}`,
    `refs/remotes/${ref}`,
    `refs/remotes/origin/${ref}`,
    ref,
  ]) {
    const commit = (
      await git.raw(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]).catch(() => "")
    ).trim();
    if (commit) return commit;
  }
  throw badInput(
    `unknown ref '${ref}' in ${path}`,
    `Pass a branch (${sample(branches.map((b) => b.name))}), a tag or a commit of that repository`,
  );
}

/** Branches to check: all but the audited one, and no remote-tracking copy of a local branch at the same commit. */
function uncheckedBranches(branches: LocalBranch[], current: string | null): BranchRef[] {
  const local = new Map(branches.filter((b) => !b.remote).map((b) => [b.name, b.commit]));
  return branches
    .filter((b) => b.name !== current && !(b.remote && local.get(shortName(b.name)) === b.commit))
    .map(({ name, commit }) => ({ name, commit }));
}

/** "origin/feature/x" -> "feature/x". */
const shortName = (remoteName: string) => remoteName.slice(remoteName.indexOf("/") + 1);

function namesForReadme(branches: LocalBranch[]): string[] {
  const names = new Set<string>();
  for (const b of branches) {
    names.add(b.name);
    if (b.remote) names.add(shortName(b.name));
  }
  return [...names].sort();
}

function repoInfo(
  url: string,
  commit: string,
  ref: string | null,
  branches: BranchRef[],
  current: string | null,
  webUrl: string | null,
): RepoInfo {
  const list: BranchInfo[] = branches.map((b) => ({ name: b.name, commit: b.commit, current: b.name === current }));
  return { url, kind: "git", commit, ref, branches: list, ...(webUrl ? { webUrl } : {}) };
}

function sample(names: string[]): string {
  return names.length === 0 ? "none listed" : names.slice(0, 5).join(", ") + (names.length > 5 ? ", ..." : "");
}
