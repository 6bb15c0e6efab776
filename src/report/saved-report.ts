// A saved JSON report is input, to the report command and to a baseline in the CLI and the Action alike: read it
// capped, parse it, check it against schemas/report.schema.json; a problem is one line naming the flag or input.
import { readRegularFile } from "../io/safe-file.js";
import { badInput } from "../model/errors.js";
import type { Report } from "../model/report.js";
import { reportProblems } from "./validate.js";

/** Reports of the largest real repos stay under a few MiB; anything beyond this is not a report. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const SHOWN_PROBLEMS = 5;
/** Words without a flag, so the Action's rewording of flags leaves them alone. */
const HINT = "Pass a JSON report saved by repro-audit (format json)";

/** The report at `file`; `flag` names where the path was given ("--baseline", "input 'baseline'"). */
export function readSavedReport(file: string, flag: string): Report {
  const read = readRegularFile(file, MAX_REPORT_BYTES);
  if (!read.ok) throw badInput(`${flag} ${file} ${read.problem}`, HINT);
  let doc: unknown;
  try {
    doc = JSON.parse(read.text);
  } catch (error) {
    throw badInput(`${flag} ${file} is not JSON (${(error as Error).message.split("\n")[0]})`, HINT, error);
  }
  const problems = reportProblems(doc);
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : "";
    throw badInput(
      `${flag} ${file} is not a valid report: ${problems.slice(0, SHOWN_PROBLEMS).join("; ")}${more}`,
      "Pass a JSON report saved by this version of repro-audit (format json)",
    );
  }
  return doc as Report;
}
