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

/** The option framework a call declares an option of; null for other calls. */
export function optionFramework(call: PyCall): "argparse" | "click" | null {
  const last = call.callee.slice(call.callee.lastIndexOf(".") + 1);
  if (last === "add_argument") return "argparse";
  return last === "option" && (call.decorator || call.callee.startsWith("click.")) ? "click" : null;
}

/** The names an option call spells as literals, and whether any name is built at run time (`f"--{k}"`,
 * `"--" + name`, `*names`): then the parser's option set is open, and such a name is no name to report. */
export function optionNames(call: PyCall): { names: string[]; built: boolean } {
  const positional = call.args.filter((a) => a.name === null);
  // An f-string field the file's constants do not fill is left as `{}`: no option name holds braces.
  const literal = (a: PyArg) => a.kind === "string" && !a.value.includes("{}");
  return { names: positional.filter(literal).map((a) => a.value), built: positional.some((a) => !literal(a)) };
}

/** An argparse `add_argument` or click `option` call as an option; null for other calls and for options
 * whose names are all built at run time. */
export function cliOption(call: PyCall): CliOption | null {
  const framework = optionFramework(call);
  if (!framework) return null;
  const flags = optionNames(call).names;
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
