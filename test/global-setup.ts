// Runs once before the suites: builds dist/ so the CLI is tested as users run it (node dist/src/cli/main.js).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  process.env.NO_COLOR = "1";
  execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
}
