// The audited repo's own .repro-audit.yml: read as a capped regular file, checked, never allowed to stop the audit.
// A config that does not parse or validate is a `repo-config` fact (a finding), and nothing of it is used.
import type { FactRecord } from "../model/facts.js";
import { lstatSync, readlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { insideRoot, readRegularFile } from "../io/safe-file.js";
import { checkConfig, CONFIG_FILE, MAX_CONFIG_BYTES, type Config } from "./config.js";

export interface RepoConfigRead {
  config: Config | null;
  /** `repo-config` family: {kind: "present", file} when the repo ships one, then one record per problem ({kind: "invalid", file, problem}). */
  records: FactRecord[];
}

/** Pure: the repo's config text (null: no such file) to the config it may contribute and its problems.
 * Rule folders it names resolve against `root`; whether they are used at all is resolve.ts's call (trust). */
export function readRepoConfigText(root: string, text: string | null, skipped?: string): RepoConfigRead {
  // "present": the repo ships a config at all (the rule on it applies only then).
  const present: FactRecord = { kind: "present", file: CONFIG_FILE };
  if (skipped)
    return {
      config: null,
      records: [present, { kind: "invalid", file: CONFIG_FILE, problem: `${CONFIG_FILE} was not read: ${skipped}` }],
    };
  if (text === null) return { config: null, records: [] };
  const checked = checkConfig(CONFIG_FILE, text, root);
  if (checked.config) return { config: checked.config, records: [present] };
  return {
    config: null,
    records: [present, ...checked.problems.map((problem) => ({ kind: "invalid", file: CONFIG_FILE, problem }))],
  };
}

/** The repo's config file read before the walk (it may set `exclude:` for a trusted repo): a regular file
 * of at most MAX_CONFIG_BYTES; a link is followed only to a file inside the repo, as the walk would. */
export function readRepoConfigFile(root: string): { text: string | null; skipped?: string } {
  const path = join(root, CONFIG_FILE);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { text: null };
  }
  let target = path;
  if (stat.isSymbolicLink()) {
    const resolved = resolve(dirname(path), readlinkSync(path));
    if (!insideRoot(root, resolved)) return { text: null, skipped: "symlink pointing outside the repo: not followed" };
    target = resolved;
  }
  const read = readRegularFile(target, MAX_CONFIG_BYTES);
  if (read.ok) return { text: read.text };
  return read.problem === "does not exist" ? { text: null } : { text: null, skipped: read.problem };
}
