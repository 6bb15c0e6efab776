// The audited repo's own .repro-audit.yml: read through the repo view, checked, never allowed to stop the audit.
// A config that does not parse or validate is a `repo-config` fact (a finding), and nothing of it is used.
import type { FactRecord } from "../model/facts.js";
import { checkConfig, CONFIG_FILE, type Config } from "./config.js";

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
  if (skipped) return { config: null, records: [present, { kind: "invalid", file: CONFIG_FILE, problem: `${CONFIG_FILE} was not read: ${skipped}` }] };
  if (text === null) return { config: null, records: [] };
  const checked = checkConfig(CONFIG_FILE, text, root);
  if (checked.config) return { config: checked.config, records: [present] };
  return { config: null, records: [present, ...checked.problems.map((problem) => ({ kind: "invalid", file: CONFIG_FILE, problem }))] };
}
