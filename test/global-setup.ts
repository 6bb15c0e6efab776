// Runs once before the suites: builds dist/ so the CLI is tested as users run it (node dist/src/cli/main.js, and
// the bin's bundle dist/cli/ built from the same sources),
// and gives the run a HOME and a temp folder of its own, so no test writes to the user's home (ledger,
// calibration, caches) and no temp folder survives the run. Heavy Python environments live in the test
// cache (test/support/test-cache.ts), outside the user's home.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Temp folders the code under test or a test makes; one left at the end is a leak. */
export const LEAK_PREFIXES = ["repro-audit-", "ra-", "action-repo-"];

export function leftovers(entries: readonly string[]): string[] {
  return entries.filter((name) => LEAK_PREFIXES.some((prefix) => name.startsWith(prefix))).sort();
}

/** A HOME and a TMPDIR of the run's own (the workers inherit them); the returned teardown removes both and
 * throws when the run left a temp folder behind. */
export function isolate(): () => void {
  process.env.NO_COLOR = "1";
  // Short names: a Unix socket's path (an epoch's events channel lives in the temp folder) holds 107 bytes.
  const run = mkdtempSync(join(tmpdir(), "ra-run-"));
  const home = join(run, "h");
  const temp = join(run, "t");
  mkdirSync(home);
  mkdirSync(temp);
  // Commits made by tests name their author; nothing of the user's own git config reaches them.
  writeFileSync(join(home, ".gitconfig"), "[user]\n\tname = repro-audit tests\n\temail = tests@repro-audit.invalid\n");
  process.env.HOME = home;
  for (const name of [
    "XDG_CACHE_HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "REPRO_AUDIT_LEDGER",
    "REPRO_AUDIT_CALIBRATION",
  ])
    delete process.env[name];
  process.env.TMPDIR = temp;
  return () => {
    const left = leftovers(readdirSync(temp));
    rmSync(run, { recursive: true, force: true });
    if (left.length)
      throw new Error(
        `temp folders left behind by the run (each needs its test or the code under test to remove it): ${left.join(", ")}`,
      );
  };
}

export default function setup(): () => void {
  const teardown = isolate();
  execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build-validators.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build-rules.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build-cli-bundle.mjs"], { stdio: "inherit" });
  return teardown;
}
