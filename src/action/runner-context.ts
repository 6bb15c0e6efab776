// What the Action reads from the runner and the workspace before the audit (I/O): the audited folder's place,
// its git origin, the event's pull request. Each problem is a bad input naming the input.
import { execFileSync } from "node:child_process";
import { accessSync, constants, lstatSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { AuditError } from "../index.js";
import { readRegularFile } from "../io/safe-file.js";
import { badActionInput } from "./inputs.js";
import { decideTrust, type TrustDecision } from "./trust.js";

/** A saved report may be large; anything bigger is refused rather than read. */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

export interface AuditedFolder {
  /** Real absolute path. */
  root: string;
  /** Its path inside the workspace, POSIX, "" for the workspace itself. */
  prefix: string;
}

/** The folder to audit: it must exist and lie inside the workspace, so annotations and SARIF point at its files. */
export function auditedFolder(path: string, workspace: string): AuditedFolder {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats)
    throw badActionInput(
      "path",
      `names ${path}, which does not exist`,
      "Set path: to a folder of the checked-out repository (default: the workspace)",
    );
  if (!stats.isDirectory())
    throw badActionInput(
      "path",
      `names ${path}, which is a file, not a folder`,
      "Set path: to the repository's folder",
    );
  const root = realpathSync(path);
  const rel = relative(realpathSync(workspace), root);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw badActionInput(
      "path",
      `names ${path}, which lies outside the workspace ${workspace}`,
      "Check the repository out inside the workspace (actions/checkout with path:) and audit it there",
    );
  }
  return { root, prefix: rel.split(sep).join("/") };
}

/** A file input that must be a regular file (config). */
export function existingFile(name: "config", path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats || !stats.isFile())
    throw badActionInput(
      name,
      `names ${path}, which ${stats ? "is not a regular file" : "does not exist"}`,
      `Set ${name}: to a file in the workspace, or leave it out`,
    );
}

/** A file the Action will write (sarif-file): its folder must exist or be creatable, and be writable. */
export function writableFile(name: "sarif-file", path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw badActionInput(
        name,
        `names ${path}, which is a folder`,
        `Set ${name}: to a file path, e.g. ${name}: repro-audit.sarif`,
      );
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    if (error instanceof AuditError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw badActionInput(
      name,
      `names ${path}, whose folder cannot be written (${code})`,
      `Set ${name}: to a path in the workspace or $RUNNER_TEMP`,
    );
  }
}

/** Environment for git reading the audited folder: never above the workspace's parent, no prompts. */
function gitEnv(workspace: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CEILING_DIRECTORIES: dirname(realpathSync(workspace)), GIT_TERMINAL_PROMPT: "0" };
}

/** One line of git's output in `root`, or null when git fails (no repository, a refused one). */
function gitLine(root: string, workspace: string, args: string[]): string | null {
  try {
    const out = execFileSync("git", ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", ...args], {
      cwd: root,
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "ignore"],
      env: gitEnv(workspace),
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}

/** The real top level of the git repository git finds from `root` (never above the workspace); null when none. */
function gitTopLevel(root: string, workspace: string): string | null {
  const top = gitLine(root, workspace, ["rev-parse", "--show-toplevel"]);
  if (top === null) return null;
  try {
    return realpathSync(top);
  } catch {
    return null;
  }
}

/** The event's payload parsed; null when GITHUB_EVENT_PATH is unset, unreadable or not JSON (a stranger's then). */
function readEventPayload(path: string | undefined): unknown {
  if (!path) return null;
  const read = readRegularFile(path, MAX_EVENT_BYTES);
  if (!read.ok) return null;
  try {
    return JSON.parse(read.text) as unknown;
  } catch {
    return null;
  }
}

/** Whether the audited folder is the workflow's own repository, on an event that runs its own code. */
export function trustOf(
  folder: AuditedFolder,
  workspace: string,
  env: Readonly<Record<string, string | undefined>>,
): TrustDecision {
  const topLevel = gitTopLevel(folder.root, workspace);
  return decideTrust({
    folder: folder.root,
    topLevel,
    ownGitFolder: lstatSync(join(folder.root, ".git"), { throwIfNoEntry: false })?.isDirectory() ?? false,
    // Read only from a folder that is its own repository's top level: another's origin says nothing of it.
    originUrl:
      topLevel === folder.root ? gitLine(folder.root, workspace, ["config", "--get", "remote.origin.url"]) : null,
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    repository: env.GITHUB_REPOSITORY ?? "",
    eventName: env.GITHUB_EVENT_NAME ?? "",
    event: readEventPayload(env.GITHUB_EVENT_PATH),
  });
}
