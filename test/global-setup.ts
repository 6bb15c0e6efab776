// Runs once before the suites: builds dist/ so the CLI is tested as users run it (node dist/src/cli/main.js).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  process.env.NO_COLOR = "1";
  // Audits under test neither read nor extend the user's own calibration file.
  const calibration = join(tmpdir(), `repro-audit-tests-calibration-${process.pid}.json`);
  process.env.REPRO_AUDIT_CALIBRATION ??= calibration;
  execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
  return () => rmSync(calibration, { force: true });
}
