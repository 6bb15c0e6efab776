// The Action from a bare checkout of this repository (tracked files only: no node_modules, no dist/), every
// step of action.yml run as the runner runs it: the install step must make it work as it stands.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROOT, runAction } from "../support/action-runner.js";
import { makeSampleRepo } from "../support/sample-repo.js";

/** The files a checkout of this commit (plus the work not yet committed) holds: what `uses:` downloads. */
function bareCheckout(): string {
  const target = join(mkdtempSync(join(tmpdir(), "action-checkout-")), "repro-audit");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ACTION_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ACTION_ROOT, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(ACTION_ROOT, file), join(target, file));
  }
  return target;
}

describe("the Action from a checkout without node_modules", () => {
  it("installs its locked dependencies without install scripts, builds, and audits", () => {
    const actionPath = bareCheckout();
    try {
      check(actionPath);
    } finally {
      // node_modules and dist/ of the copy: about 100 MB that no later test needs.
      rmSync(dirname(actionPath), { recursive: true, force: true });
    }
  }, 480_000);
});

function check(actionPath: string): void {
  expect(existsSync(join(actionPath, "node_modules"))).toBe(false);
  expect(existsSync(join(actionPath, "dist"))).toBe(false);
  const workspace = makeSampleRepo("clean-solution");
  execFileSync("git", ["remote", "add", "origin", "https://github.com/team/solution"], { cwd: workspace });

  const run = runAction({ workspace, actionPath, env: { GITHUB_REPOSITORY: "team/solution" }, event: { name: "push", payload: { ref: "refs/heads/main" } }, timeoutMs: 420_000 });
  const [install, audit] = run.steps;
  expect(install?.code, install?.stderr).toBe(0);
  expect(audit?.code, audit?.stdout).toBe(0);
  expect(run.code).toBe(0);
  // tree-sitter-python declares a node-gyp install script; its WASM grammar needs none.
  expect(existsSync(join(actionPath, "node_modules", "tree-sitter-python", "tree-sitter-python.wasm"))).toBe(true);
  expect(existsSync(join(actionPath, "node_modules", "tree-sitter-python", "build"))).toBe(false);
  expect(Number(run.outputs.score)).toBeGreaterThanOrEqual(90);
  expect(audit!.summary).toContain(`## repro-audit: ${run.outputs.score}/100`);
  expect(run.outputs["report-path"]!.startsWith(actionPath)).toBe(false);
}
