// The committed bundle (action-dist/) is what the build script makes of today's sources: rebuilt into a temp
// folder, byte for byte the same; and it stays small enough to commit.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROOT } from "../support/action-runner.js";

const COMMITTED = join(ACTION_ROOT, "action-dist");
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

describe("action-dist/", () => {
  it("is what scripts/build-action-bundle.mjs builds from the sources (else: npm run build:action and commit it)", () => {
    const temp = mkdtempSync(join(tmpdir(), "action-bundle-"));
    try {
      const fresh = join(temp, "action-dist");
      execFileSync("node", [join(ACTION_ROOT, "scripts", "build-action-bundle.mjs"), fresh], {
        cwd: ACTION_ROOT,
        stdio: "pipe",
      });
      expect(files(COMMITTED)).toEqual(files(fresh));
      const stale = files(fresh).filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(COMMITTED, f))));
      expect(stale, "action-dist/ is stale: run npm run build:action and commit it").toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it("holds no absolute path of the machine that built it, and stays under 4 MB", () => {
    let bytes = 0;
    for (const f of files(COMMITTED)) {
      const data = readFileSync(join(COMMITTED, f));
      bytes += data.length;
      expect(data.includes(ACTION_ROOT), f).toBe(false);
    }
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
