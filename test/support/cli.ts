// Run the built CLI as a user would, capturing stdout, stderr and the exit code.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));

export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", GIT_TERMINAL_PROMPT: "0", ...env },
    timeout: 300_000,
    ...(cwd ? { cwd } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
