// A step's arguments: the words after the program it runs, and whether the program's own parser takes them
// (an option it does not declare under `parse_args()`, a `type=bool` option given "False"). Pure.
import { isPlaceholderWord, shellWords } from "../../shell/shell-words.js";

/** The arguments after the program in a command line: the segment naming it, the words after its name
 * (`python -m pkg.train --x` gives `--x`). Empty when the segment is not found. */
export function argsAfter(command: string, program: string | null, runAs?: string): string[] {
  const base = program ? program.slice(program.lastIndexOf("/") + 1) : null;
  const module =
    program && /\.py$/.test(program)
      ? program
          .replace(/\.py$/, "")
          .replace(/\/__main__$/, "")
          .replace(/\//g, ".")
      : null;
  for (const segment of command.split(/&&|\|\||;|\|/)) {
    const words = shellWords(segment.trim());
    const at = words.findIndex(
      (w, i) =>
        w === runAs ||
        (base !== null && (w === base || w.endsWith(`/${base}`))) ||
        (module !== null && words[i - 1] === "-m" && module.endsWith(w)),
    );
    if (at >= 0) return withoutRedirections(words.slice(at + 1));
  }
  return [];
}

/** A launcher that starts a Python program and takes options of its own before it (`accelerate launch
 * --config_file ds.yaml train.py`, `deepspeed --hostfile h train.py`, `torchrun --nproc_per_node 8 train.py`). */
const LAUNCHER = /^(?:accelerate|deepspeed|torchrun)$/;

/** The launcher's own words before the program in a command line (`launch --config_file ds.yaml` of
 * `accelerate launch --config_file ds.yaml train.py --lr 1`); empty when no such launcher starts it. */
export function launcherArgs(command: string, program: string | null): string[] {
  const base = program ? program.slice(program.lastIndexOf("/") + 1) : null;
  if (base === null) return [];
  for (const segment of command.split(/&&|\|\||;|\|/)) {
    const words = shellWords(segment.trim());
    const at = words.findIndex((w) => w === base || w.endsWith(`/${base}`));
    if (at < 0) continue;
    const start = words.findIndex((w, i) => i < at && LAUNCHER.test(w.replace(/^.*\//, "")));
    return start < 0 ? [] : withoutRedirections(words.slice(start + 1, at));
  }
  return [];
}

/** Words without the shell's redirections: `>log`, `2>&1`, and a bare `>` or `2>>` with the target after it
 * (a placeholder such as `<path to data>` is an argument, not a redirection). */
function withoutRedirections(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (isPlaceholderWord(w)) out.push(w);
    else if (/^(?:\d|&)?(?:>>?|<)$/.test(w)) i++;
    else if (!/^[<>]|^(?:\d|&)>/.test(w)) out.push(w);
  }
  return out;
}

/** Options given as `--name value` or `--name=value`, in order. A value is null for a flag with none. */
export function givenOptions(args: readonly string[]): Array<{ name: string; value: string | null }> {
  const out: Array<{ name: string; value: string | null }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!/^--?[A-Za-z]/.test(arg)) continue;
    const eq = arg.indexOf("=");
    if (eq > 0) {
      out.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1) });
      continue;
    }
    const next = args[i + 1];
    const value = next !== undefined && !/^--?[A-Za-z]/.test(next) ? next : null;
    out.push({ name: arg, value });
    if (value !== null) i++;
  }
  return out;
}

/** What the program's parser declares, as far as the audit reads it. */
export interface ParserView {
  framework: "argparse" | "click";
  /** Every flag declared (long and short). */
  flags: ReadonlySet<string>;
  /** Flags declared with `type=bool`. */
  boolFlags: ReadonlySet<string>;
  /** argparse: `parse_known_args()` lets unknown options through; so does a parser with an option named at run time. */
  lenient: boolean;
  /** argparse: `parse_known_args()` whose leftovers the program never reads: an unknown option is ignored. */
  drops?: boolean;
  /** Whether a bare word may be taken (a positional or subcommand declared, a many-valued option, click, or a
   * parse of a list of the program's own); false: argparse rejects every word no option takes. */
  bareWords: boolean;
  /** argparse: the options `parse_args()` requires (`required=True`), each as its flags, any one of which gives it. */
  required?: ReadonlyArray<readonly string[]>;
}

