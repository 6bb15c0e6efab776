// The Action from a bare checkout of this repository (tracked files only: no node_modules, no dist/), every
// step of action.yml run as the runner runs it: the committed bundle must audit with nothing installed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAction } from "../support/action-runner.js";
import { bareCheckout } from "../support/bare-checkout.js";
import { makeSampleRepo } from "../support/sample-repo.js";

describe("the Action from a checkout without node_modules", () => {
  it("runs its bundle with the runner's node: nothing installed, nothing compiled, and audits", () => {
    const actionPath = bareCheckout(join(mkdtempSync(join(tmpdir(), "action-checkout-")), "repro-audit"));
    const workspace = makeSampleRepo("clean-solution");
    try {
      expect(existsSync(join(actionPath, "node_modules"))).toBe(false);
      expect(existsSync(join(actionPath, "dist"))).toBe(false);
      execFileSync("git", ["remote", "add", "origin", "https://github.com/team/solution"], { cwd: workspace });

      const run = runAction({
        workspace,
        actionPath,
        env: { GITHUB_REPOSITORY: "team/solution" },
        event: { name: "push", payload: { ref: "refs/heads/main" } },
      });
      expect(run.steps.map((s) => s.id)).toEqual(["audit"]);
      expect(run.audit?.code, `${run.audit?.stdout}\n${run.audit?.stderr}`).toBe(0);
      expect(run.audit!.stderr).toBe("");
      expect(Number(run.outputs.score)).toBeGreaterThanOrEqual(90);
      expect(run.audit!.summary).toContain(`## repro-audit: ${run.outputs.score}/100`);
      expect(run.outputs["report-path"]!.startsWith(actionPath)).toBe(false);
      // Nothing was installed or built into the Action's folder.
      expect(existsSync(join(actionPath, "node_modules"))).toBe(false);
      expect(existsSync(join(actionPath, "dist"))).toBe(false);
    } finally {
      rmSync(dirname(actionPath), { recursive: true, force: true });
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
