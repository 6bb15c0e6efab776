// A real git repo in a temp folder for the env-spec audits: the files on main, a side branch beside it; removed by
// removeSolutions after the suite.
import { rmSync } from "node:fs";
import { commitAll, git, tempDir, writeFiles } from "../../../clone/git-fixture.js";

const made: string[] = [];

export function solutionRepo(files: Record<string, string>): string {
  const root = tempDir("ra-env-spec-");
  made.push(root);
  git(root, "init", "-q");
  writeFiles(root, files);
  commitAll(root, "solution");
  git(root, "checkout", "-q", "-b", "experiment");
  writeFiles(root, { "notes.md": "# tried\n" });
  commitAll(root, "notes");
  git(root, "checkout", "-q", "main");
  return root;
}

export function removeSolutions(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
