// The corpus mirrors a real-repo bench audits: the <owner>+<name> folders of a folder (checkouts, or folders
// holding a bare clone in repo/), and HEAD's files of a bare clone written out as a folder to audit.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The <owner>+<name> folders in `folder`, sorted; those named in `repos` in the order named, when it names any. */
export function listMirrors(folder: string, repos: readonly string[] = []): string[] {
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const isMirror = (n: string) =>
    n.includes("+") && existsSync(join(folder, n)) && statSync(join(folder, n)).isDirectory();
  if (repos.length > 0) return [...new Set(repos)].filter(isMirror);
  return readdirSync(folder).filter(isMirror).sort();
}

/** The git directory of the clone a mirror holds in repo/ (bare, or a clone whose work tree was left out), or
 * null for a checkout. */
export function bareCloneOf(mirror: string): string | null {
  const bare = join(mirror, "repo");
  if (existsSync(join(bare, "HEAD"))) return bare;
  return existsSync(join(bare, ".git", "HEAD")) ? join(bare, ".git") : null;
}

/** HEAD's files of a bare mirror written into a temp folder, those whose blobs the mirror lacks left out (the
 * corpus copies hold no blob of 4 MiB or more, so a clone of them fails at checkout). With `commit`, the folder
 * becomes a git repo of one commit dated as HEAD, so an audit that reads the commit's date (the build's lock)
 * reads the authors' date. */
export function checkoutOf(bare: string, options: { prefix?: string; commit?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? "repro-audit-bench-tree-"));
  writeHeadFiles(bare, dir);
  if (options.commit) commitAsHead(bare, dir);
  return dir;
}

/** A clone of a bare mirror as its user holds one: every branch of the mirror as `origin/<name>`, the work tree
 * HEAD's files (those whose blobs the mirror lacks left out, so they show as deleted). A plain local clone, never
 * `--shared`: the audit refuses alternates that reach outside the repo. */
export function cloneOf(bare: string, options: { prefix?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? "repro-audit-bench-clone-"));
  const cloned = spawnSync("git", ["-c", "core.hooksPath=/dev/null", "clone", "-q", "--no-checkout", bare, dir], {
    encoding: "utf8",
  });
  if (cloned.status !== 0) throw new Error(`git clone of ${bare} failed: ${cloned.stderr.trim()}`);
  writeHeadFiles(bare, dir);
  spawnSync("git", ["-c", "core.hooksPath=/dev/null", "reset", "-q"], { cwd: dir });
  return dir;
}

/** HEAD's files of a bare clone written into `dir`, symlinks and the blobs the clone lacks left out. */
function writeHeadFiles(bare: string, dir: string): void {
  const git = (args: string[], input?: string) =>
    spawnSync("git", [`--git-dir=${bare}`, ...args], { input, maxBuffer: 1 << 30 });
  const entries = git(["ls-tree", "-r", "-z", "HEAD"])
    .stdout.toString("utf8")
    .split("\0")
    .map((line) => /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== "120000");
  const batch = git(["cat-file", "--batch"], entries.map((m) => m[2]).join("\n") + "\n").stdout;
  let at = 0;
  for (const m of entries) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString("utf8");
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!size) {
      at = eol + 1;
      continue;
    }
    const start = eol + 1;
    const end = start + Number(size[1]);
    const path = join(dir, m[3]!);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, batch.subarray(start, end));
    at = end + 1;
  }
}

/** One commit of the folder's files, authored and committed at the bare clone's HEAD date. */
function commitAsHead(bare: string, dir: string): void {
  const date = spawnSync("git", [`--git-dir=${bare}`, "show", "-s", "--format=%cI", "HEAD"], {
    encoding: "utf8",
  }).stdout.trim();
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "bench@localhost",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "bench@localhost",
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  const git = (args: string[]) =>
    spawnSync("git", ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      env,
      maxBuffer: 1 << 26,
    });
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A", "-f"]);
  git(["commit", "-q", "--no-verify", "-m", "HEAD of the mirror"]);
}
