// Fact family `cli-options`: argparse and click options, with their help, default and type.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import type { PyArg, PyCall } from "../../python/call-args.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";

export interface CliOption {
  option: string;
  framework: "argparse" | "click";
  hasHelp: boolean;
  default: string | null;
  type: string | null;
}

function scalar(arg: PyArg | undefined): string | null {
  return arg ? arg.value : null;
}

/** An argparse `add_argument` or click `option` call as an option; null for other calls. */
export function cliOption(call: PyCall): CliOption | null {
  const last = call.callee.slice(call.callee.lastIndexOf(".") + 1);
  const framework = last === "add_argument" ? "argparse" : last === "option" && (call.decorator || call.callee.startsWith("click.")) ? "click" : null;
  if (!framework) return null;
  const flags = call.args.filter((a) => a.name === null && a.kind === "string").map((a) => a.value);
  if (flags.length === 0) return null;
  const option = flags.find((f) => f.startsWith("--")) ?? flags[0]!;
  const help = call.args.find((a) => a.name === "help");
  const hasHelp = help !== undefined && !(help.kind === "string" && help.value.trim() === "");
  return { option, framework, hasHelp, default: scalar(call.args.find((a) => a.name === "default")), type: scalar(call.args.find((a) => a.name === "type")) };
}

export const extractor: Extractor = {
  id: "cli-options",
  async extract(ctx) {
    const records: FactRecord[] = [];
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      for (const call of file.calls) {
        const opt = cliOption(call);
        if (opt) records.push(recordAt(file, call.line, { ...opt }));
      }
    }
    return records;
  },
};
