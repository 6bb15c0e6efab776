// What a program's own command-line parser declares (argparse or click), read from the Python index of the
// program and the local modules it imports, and the default config file it names.
import { optionFramework, optionNames } from "../../python/cli-option.js";
import type { PyFileIndex } from "../../python/file-index.js";
import type { ParserView } from "./arguments.js";
import { literalFolderOf } from "./config-folder.js";
import { configArgParseFlags, parserReadable } from "./parser-class.js";

/** The flags of an `add_argument` / click `option` call, its type and default; null for other calls. */
function optionCall(call: PyFileIndex["calls"][number]): {
  framework: "argparse" | "click";
  flags: string[];
  type: string | null;
  default: string | null;
  nargs: string | null;
  built: boolean;
  required: boolean;
} | null {
  const framework = optionFramework(call);
  if (!framework) return null;
  const { names, built } = optionNames(call);
  const flags = names.filter((f) => f.startsWith("-"));
  const type = call.args.find((a) => a.name === "type")?.value ?? null;
  const def = call.args.find((a) => a.name === "default")?.value ?? null;
  const nargs = call.args.find((a) => a.name === "nargs")?.value ?? null;
  const required = call.args.some((a) => a.name === "required" && a.value === "True");
  return { framework, flags, type, default: def, nargs, built, required };
}

/** The parser over `files` (the program first), or null when none of them declares an option or the parser's
 * class is one the audit cannot read. `text` is the program's source, for how it parses (`parse_known_args`, a
 * click group); `read` gives the files' texts, for what configargparse declares and which class builds the parser. */