const FALSY = /^(?:false|0|no|off|none)$/i;

/** The first argument the parser rejects, and why; null when all pass or the parser is unknown. */
export function rejectedArgument(args: readonly string[], parser: ParserView | null): string | null {
  if (parser === null) return null;
  for (const { name, value } of givenOptions(args)) {
    const declared = declaredAs(name, parser);
    if (declared === null) {
      if (parser.lenient || !name.startsWith("--")) continue;
      if (parser.drops)
        return `${name}: argparse declares no such option (parse_known_args() leaves it over and the program never reads the leftovers: it is ignored)`;
      return `${name}: ${parser.framework === "argparse" ? "argparse" : "click"} declares no such option (${parser.framework === "argparse" ? "parse_args() exits with 'unrecognized arguments'" : "click exits with 'No such option'"})`;
    }
    if (value !== null && FALSY.test(value) && parser.boolFlags.has(declared))
      return `${name} ${value}: type=bool turns any non-empty string, "${value}" included, into True`;
  }
  const missing = missingRequired(args, parser);
  if (missing !== null)
    return `${missing}: argparse requires it and the command does not give it (parse_args() exits with 'the following arguments are required: ${missing}')`;
  if (parser.bareWords || parser.lenient) return null;
  const stray = strayWords(args);
  if (stray.length === 0) return null;
  const meant = stray.map((w) => [`-${w}`, `--${w}`].find((f) => parser.flags.has(f))).find((f) => f !== undefined);
  return `${stray.join(" ")}: argparse declares no positional argument (parse_args() exits with 'unrecognized arguments: ${stray.join(" ")}')${meant ? `; ${meant} was meant?` : ""}`;
}

/** The first required option the arguments leave out, or null; none asked for `--help` or words a shell or a
 * reader fills in (`$ARGS`, `<path>`, `*`), which may hold it. */
function missingRequired(args: readonly string[], parser: ParserView): string | null {
  if (!parser.required || args.some((a) => /[$`<>[\]{}*]|\.\.\./.test(a))) return null;
  const given = new Set(givenOptions(args).map((o) => declaredAs(o.name, parser)));
  if (given.has("-h") || given.has("--help")) return null;
  const missing = parser.required.find((flags) => !flags.some((f) => given.has(f)));
  return missing ? (missing.find((f) => f.startsWith("--")) ?? missing[0]!) : null;
}

/** Words no option takes: not an option, not the one value after it, not a comment. Words a
 * shell or a reader fills in (`$ARGS`, `<path>`, `[options]`, `key=value`) are left out: they may expand to options. */
function strayWords(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^--?[A-Za-z]/.test(arg)) {
      const next = args[i + 1];
      if (!arg.includes("=") && next !== undefined && !/^--?[A-Za-z]/.test(next)) i++;
      continue;
    }
    if (arg.startsWith("#")) break; // a comment to the end of the line
    if (/[$`<>[\]{}=*&]|\.\.\./.test(arg) || arg === "\\") continue;
    out.push(arg);
  }
  return out;
}

/** The declared flag a given one stands for: itself, or (argparse) the one long flag it abbreviates. */
function declaredAs(name: string, parser: ParserView): string | null {
  if (parser.flags.has(name)) return name;
  const underscored = name.replace(/-/g, "_");
  for (const flag of parser.flags)
    if (flag.replace(/-/g, "_") === underscored && parser.framework === "click") return flag;
  if (parser.framework !== "argparse" || !name.startsWith("--")) return null;
  const prefixed = [...parser.flags].filter((f) => f.startsWith(name));
  return prefixed.length === 1 ? prefixed[0]! : null;
}
