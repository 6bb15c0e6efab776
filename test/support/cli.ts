// Run the built CLI as a user would, capturing stdout, stderr and the exit code.
// REPRO_AUDIT_TEST_BIN points the tests at another build (e.g. an older commit's, to see a test fail there).
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN =
  process.env.REPRO_AUDIT_TEST_BIN ?? fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const baseEnv = (env: Record<string, string>) => ({ ...process.env, NO_COLOR: "1", GIT_TERMINAL_PROMPT: "0", ...env });

export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: baseEnv(env),
    timeout: 300_000,
    ...(cwd ? { cwd } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same without blocking, so several audits can run at once. */
export function runCliAsync(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: baseEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
      ...(cwd ? { cwd } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