export function parserOf(
  files: readonly PyFileIndex[],
  text: string,
  read: (path: string) => string | null = () => null,
): ParserView | null {
  const flags = new Set<string>(["-h", "--help"]);
  const boolFlags = new Set<string>();
  let framework: "argparse" | "click" | null = null;
  // Whether argparse may take a bare word: a positional (or a name the audit cannot read), subcommands, an
  // option that takes many values.
  let bareWords = false;
  // An option named at run time (a loop over a config's fields): any `--name` may be one of them.
  let open = false;
  // The program's own `required=True` options (an imported module's may belong to another script's parser).
  const required: string[][] = [];
  for (const file of files) {
    for (const call of file.calls) {
      if (/(?:^|\.)add_subparsers$/.test(call.callee)) bareWords = true;
      const option = optionCall(call);
      if (!option) continue;
      framework ??= option.framework;
      if (option.built) open = true;
      if (option.required && option.framework === "argparse" && file === files[0] && option.flags.length > 0)
        required.push(option.flags);
      if (option.flags.length === 0 || (option.nargs !== null && !/^(?:\?|1)$/.test(option.nargs))) bareWords = true;
      for (const flag of option.flags) {
        flags.add(flag);
        if (option.type === "bool") boolFlags.add(flag);
        // click's `--flag/--no-flag` declares both.
        if (option.framework === "click" && flag.includes("/"))
          for (const part of flag.split("/")) flags.add(part.trim());
      }
    }
  }
  const texts = [text, ...files.slice(1).map((f) => read(f.path) ?? "")];
  // configargparse's `p.add("-c", "--config", is_config_file=True)` and the config flags its constructor names.
  const added = texts.flatMap(configArgParseFlags);
  if (added.length > 0) framework ??= "argparse";
  for (const flag of added) flags.add(flag);
  if (framework === null) return null;
  if (framework === "argparse" && !parserReadable(texts)) return null;
  // Options the audit cannot see (a parser built from a config, a click group's subcommands, hydra) leave it unknown.
  if (framework === "click" && /\.group\(|click\.Group|add_command/.test(text)) return null;
  // A program that parses nowhere in its own text parses through a module: how (known args or not) is unread.
  if (framework === "argparse" && !/\.parse_(?:known_)?(?:intermixed_)?args\s*\(/.test(text)) return null;
  const known = /\.parse_known_args\s*\(|\.parse_known_intermixed_args\s*\(/.test(text);
  const drops = framework === "argparse" && !open && known && leftoversDropped(text);
  const lenient =
    open ||
    (known && !drops) ||
    /add_argument\s*\(\s*['"]\w+['"]\s*,\s*nargs\s*=\s*(?:argparse\.)?REMAINDER/.test(text);
  // Only `parse_args()` reads the command line itself: a parser given its own list may never see the words.
  if (framework === "click" || !/\.parse_args\s*\(\s*\)/.test(text)) bareWords = true;
  // A parser that also reads its arguments from a file (`fromfile_prefix_chars`) or takes its defaults from a
  // config (`set_defaults(**cfg)`) may be given a required option there.
  const fromFile = texts.some((t) => /fromfile_prefix_chars|\.set_defaults\s*\(\s*\*\*/.test(t));
  // `@args.txt` is the file's words, not a stray one.
  if (texts.some((t) => t.includes("fromfile_prefix_chars"))) bareWords = true;
  const requires = framework === "argparse" && !open && !fromFile && /\.parse_args\s*\(\s*\)/.test(text);
  return {
    framework,
    flags,
    boolFlags,
    lenient,
    bareWords,
    ...(drops ? { drops } : {}),
    ...(requires && required.length > 0 ? { required } : {}),
  };
}

/** `parse_known_args()` and what its result is bound to: `a, rest = ...`, or `...[0]`. */
const KNOWN_CALL =
  /^[ \t]*(?:\(?\s*\w+\s*,\s*(\w+)\s*\)?\s*=\s*|\w+\s*=\s*)?[\w.]+\.parse_known(?:_intermixed)?_args\s*\((?:[^()]|\([^()]*\))*\)\s*(\[\s*0\s*\])?/gm;

/** Whether every `parse_known_args()` of the program throws its leftovers away (`[0]`, `args, _ = ...`, or a
 * leftover name read nowhere else): an option the parser lacks is then ignored without a word. */
function leftoversDropped(text: string): boolean {
  const calls = [...text.matchAll(KNOWN_CALL)];
  if (calls.length === 0) return false;
  return calls.every((call) => {
    if (call[2] !== undefined) return true;
    const rest = call[1];
    if (rest === undefined) return false; // bound whole or passed on: the leftovers may be read
    if (rest === "_") return true;
    return (text.match(new RegExp(`\\b${rest}\\b`, "g")) ?? []).length === 1;
  });
}

/** Config files a program loads when no argument names one: the existing file a config-like option defaults to,
 * from the working folder or from the literal folder the program joins the value onto (`os.path.join("configs",
 * args.config)`). `read` gives a file's text, for that join. */
export function defaultConfigs(
  files: readonly PyFileIndex[],
  exists: (path: string) => boolean,
  cwd: string,
  given: ReadonlySet<string>,
  read: (path: string) => string | null = () => null,
): Array<{ path: string; file: string; line: number }> {
  const out: Array<{ path: string; file: string; line: number }> = [];
  for (const file of files) {
    for (const call of file.calls) {
      const option = optionCall(call);
      if (
        !option ||
        option.default === null ||
        !option.flags.some((f) => /conf|cfg|config|settings|params|hparams/i.test(f))
      )
        continue;
      if (option.flags.some((f) => given.has(f))) continue;
      if (!/\.(?:ya?ml|json|toml|cfg|ini|py)$/i.test(option.default)) continue;
      const path = joinFrom(cwd, option.default);
      if (path !== null && exists(path)) {
        out.push({ path, file: file.path, line: call.line });
        continue;
      }
      const dest = (option.flags.find((f) => f.startsWith("--")) ?? option.flags[0]!)
        .replace(/^-+/, "")
        .replace(/-/g, "_");
      const folder = literalFolderOf(read(file.path) ?? "", dest);
      const joined = folder === null ? null : joinFrom(cwd, `${folder}/${option.default}`);
      if (joined !== null && exists(joined)) out.push({ path: joined, file: file.path, line: call.line });
    }
  }
  return out;
}

/** `cwd` + a relative path, POSIX; null for an absolute or upward path. */
export function joinFrom(cwd: string, path: string): string | null {
  if (/^[/~$]/.test(path)) return null;
  const parts: string[] = [];
  for (const part of `${cwd}/${path}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
