// Make a real git repo from a sample folder: repo/ committed on main, each branches/<name>/ committed on
// top of main as branch <name>, and each name in `ghosts` a branch whose ref points at a missing commit.
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Sample", "-c", "user.email=sample@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  ).trim();

export function sampleDir(name: string): string {
  return new URL(`../../samples/${name}/`, import.meta.url).pathname;
}

export function makeSampleRepo(name: string, options: { ghosts?: string[] } = {}): string {
  const source = sampleDir(name);
  const repo = mkdtempSync(join(tmpdir(), `sample-${name}-`));
  git(repo, "init", "-q", "-b", "main");
  cpSync(join(source, "repo"), repo, { recursive: true });
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "solution");
  const branches = join(source, "branches");
  if (existsSync(branches)) {
    for (const branch of readdirSync(branches).sort()) {
      git(repo, "checkout", "-q", "-b", branch, "main");
      cpSync(join(branches, branch), repo, { recursive: true });
      git(repo, "add", "-A");
      git(repo, "commit", "-qm", `branch ${branch}`);
    }
    git(repo, "checkout", "-q", "main");
  }
  for (const ghost of options.ghosts ?? []) {
    // A ref to a commit that does not exist: git lists the branch, but nothing can check it out.
    writeFileSync(join(repo, ".git", "refs", "heads", ghost), "0123456789abcdef0123456789abcdef01234567\n");
  }
  return repo;
}
