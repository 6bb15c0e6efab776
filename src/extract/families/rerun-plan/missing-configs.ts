// Config files a step passes by a config option (`-c experiments/config.yml`, `--config configs/x.yaml`) that the
// repo lacks, and the configs that do lie where it looks. Placeholders a reader fills in are not missing. Pure.
import { joinFrom } from "./parser-view.js";

const CONFIG_FILE = /\.(?:ya?ml|json|toml|cfg|ini)$/i;
/** An option that names a config: `-c`, `--config`, `--cfg`, `--config-file`, `--conf`, `--settings`, `--hparams`,
 * and DeepSpeed's `--deepspeed ds.json` of Hugging Face scripts. */
const CONFIG_OPTION = /^(?:-c|-{1,2}[\w-]*(?:conf|cfg|config|settings|hparams|params)[\w-]*|--deepspeed)$/i;
/** A path a reader is meant to fill in or a shell expands: `path/to/`, `<your_config>`, `your_config.yml`, `$CFG`. */
const PLACEHOLDER = /path\/to\/|[<>[\]{}$*`]|\byour[_-]|\bmy[_-]|\bxxx|\.\.\./i;

/** The config paths (from the repo root) the arguments pass by a config option that `has` does not know;
 * absolute, home and upward paths are the reader's own and left out. */
export function missingConfigArguments(
  args: readonly string[],
  cwd: string,
  has: (path: string) => boolean,
  /** The program's text: an option whose value it joins onto another folder is looked up there, not here. */
  program = "",
): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const option = eq > 0 && arg.startsWith("-") ? arg.slice(0, eq) : arg;
    if (!CONFIG_OPTION.test(option) || joinedOntoFolder(program, option)) continue;
    const value = eq > 0 && arg.startsWith("-") ? arg.slice(eq + 1) : args[i + 1];
    if (value === undefined || !CONFIG_FILE.test(value) || PLACEHOLDER.test(value)) continue;
    const fromCwd = joinFrom(cwd, value);
    if (fromCwd === null || has(fromCwd) || has(joinFrom("", value) ?? fromCwd)) continue;
    out.push(fromCwd);
  }
  return out;
}

/** Whether a write path (possibly with `*` for what the audit could not read) makes this file. */
export function writes(writePath: string, path: string): boolean {
  if (!writePath.includes("*")) return writePath === path;
  const pattern = writePath
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${pattern}$`).test(path);
}

/** The config files in the folder the missing path names (its siblings), a few by name; none when the folder lacks. */
export function configsBeside(path: string, files: readonly string[]): string[] {
  const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  return files
    .filter((f) => f.startsWith(folder) && !f.slice(folder.length).includes("/") && CONFIG_FILE.test(f))
    .sort()
    .slice(0, 5);
}

/** Whether the program joins the option's value onto a folder before it (`os.path.join(args.exp_dir, args.cfg)`,
 * `f"{d}/{args.cfg}"`, `Path(d) / args.cfg`, `d + "/" + args.cfg`): a bare name then lies in that folder. */
export function joinedOntoFolder(program: string, option: string): boolean {
  const dest = option.replace(/^-+/, "").replace(/-/g, "_");
  if (program === "" || !/^\w+$/.test(dest) || dest.length > 100) return false;
  const value = String.raw`[\w.\[\]'"]*\b${dest}\b`;
  const patterns = [
    String.raw`os\.path\.join\([^()\n]*,\s*${value}\s*\)`,
    String.raw`[/\\]\{${value}\}`,
    String.raw`[\w)\]][ \t]*/[ \t]*${value}`,
    String.raw`\+\s*(?:os\.sep|["'][/\\]["'])\s*\+\s*${value}`,
  ].map((p) => new RegExp(p));
  // Line by line, long lines left out: the patterns backtrack within a line.
  return program
    .split("\n")
    .some((line) => line.length <= MAX_LINE && line.includes(dest) && patterns.some((p) => p.test(line)));
}
const MAX_LINE = 1000;
