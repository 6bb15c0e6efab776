// A URL's clone in the cache: clone shallow once, fetch on later runs, resolve --ref (fetching more only if needed).
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
import type { SimpleGit } from "simple-git";
import { badInput } from "../model/errors.js";
import type { BranchRef } from "../model/branch-view.js";
import { cacheDirFor, redactUrl } from "./input.js";
import { runGitGroup, safeGit } from "./git.js";
import { cloneFailure, errorText, isGitLockError } from "./git-errors.js";
import { looksLikeCommit } from "./refs.js";
import { stopIfInterrupted } from "./interrupt.js";

/** The clone of `url` in the cache, made or brought up to date (`fresh`: the caller has just done so, so a
 * clone there is used as it stands). Cloned into a temp name and renamed, so a clone cut short never leaves a
 * half-made cache folder behind. */
export async function ensureClone(
  url: string,
  cacheRoot?: string,
  signal?: AbortSignal,
  fresh = false,
): Promise<string> {
  const dir = cacheDirFor(url, cacheRoot);
  const shown = redactUrl(url);
  if (existsSync(`${dir}/.git`)) {
    const git = safeGit(dir, undefined, signal);
    const origin = (await git.raw(["config", "--get", "remote.origin.url"]).catch(() => "")).trim();
    if (origin === url && fresh) return dir;
    if (origin === url) {
      try {
        await runGitGroup(
          dir,
          ["fetch", "--quiet", "--prune", "--depth", "1", "origin", "+refs/heads/*:refs/remotes/origin/*"],
          signal,
        );
        await git.raw(["remote", "set-head", "origin", "--auto"]).catch(() => "");
        return dir;
      } catch (error) {
        await stopIfInterrupted(signal);
        // The caller holds the clone's lock, so a git lock file in the clone was left by a git that was
        // killed (SIGKILL, the machine going down): the cache is rebuilt, not refused until someone clears it.
        if (!isGitLockError(errorText(error))) throw cloneFailure(shown, errorText(error), error);
      }
    }
    await discardClone(dir);
  }
  await mkdir(dirname(dir), { recursive: true });
  const temp = `${dir}.tmp-${randomBytes(4).toString("hex")}`;
  try {
    // --no-single-branch: a shallow clone otherwise lists only the default branch.
    await runGitGroup(
      dirname(dir),
      ["clone", "--quiet", "--depth", "1", "--no-single-branch", "--no-checkout", "--", url, temp],
      signal,
    );
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    await stopIfInterrupted(signal);
    throw cloneFailure(shown, errorText(error), error);
  }
  try {
    await rename(temp, dir);
  } catch {
    // Another audit of the same URL finished first: use its clone.
    await rm(temp, { recursive: true, force: true });
  }
  return dir;
}

/** A URL's clone made again from scratch: for a cache clone git can no longer read (the caller holds its lock). */
export async function rebuildClone(url: string, cacheRoot?: string, signal?: AbortSignal): Promise<string> {
  await discardClone(cacheDirFor(url, cacheRoot));
  return ensureClone(url, cacheRoot, signal);
}

/** Moved aside before it is removed, so a git still dying in it cannot write into the clone made next. */
async function discardClone(dir: string): Promise<void> {
  const aside = `${dir}.stale-${randomBytes(4).toString("hex")}`;
  await rename(dir, aside).catch(() => undefined);
  await rm(aside, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
}

export async function remoteBranches(git: SimpleGit): Promise<BranchRef[]> {
  const out = await git.raw([
    "for-each-ref",
    "--format=%(refname:strip=3) %(objectname) %(symref)",
    "refs/remotes/origin",
  ]);
  return out
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter(([name, commit, symref]) => name && commit && !symref && name !== "HEAD")
    .map(([name, commit]) => ({ name: name!, commit: commit! }));
}

export interface ResolvedRef {
  commit: string;
  /** What the report shows as the ref: the asked ref, else the default branch. */
  ref: string | null;
  /** The branch audited, when the ref is a branch. */
  branch: string | null;
}

export async function resolveUrlRef(
  git: SimpleGit,
  shown: string,
  ref: string | undefined,
  branches: BranchRef[],
): Promise<ResolvedRef> {
  if (ref === undefined) {
    const head = (await git.raw(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]).catch(() => "")).trim();
    const name = head.replace(/^refs\/remotes\/origin\//, "");
    const branch = branches.find((b) => b.name === name) ?? branches[0]!;
    return { commit: branch.commit, ref: branch.name, branch: branch.name };
  }
  const branch = branches.find((b) => b.name === ref || `origin/${b.name}` === ref);
  if (branch) return { commit: branch.commit, ref, branch: branch.name };
  const tag =
    (await commitOf(git, `refs/tags/${ref}`)) ??
    (await fetchThen(git, ["+refs/tags/" + ref + ":refs/tags/" + ref], `refs/tags/${ref}`));
  if (tag) return { commit: tag, ref, branch: null };
  if (looksLikeCommit(ref)) {
    // A commit outside the shallow history: ask for it by hash (servers allow reachable hashes), else deepen all.
    const commit =
      (await commitOf(git, ref)) ??
      (ref.length === 40 ? await fetchThen(git, [ref], ref) : null) ??
      (await fetchThen(git, ["--unshallow", "+refs/heads/*:refs/remotes/origin/*"], ref, true));
    if (commit) return { commit, ref, branch: null };
  }
  const names = branches.map((b) => b.name);
  throw badInput(
    `unknown ref '${ref}' in ${shown}`,
    `Pass a branch (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}), a tag or a commit of that repository`,
  );
}

async function commitOf(git: SimpleGit, rev: string): Promise<string | null> {
  const out = (await git.raw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => "")).trim();
  return out || null;
}

async function fetchThen(git: SimpleGit, refspecs: string[], rev: string, full = false): Promise<string | null> {
  const depth = full ? [] : ["--depth", "1"];
  const fetched = await git.raw(["fetch", "--quiet", ...depth, "origin", ...refspecs]).then(
    () => true,
    () => false,
  );
  return fetched ? commitOf(git, rev) : null;
}
