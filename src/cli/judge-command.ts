// `repro-audit judge <facts.json>`: judge saved facts again with the built-in rules and the user's config,
// and render the report, without the repo.
import { readConfig } from "../config/config.js";
import { resolveSettings } from "../config/resolve.js";
import { assembleReport } from "../evaluate/assemble.js";
import { loadRules, ruleFolders } from "../evaluate/load-rules.js";
import { parseSavedFacts } from "../evaluate/saved-facts.js";
import { readRegularFile } from "../io/safe-file.js";
import { badInput } from "../model/errors.js";
import type { JudgeArgs } from "./args.js";
import { checkOutPath } from "./out-paths.js";
import { finishReport, type Io } from "./report-output.js";

/** Saved facts of a large repo run to tens of MB; more is not a facts file. */
const MAX_FACTS_BYTES = 512 * 1024 * 1024;

export function judgeCommand(args: JudgeArgs, io: Io): number {
  const target = args.out ? checkOutPath(args.out) : undefined;
  const read = readRegularFile(args.factsFile, MAX_FACTS_BYTES);
  if (!read.ok)
    throw badInput(
      `facts file ${args.factsFile} ${read.problem}`,
      "Pass a file written by repro-audit audit --facts FILE",
    );
  const saved = parseSavedFacts(args.factsFile, read.text);
  const config = args.config ? readConfig(args.config) : undefined;
  const resolved = resolveSettings({
    flags: {},
    ...(config && args.config ? { user: { config, file: args.config } } : {}),
  });
  const rules = loadRules(ruleFolders(resolved.rules, process.cwd())).filter((r) => !resolved.disable.includes(r.id));
  const report = assembleReport(saved.record, saved.facts, rules);
  return finishReport(report, { format: args.format }, {}, io, { rules, target });
}
