// The first syntax error bash finds in a shell script's text, from `bash -n -c TEXT`. -n reads and parses commands
// but executes none (no command, expansion or substitution runs); the text comes from the repo view as an argument
// (never a path, so no symlink is followed; stdin would not say the line), with no rc files, a bare environment, a
// size cap and a timeout.
import { execFile } from "node:child_process";

/** Larger scripts are generated or vendored, and one argument holds at most 128 KiB on Linux: not checked. */
export const MAX_SCRIPT_BYTES = 120 * 1024;
const TIMEOUT_MS = 5000;

export interface BashSyntaxError {
  line: number;
  message: string;
}

/** The error bash reports (null: it parses), or undefined where it could not be checked (no bash, too large,
 * timed out). */
export async function bashSyntaxError(text: string): Promise<BashSyntaxError | null | undefined> {
  if (Buffer.byteLength(text) > MAX_SCRIPT_BYTES || text.includes("\0")) return undefined;
  // A pattern the script's own `shopt -s extglob` turns on parses only with that option on.
  const options = /^\s*shopt\s+-s\s+(?:\w+\s+)*extglob\b/m.test(text) ? ["-O", "extglob"] : [];
  // node's own child_process, not a process-runner package: the static stage loads none at start-up.
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["--norc", "--noprofile", ...options, "-n", "-c", text],
      { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C" }, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve(null);
        const code = (error as { code?: unknown }).code;
        if (typeof code !== "number" || (error as { killed?: boolean }).killed) return resolve(undefined);
        const first = /^bash: -c: line (\d+): (.*)$/m.exec(String(stderr));
        resolve(first ? { line: Number(first[1]), message: first[2]! } : undefined);
      },
    ).stdin?.end();
  });
}
