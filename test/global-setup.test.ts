// The run's own HOME and temp folder (test/global-setup.ts): what tests write lands there, never in the
// user's home, and a temp folder left at the end is named.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { calibrationPath } from "../src/estimate/calibration.js";
import { ledgerPath } from "../src/measure/ledger.js";
import { leftovers } from "./global-setup.js";
import { TEST_CACHE } from "./support/test-cache.js";

const runFolder = /[\\/]ra-run-[^\\/]+[\\/]/;

describe("the run's own HOME and temp folder", () => {
  it("puts the ledger, the calibration and every cache under the run's HOME, temp folders under its own", () => {
    expect(process.env.HOME).toMatch(runFolder);
    expect(tmpdir()).toMatch(runFolder);
    expect(ledgerPath()).toMatch(runFolder);
    expect(calibrationPath()).toMatch(runFolder);
    expect(process.env.XDG_CACHE_HOME).toBeUndefined();
  });

  it("keeps the heavy Python environments in the named test cache, never under the run's HOME", () => {
    expect(TEST_CACHE.startsWith(`${process.env.HOME}/`)).toBe(false);
    expect(TEST_CACHE).toMatch(process.env.REPRO_AUDIT_TEST_CACHE ? /./ : /[\\/]\.cache[\\/]tests$/);
  });

  it("names the temp folders left behind: the tool's, the tests' and the Action tests' repos", () => {
    expect(leftovers(["repro-audit-tree-1", "ra-walk-x", "action-repo-2", "sample-clean-3", "cli-report-4"])).toEqual([
      "action-repo-2",
      "ra-walk-x",
      "repro-audit-tree-1",
    ]);
  });
});
