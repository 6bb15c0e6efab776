// A GPU option's default (`--gpu_id`, default 5) pins a GPU only when the rerun uses it: not where every plan step
// that runs the script passes the option itself (`--gpu_id <GPU_ID>`), nor where no code reads the parsed value
// (its `os.environ["CUDA_VISIBLE_DEVICES"] = str(args.gpu_id)` commented out). Pure.

export interface PlanRun {
  /** The script the step runs, from the repo root. */
  program: string;
  /** The step's arguments after the script, space-joined. */
  args: string;
}

export interface PythonText {
  path: string;
  text: string;
}

/** The option strings of an `add_argument` line (`'-g', '--gpu_id'`) and its dest (`dest=`, else the first long flag). */
function optionOf(line: string): { flags: string[]; dest: string } | null {
  const call = /\badd_argument\(\s*((?:['"]-{1,2}[\w-]+['"]\s*,\s*)*['"]-{1,2}[\w-]+['"])/.exec(line);
  if (!call) return null;
  const flags = [...call[1]!.matchAll(/['"](-{1,2}[\w-]+)['"]/g)].map((m) => m[1]!);
  const dest =
    /\bdest\s*=\s*['"](\w+)['"]/.exec(line)?.[1] ??
    (flags.find((f) => f.startsWith("--")) ?? flags[0]!).replace(/^-+/, "").replace(/-/g, "_");
  return { flags, dest };
}

/** Does every plan step that runs the script pass one of the option's flags (`--gpu_id 1`, `--gpu_id=<ID>`)? */
function setByEveryRun(flags: readonly string[], path: string, runs: readonly PlanRun[]): boolean {
  const mine = runs.filter((r) => r.program === path);
  return (
    mine.length > 0 &&
    mine.every((r) => r.args.split(/\s+/).some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`))))
  );
}

/** Code lines, whole-line comments left out. */
const code = (text: string) =>
  text
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n");

/** Is the parsed value read anywhere: in its own file outside the option's line (`args.gpu_id`, `opt["gpu_id"]`,
 * a keyword `gpu_id=`), or in another file that reads `.gpu_id` without an option of that name of its own (a
 * parser built in one module and read in another)? */
function readAnywhere(dest: string, path: string, line: number, python: readonly PythonText[]): boolean {
  const word = new RegExp(String.raw`\b${dest}\b`);
  const own = python.find((p) => p.path === path);
  if (!own) return true;
  const rest = own.text.split("\n").filter((_, i) => i !== line - 1);
  if (word.test(code(rest.join("\n")))) return true;
  const attribute = new RegExp(String.raw`\.${dest}\b|\[\s*['"]${dest}['"]\s*\]|getattr\([^)]*['"]${dest}['"]`);
  const option = new RegExp(String.raw`add_argument\([^)]*['"]-{1,2}${dest.replace(/_/g, "[_-]")}['"]`);
  return python.some((p) => p.path !== path && attribute.test(code(p.text)) && !option.test(p.text));
}

/** Why an option's GPU default pins nothing on the rerun: "set-by-plan" where every step that runs the script passes
 * it, "unread" where no code reads the parsed value; null where the default holds (or the line is no option). */
export function gpuOptionUnused(
  path: string,
  line: number,
  text: string,
  runs: readonly PlanRun[],
  python: readonly PythonText[],
): "set-by-plan" | "unread" | null {
  const option = optionOf(text.split("\n")[line - 1] ?? "");
  if (!option) return null;
  if (setByEveryRun(option.flags, path, runs)) return "set-by-plan";
  return readAnywhere(option.dest, path, line, python) ? null : "unread";
}
