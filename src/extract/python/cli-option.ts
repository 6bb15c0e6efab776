// An argparse `add_argument` or click `option` call read as a command-line option: what the cli-options
// family records and what the training families read a default from.
import type { PyArg, PyCall } from "./call-args.js";

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
  const framework =
    last === "add_argument"
      ? "argparse"
      : last === "option" && (call.decorator || call.callee.startsWith("click."))
        ? "click"
        : null;
  if (!framework) return null;
  const flags = call.args.filter((a) => a.name === null && a.kind === "string").map((a) => a.value);
  if (flags.length === 0) return null;
  const option = flags.find((f) => f.startsWith("--")) ?? flags[0]!;
  const help = call.args.find((a) => a.name === "help");
  const hasHelp = help !== undefined && !(help.kind === "string" && help.value.trim() === "");
  return {
    option,
    framework,
    hasHelp,
    default: scalar(call.args.find((a) => a.name === "default")),
    type: scalar(call.args.find((a) => a.name === "type")),
  };
}
