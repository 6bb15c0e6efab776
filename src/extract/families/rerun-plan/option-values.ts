// The value one command-line option takes in each step: what the step's command passes, else the default the
// program's parser declares for it; a value the audit cannot read (`--dataset $DS`) is one of the option's
// `choices` when it lists them. Pure over the Python index.
import type { RepoPythonIndex } from "../../python/repo-index.js";
import { argsAfter, givenOptions } from "./arguments.js";
import type { Step } from "./steps.js";

const bare = (flag: string) => flag.replace(/^-+/, "").replace(/-/g, "_");
const unquoted = (value: string) => value.replace(/^(['"])(.*)\1$/, "$2");
const LITERAL_LIST = /^\s*[[(]\s*(?:(['"])[^'"]*\1\s*,?\s*)+[\])]\s*$/;

/** The `add_argument` of `option` in `files`: its default ("None" when it names none; undefined when it is not a
 * literal string) and the values its `choices` list (null when not listed as literals); null when none is found. */
function declared(
  option: string,
  files: readonly string[],
  index: RepoPythonIndex,
): { default: string | undefined; choices: string[] | null } | null {
  for (const file of files)
    for (const call of index.byPath.get(file)?.calls ?? []) {
      if (!/(?:^|\.)add_argument$/.test(call.callee)) continue;
      const flags = call.args.filter((a) => a.name === null && a.kind === "string").map((a) => a.value);
      const dest = call.args.find((a) => a.name === "dest");
      const names = dest?.kind === "string" ? [dest.value] : flags.filter((f) => f.startsWith("-")).map(bare);
      if (!names.includes(option)) continue;
      const def = call.args.find((a) => a.name === "default");
      const listed = call.args.find((a) => a.name === "choices");
      const choices =
        listed?.kind === "list" && LITERAL_LIST.test(listed.value)
          ? [...listed.value.matchAll(/(['"])([^'"]*)\1/g)].map((m) => m[2]!)
          : null;
      // An option with an action and no default (`store_true`) is a flag: not a string this compares.
      const value = def
        ? def.kind === "string"
          ? def.value
          : undefined
        : call.args.some((a) => a.name === "action")
          ? undefined
          : "None";
      return { default: value, choices };
    }
  return null;
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
  const allowed: string[] = [];
  let flag = `--${option}`;
  for (const step of steps) {
    const given = givenOptions(argsAfter(step.command, step.program, step.runAs)).filter(
      (o) => bare(o.name) === option,
    );
    const parser = declared(option, filesOf(step), index);
    if (given.length > 0) {
      const value = given[given.length - 1]!.value;
      flag = given[0]!.name;
      if (value !== null && !/[$`*{]/.test(value)) {
        passed.push(unquoted(value));
        continue;
      }
      if (value === null || !parser?.choices) return null;
      allowed.push(...parser.choices);
      continue;
    }
    if (parser?.default === undefined) return null;
    defaults.push(parser.default);
  }
  const values = [...new Set([...passed, ...defaults, ...allowed])];
  const listed = values.join(" or ");
  const why =
    allowed.length > 0
      ? `the documented commands give ${flag} only as ${listed} (its choices)`
      : defaults.length === 0
        ? `every documented command passes ${flag}=${listed}`
        : passed.length === 0
          ? `no documented command passes ${flag}, whose default is ${listed}`
          : `the documented commands give ${flag} only as ${listed}`;
  return { values, why };
}
