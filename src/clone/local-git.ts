// Check a local folder's git metadata before any git command reads it: where its `.git` points, and what
// its config would make git run. A `.git` from an unpacked archive is the repository's, hence untrusted.
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { badInput } from "../model/errors.js";
import { runGit } from "./git-run.js";

export interface LocalGit {
  /** The folder's own git folder (a linked worktree's lies in its main repository). */
  gitDir: string;
  /** Where refs, objects and config live: the git folder, or the main repository's for a linked worktree. */
  commonDir: string;
}

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel) && !rel.startsWith(sep));
};

const realOrNull = (path: string) => realpath(path).catch(() => null);

/**
 * Where `root/.git` leads, refused with one line when it leads to another repository on the host: a `.git`
 * link, a `.git` file naming a git folder outside `root` (unless it is a linked worktree that git itself
 * made: that git folder names `root/.git` back), a `commondir` or `alternates` reaching outside.
 */
export async function locateLocalGit(root: string, shown: string): Promise<LocalGit> {
  const dotGit = join(root, ".git");
  const info = await lstat(dotGit);
  const refuse = (what: string) =>
    badInput(
      `${shown}: ${what}, so git would read another repository on this machine`,
      "Audit a clone of the repository (git clone it, then pass the clone), or a copy without .git as a plain folder",
    );
  if (info.isSymbolicLink()) throw refuse(".git is a symlink");
  if (info.isDirectory()) {
    const commonDir = await commonDirOf(dotGit, root, refuse);
    await checkAlternates(commonDir, root, refuse);
    return { gitDir: dotGit, commonDir };
  }
  if (!info.isFile()) throw refuse(".git is neither a folder nor a file");
  const text = (await readFile(dotGit, "utf8")).slice(0, 4096);
  const named = /^gitdir: *(.+?)\s*$/m.exec(text)?.[1];
  if (!named)
    throw badInput(`${shown}: .git is a file that names no git folder`, "Audit a copy without .git as a plain folder");
  const gitDir = await realOrNull(resolve(root, named));
  if (!gitDir || !(await stat(gitDir)).isDirectory()) throw refuse(".git names a git folder that does not exist");
  if (inside(root, gitDir)) {
    const commonDir = await commonDirOf(gitDir, root, refuse);
    await checkAlternates(commonDir, root, refuse);
    return { gitDir, commonDir };
  }
  // A linked worktree: git wrote `<main>/.git/worktrees/<name>/gitdir` naming this folder's .git; an archive
  // cannot write that file into a repository elsewhere on the host.
  const back = (await readFile(join(gitDir, "gitdir"), "utf8").catch(() => "")).trim();
  const backReal = back ? await realOrNull(back) : null;
  if (backReal !== join(root, ".git")) throw refuse(".git is a file naming a git folder outside it");
  const commonDir =
    (await realOrNull(
      resolve(gitDir, (await readFile(join(gitDir, "commondir"), "utf8").catch(() => "")).trim() || "."),
    )) ?? gitDir;
  if (commonDir !== dirname(dirname(gitDir))) throw refuse(".git is a file naming a git folder outside it");
  await checkAlternates(commonDir, dirname(commonDir), refuse);
  return { gitDir, commonDir };
}

/** A git folder's `commondir` file moves refs, objects and config elsewhere: allowed only inside `root`. */
async function commonDirOf(gitDir: string, root: string, refuse: (what: string) => Error): Promise<string> {
  const named = (await readFile(join(gitDir, "commondir"), "utf8").catch(() => "")).trim();
  if (named === "") return gitDir;
  const common = await realOrNull(resolve(gitDir, named));
  if (!common || !inside(root, common)) throw refuse("its git folder's commondir names a folder outside it");
  return common;
}

/** `objects/info/alternates` lends another object store's objects: allowed only inside `base`. */
async function checkAlternates(commonDir: string, base: string, refuse: (what: string) => Error): Promise<void> {
  const text = await readFile(join(commonDir, "objects", "info", "alternates"), "utf8").catch(() => "");
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line === "" || line.startsWith("#")) continue;
    const target = await realOrNull(resolve(commonDir, "objects", line));
    if (!target || !inside(base, target)) throw refuse("its objects/info/alternates names an object store outside it");
  }
}

/** What a config key makes git do that an audit must never allow: a lazy fetch that runs the remote's
 * upload-pack (partial clones, promisor remotes), a command named for a remote, or more config read from
 * elsewhere. Keys as `git config --list` prints them (section and name lowercased). Pure. */
export function refusedConfigKey(key: string): string | null {
  const lower = key.toLowerCase();
  if (lower === "extensions.partialclone")
    return "declares a partial clone (extensions.partialClone), whose missing objects git fetches by running the remote's upload-pack";
  if (lower.startsWith("include.") || lower.startsWith("includeif.")) return `includes other config files (${key})`;
  const remote = /^remote\..*\.(promisor|partialclonefilter|uploadpack|receivepack)$/.exec(lower);
  if (remote)
    return remote[1] === "promisor" || remote[1] === "partialclonefilter"
      ? `declares a partial clone (${key})`
      : `names a command for a remote (${key})`;
  return null;
}

/** Refuse a folder whose git config holds a key of `refusedConfigKey`. The files are read by git's own parser
 * with `--file` (no repository opened, includes not followed), from "/" so no other repository is found. */
export async function checkLocalGitConfig(local: LocalGit, shown: string): Promise<void> {
  const files = [
    join(local.commonDir, "config"),
    join(local.commonDir, "config.worktree"),
    join(local.gitDir, "config.worktree"),
  ];
  for (const file of [...new Set(files)]) {
    const info = await lstat(file).catch(() => null);
    if (!info) continue;
    if (!info.isFile())
      throw badInput(
        `${shown}: its git config ${file} is not a regular file`,
        "Audit a clone of the repository, or a copy without .git as a plain folder",
      );
    const listed = await runGit("/", ["config", "--file", file, "--no-includes", "--list", "--name-only", "-z"]);
    if (listed.exitCode !== 0)
      throw badInput(
        `${shown}: git cannot parse its config ${file}`,
        "Fix the config, or audit a copy without .git as a plain folder",
      );
    for (const key of listed.stdout.toString("utf8").split("\0").filter(Boolean)) {
      const why = refusedConfigKey(key);
      if (why)
        throw badInput(
          `${shown}: its git config ${why}, which could run a command on this machine`,
          "Audit a full clone without such settings (git clone file://... of a complete copy), or a copy without .git as a plain folder",
        );
    }
  }
}
