// Opening a local repo asks git its independent questions at once: seen through a logging wrapper around the real git.
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "../../src/clone/index.js";
import { makeRepo, tempDir } from "./git-fixture.js";

let repo: string;
let shim: string;
beforeAll(() => {
  repo = tempDir("ra-side-");
  makeRepo(repo);
  // A `git` first on PATH that logs when each call starts and ends, holding each one a second, then runs the real git.
  shim = tempDir("ra-side-shim-");
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(shim, "git"),
    `#!/bin/sh\necho "start $$" >> "${shim}/log"\nsleep 1\n"${realGit}" "$@"\nrc=$?\necho "end $$" >> "${shim}/log"\nexit $rc\n`,
  );
  chmodSync(join(shim, "git"), 0o755);
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(shim, { recursive: true, force: true });
});

/** The most git processes that ran at the same time, from the wrapper's log. */
function mostAtOnce(log: string): number {
  let now = 0;
  let most = 0;
  for (const line of log.split("\n").filter(Boolean)) {
    now += line.startsWith("start ") ? 1 : -1;
    most = Math.max(most, now);
  }
  return most;
}

describe("openSource: a local repo", () => {
  it("asks git for HEAD, the branches, the current branch and the origin side by side", async () => {
    const path = process.env["PATH"];
    process.env["PATH"] = `${shim}:${path ?? ""}`;
    try {
      const checkout = await openSource(repo);
      expect(checkout.info.branches.map((b) => b.name)).toEqual(["dev", "feature/ok", "main"]);
      expect(checkout.info.ref).toBe("main");
      await checkout.dispose();
    } finally {
      process.env["PATH"] = path;
    }
    expect(mostAtOnce(readFileSync(join(shim, "log"), "utf8"))).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
