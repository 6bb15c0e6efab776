// `repro-audit report <report.json>`: render a saved report in any format, without the rule files: the
// report carries its rules' titles, reasons, fixes and help links. The file is input, so it is validated.
import type { ReportArgs } from "./args.js";
import { finishReport, type Io } from "./report-output.js";
import { readSavedReport } from "./saved-report.js";
import { checkOutPath } from "./out-paths.js";

export function reportCommand(args: ReportArgs, io: Io): number {
  const target = args.out ? checkOutPath(args.out) : undefined;
  const report = readSavedReport(args.file, "report");
  const flag = <T>(value: T | undefined, name: string) => (value === undefined ? undefined : { value, source: name });
  const gates = { failUnder: flag(args.failUnder, "--fail-under"), maxWarnings: flag(args.maxWarnings, "--max-warnings"), failOn: flag(args.failOn, "--fail-on") };
  return finishReport(report, args, gates, io, target ? { target } : {});
}
