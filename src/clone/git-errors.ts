// Turn what git printed when a clone or fetch failed into one line a user can act on. Pure.
import { badInput, internalError, type AuditError } from "../model/errors.js";

/** git's words when another git process holds a lock in the same repository: never the user's input. */
export function isGitLockError(stderr: string): boolean {
  return /\.lock'?:? file exists|another git process seems to be running|unable to create '[^']*\.lock'|cannot lock ref|could not lock config file|unable to write new index file/i.test(
    stderr,
  );
}

export function cloneFailure(url: string, stderr: string, cause?: unknown): AuditError {
  const text = stderr.toLowerCase();
  const said = tellingGitLine(stderr);
  if (isGitLockError(stderr)) {
    return internalError(
      `git found the cache clone of ${url} locked by another git process (git said: ${said})`,
      "Rerun when the other audit or git command has finished",
      cause,
    );
  }
  if (
    /terminal prompts disabled|could not read (username|password)|authentication failed|access denied|permission denied \(publickey|http basic|invalid username or password|\b401\b|\b403\b/.test(
      text,
    )
  ) {
    return badInput(
      `${url} needs credentials (git said: ${said})`,
      "Check the URL; for a private repo set up a credential helper or an ssh key that works without a prompt",
      cause,
    );
  }
  if (
    /repository not found|does not appear to be a git repository|not found|\b404\b|does not exist|no such file or directory/.test(
      text,
    )
  ) {
    return badInput(
      `no git repository at ${url} (git said: ${said})`,
      "Check the URL and that the repository exists",
      cause,
    );
  }
  if (
    /could not resolve host|failed to connect|couldn't connect|connection refused|connection timed out|network is unreachable|operation timed out|could not read from remote repository|timed out|connect to host/.test(
      text,
    )
  ) {
    return badInput(
      `cannot reach ${url} (git said: ${said})`,
      "Check the host name and your network connection, then retry",
      cause,
    );
  }
  return badInput(
    `cannot clone ${url} (git said: ${said})`,
    "Check the URL; run `git clone` on it by hand to see more",
    cause,
  );
}

/** Lines git adds after the cause, which say nothing about it. */
const GENERIC = /^fatal: (could not read from remote repository\.?|the remote end hung up unexpectedly|early eof)$/i;

/** git's most telling line: its first fatal line that names a cause, else its first error line, else the last
 * remote line, else its last line. git often ends with a generic line ("Could not read from remote
 * repository.", then advice), so the last line is rarely the one a user can act on. */
export function tellingGitLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const first = (pattern: RegExp) => lines.find((l) => pattern.test(l) && !GENERIC.test(l));
  const line =
    first(/^fatal:/i) ??
    first(/^error:/i) ??
    lines.filter((l) => /^remote:/i.test(l)).pop() ??
    lines.find((l) => GENERIC.test(l)) ??
    lines.pop() ??
    "no output";
  return line.replace(/^(fatal|error):\s*/i, "").slice(0, 200);
}

/** A stderr-ish text from whatever simple-git threw. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
