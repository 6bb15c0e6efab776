// What the Action reads from the runner and the workspace before the audit (I/O): the audited folder's place,
// its git origin, the event's pull request, the baseline file. Each problem is a bad input naming the input.
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, sep } from "node:path";
import { AuditError, type Finding } from "../index.js";
import { readRegularFile } from "../io/safe-file.js";
import { baselineFindings } from "./baseline.js";
import { badActionInput } from "./inputs.js";
import { decideTrust, pullRequestHead, type TrustDecision } from "./trust.js";

/** A saved report may be large; anything bigger is refused rather than read. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;
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
  if (!stats) throw badActionInput("path", `names ${path}, which does not exist`, "Set path: to a folder of the checked-out repository (default: the workspace)");
  if (!stats.isDirectory()) throw badActionInput("path", `names ${path}, which is a file, not a folder`, "Set path: to the repository's folder");
  const root = realpathSync(path);
  const rel = relative(realpathSync(workspace), root);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw badActionInput("path", `names ${path}, which lies outside the workspace ${workspace}`, "Check the repository out inside the workspace (actions/checkout with path:) and audit it there");
  }
  return { root, prefix: rel.split(sep).join("/") };
}

/** A file input that must be a regular file (config, baseline). */
export function existingFile(name: "config" | "baseline", path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats || !stats.isFile()) throw badActionInput(name, `names ${path}, which ${stats ? "is not a regular file" : "does not exist"}`, `Set ${name}: to a file in the workspace, or leave it out`);
}

/** A file the Action will write (sarif-file): its folder must exist or be creatable, and be writable. */
export function writableFile(name: "sarif-file", path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw badActionInput(name, `names ${path}, which is a folder`, `Set ${name}: to a file path, e.g. ${name}: repro-audit.sarif`);
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    if (error instanceof AuditError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw badActionInput(name, `names ${path}, whose folder cannot be written (${code})`, `Set ${name}: to a path in the workspace or $RUNNER_TEMP`);
  }
}

/** The findings of the baseline report at `path`. */
export function readBaseline(path: string): Finding[] {
  existingFile("baseline", path);
  const read = readRegularFile(path, MAX_BASELINE_BYTES);
  if (!read.ok) throw badActionInput("baseline", `names ${path}, which ${read.problem}`, "Pass a JSON report saved by an earlier run (format: json)");
  let doc: unknown;
  try {
    doc = JSON.parse(read.text);
  } catch {
    throw badActionInput("baseline", `names ${path}, which is not JSON`, "Pass a JSON report saved by an earlier run (format: json)");
  }
  const parsed = baselineFindings(doc);
  if (!parsed.ok) throw badActionInput("baseline", `names ${path}, which ${parsed.problem}`, "Pass a JSON report saved by an earlier run (format: json)");
  return parsed.findings;
}

/** `remote.origin.url` of the repository holding `root`, never looking above the workspace; null when none. */
function originUrl(root: string, workspace: string): string | null {
  try {
    const out = execFileSync("git", ["config", "--get", "remote.origin.url"], {
      cwd: root,
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(realpathSync(workspace)), GIT_TERMINAL_PROMPT: "0" },
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}

/** The event's pull request head, when the event is a pull request; an unreadable payload counts as a stranger's. */
function eventPullRequestHead(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const isPullRequest = (env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request");
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return isPullRequest ? "(an unknown repository)" : undefined;
  const read = readRegularFile(path, MAX_EVENT_BYTES);
  if (!read.ok) return isPullRequest ? "(an unknown repository)" : undefined;
  try {
    return pullRequestHead(JSON.parse(read.text));
  } catch {
    return isPullRequest ? "(an unknown repository)" : undefined;
  }
}

/** Whether the audited folder is the workflow's own repository. */
export function trustOf(folder: AuditedFolder, workspace: string, env: Readonly<Record<string, string | undefined>>): TrustDecision {
  const head = eventPullRequestHead(env);
  return decideTrust({
    insideWorkspace: true,
    originUrl: originUrl(folder.root, workspace),
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    repository: env.GITHUB_REPOSITORY ?? "",
    ...(head !== undefined ? { pullRequestHead: head } : {}),
  });
}
