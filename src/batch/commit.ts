// The commit an audit of (repo, ref) would audit, found without cloning, so `--resume` can skip a repo
// whose commit was audited already. Null when it cannot be told (a plain or dirty folder, an unknown ref).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { gitEnv, safeArgs } from "../clone/git.js";
import { classifyInput } from "../clone/input.js";

const TIMEOUT_MS = 30_000;

export interface CommitLookup {
  /** At most this long (default 30 s; a batch passes its per-audit timeout when shorter). */
  timeoutMs?: number;
  signal?: AbortSignal;
}
const FULL_HASH = /^[0-9a-f]{40}$/i;

async function git(args: string[], lookup: CommitLookup, cwd?: string): Promise<string | null> {
  const timeout = Math.min(TIMEOUT_MS, lookup.timeoutMs ?? TIMEOUT_MS);
  const result = await execa("git", safeArgs(args), {
    cwd,
    env: gitEnv(),
    extendEnv: false,
    timeout,
    reject: false,
    stdin: "ignore",
    ...(lookup.signal ? { cancelSignal: lookup.signal } : {}),
  });
  return result.exitCode === 0 ? result.stdout : null;
}

export async function resolveCommit(
  repo: string,
  ref: string | null,
  lookup: CommitLookup = {},
): Promise<string | null> {
  if (ref && FULL_HASH.test(ref)) return ref.toLowerCase();
  const input = classifyInput(repo);
  if (input.kind === "path") {
    if (!existsSync(join(input.path, ".git"))) return null;
    // The tree as it stands is audited when no ref is given: a dirty tree is not its commit.
    if (!ref && (await git(["status", "--porcelain", "--untracked-files=normal"], lookup, input.path)) !== "")
      return null;
    return (
      (await git(["rev-parse", "--verify", "--quiet", `${ref ?? "HEAD"}^{commit}`], lookup, input.path))?.trim() || null
    );
  }
  const out = await git(
    [
      "ls-remote",
      "--",
      input.url,
      ...(ref ? [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/tags/${ref}^{}`] : ["HEAD"]),
    ],
    lookup,
  );
  if (!out) return null;
  const lines = out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 2) as Array<[string, string]>;
  const pick = (name: string) => lines.find(([, r]) => r === name)?.[0];
  if (!ref) return pick("HEAD") ?? null;
  return pick(`refs/heads/${ref}`) ?? pick(`refs/tags/${ref}^{}`) ?? pick(`refs/tags/${ref}`) ?? null;
}
