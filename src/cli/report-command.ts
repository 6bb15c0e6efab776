// `repro-audit report <report.json>`: render a saved report in any format, without the rule files: the
// report carries its rules' titles, reasons, fixes and help links. The file is input, so it is validated.
import type { ReportArgs } from "./args.js";
import { finishReport, type Io } from "./report-output.js";
import { readSavedReport } from "../report/saved-report.js";
import { checkOutPath } from "./out-paths.js";
import { gatesFrom } from "../evaluate/finish.js";
import { sourced, type Sourced } from "../model/sourced.js";

export function reportCommand(args: ReportArgs, io: Io): number {
  const target = args.out ? checkOutPath(args.out) : undefined;
  const report = readSavedReport(args.file, "report");
  // No config is read here: the flags are the only settings.
  const flag = <T>(value: T | undefined, name: string): Sourced<T> | null =>
    value === undefined ? null : sourced(value, "flag", name);
  const settings = {
    failUnder: flag(args.failUnder, "--fail-under"),
    maxWarnings: flag(args.maxWarnings, "--max-warnings"),
    failOn: flag(args.failOn, "--fail-on"),
  };
  return finishReport(report, args, gatesFrom(settings, "cli"), io, target ? { target } : {});
}
