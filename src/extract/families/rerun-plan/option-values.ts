// The value one command-line option takes in each step: what the step's command passes, else the default the
// program's parser declares for it. Pure over the Python index.
import type { RepoPythonIndex } from "../../python/repo-index.js";
import { argsAfter, givenOptions } from "./arguments.js";
import type { Step } from "./steps.js";

const bare = (flag: string) => flag.replace(/^-+/, "").replace(/-/g, "_");
const unquoted = (value: string) => value.replace(/^(['"])(.*)\1$/, "$2");

/** The default an `add_argument` of `option` declares in `files` ("None" when it names none); undefined when no
 * such call is found or its default is not a literal string. */
function declaredDefault(option: string, files: readonly string[], index: RepoPythonIndex): string | undefined {
  for (const file of files)
    for (const call of index.byPath.get(file)?.calls ?? []) {
      if (!/(?:^|\.)add_argument$/.test(call.callee)) continue;
      const flags = call.args.filter((a) => a.name === null && a.kind === "string").map((a) => a.value);
      const dest = call.args.find((a) => a.name === "dest");
      const names = dest?.kind === "string" ? [dest.value] : flags.filter((f) => f.startsWith("-")).map(bare);
      if (!names.includes(option)) continue;
      const def = call.args.find((a) => a.name === "default");
      if (!def) return call.args.some((a) => a.name === "action") ? undefined : "None";
      return def.kind === "string" ? def.value : undefined;
    }
  return undefined;
}

/** The values `option` takes over `steps` and how they are known; null when any step's value is unknown.
 * `filesOf`: the Python files a step reaches, where its parser is declared. */
export function stepOptionValues(
  option: string,
  steps: readonly Step[],
  index: RepoPythonIndex,
  filesOf: (step: Step) => readonly string[],
): { values: string[]; why: string } | null {
  const passed: string[] = [];
  const defaults: string[] = [];
  let flag = `--${option}`;
  for (const step of steps) {
    const given = givenOptions(argsAfter(step.command, step.program, step.runAs)).filter(
      (o) => bare(o.name) === option,
    );
    if (given.length > 0) {
      const value = given[given.length - 1]!.value;
      if (value === null || /[$`*{]/.test(value)) return null;
      passed.push(unquoted(value));
      flag = given[0]!.name;
      continue;
    }
    const def = declaredDefault(option, filesOf(step), index);
    if (def === undefined) return null;
    defaults.push(def);
  }
  const values = [...new Set([...passed, ...defaults])];
  const listed = values.join(" or ");
  const why =
    defaults.length === 0
      ? `every documented command passes ${flag}=${listed}`
      : passed.length === 0
        ? `no documented command passes ${flag}, whose default is ${listed}`
        : `the documented commands give ${flag} only as ${listed}`;
  return { values, why };
}
