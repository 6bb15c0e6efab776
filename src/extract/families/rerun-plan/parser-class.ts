// Which parser a program builds, and the options configargparse declares beyond `add_argument`: `p.add(...)`,
// `p.add_arg(...)`, and the config-file flags a constructor names (`args_for_setting_config_path=["--config"]`).
// A parser whose class the audit cannot read (a local class on an unknown base, a class from a package other
// than argparse or configargparse) has options it does not see: its options are not judged. Pure over texts.

/** The modules whose parser classes the audit reads. */
const KNOWN_MODULES = new Set(["argparse", "configargparse"]);
/** The class or factory names of those modules that build a parser. */
const KNOWN_BUILDERS =
  /^(?:ArgumentParser|ArgParser|get_argument_parser|getArgumentParser|get_arg_parser|getArgParser)$/;
const MAX_TEXT = 500_000;

/** The callee that builds the parser the program parses with (`parser = ExParser(...)` then `parser.parse_args()`),
 * as written; null when the program builds none in its own text (a parser from a function, or none). */
function parserBuilder(text: string): string | null {
  if (text.length > MAX_TEXT) return null;
  for (const m of text.matchAll(/^[ \t]*(\w+)\s*=\s*([A-Za-z_][\w.]*)\s*\(/gm)) {
    const name = m[1]!;
    if (new RegExp(String.raw`\b${name}\.(?:parse_(?:known_)?(?:intermixed_)?args|add_argument|add)\s*\(`).test(text))
      return m[2]!;
  }
  return null;
}

/** Names the text binds to the known parser modules (`import configargparse as cap`) and names it imports from them. */
function knownNames(text: string): { modules: Set<string>; builders: Set<string> } {
  const modules = new Set(KNOWN_MODULES);
  const builders = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*import\s+(\w+)\s+as\s+(\w+)/gm))
    if (KNOWN_MODULES.has(m[1]!)) modules.add(m[2]!);
  for (const m of text.matchAll(/^[ \t]*from\s+(\w+)\s+import\s+\(?([\w\s,]+)/gm))
    if (KNOWN_MODULES.has(m[1]!))
      for (const part of m[2]!.split(",")) {
        const bound = /(\w+)(?:\s+as\s+(\w+))?/.exec(part.trim());
        if (bound) builders.add(bound[2] ?? bound[1]!);
      }
  return { modules, builders };
}

/** Whether `callee` names a parser of argparse or configargparse as `text` imports them. */
function isKnownBuilder(callee: string, text: string): boolean {
  const { modules, builders } = knownNames(text);
  const dot = callee.lastIndexOf(".");
  const last = callee.slice(dot + 1);
  if (dot < 0) return builders.has(last) && (KNOWN_BUILDERS.test(last) || last === "ArgumentParser");
  return modules.has(callee.slice(0, dot)) && KNOWN_BUILDERS.test(last);
}

/** Whether the parser the program builds is one whose options the audit reads: argparse's or configargparse's,
 * or a local subclass of one (its `__init__`'s options are in the files read). `texts`: the program's text
 * first, then the local modules it imports. */
export function parserReadable(texts: readonly string[]): boolean {
  const program = texts[0] ?? "";
  const callee = parserBuilder(program);
  if (callee === null || isKnownBuilder(callee, program)) return true;
  const name = callee.slice(callee.lastIndexOf(".") + 1);
  for (const text of texts) {
    if (text.length > MAX_TEXT) continue;
    const cls = new RegExp(String.raw`^[ \t]*class\s+${name}\s*\(([^)]*)\)\s*:`, "m").exec(text);
    if (cls) return cls[1]!.split(",").some((b) => isKnownBuilder(b.trim(), text));
    // A local factory (`def get_parser():`): its calls are among those read.
    if (new RegExp(String.raw`^[ \t]*def\s+${name}\s*\(`, "m").test(text)) return true;
  }
  // Defined in none of the files read: a class or factory of a package (jsonargparse, a framework's parser).
  return false;
}

/** The flags configargparse declares in `text` besides `add_argument` calls: `.add("-c", "--config", ...)`,
 * `.add_arg(...)`, and a constructor's `args_for_setting_config_path` / `args_for_writing_out_config_file`. */
export function configArgParseFlags(text: string): string[] {
  if (text.length > MAX_TEXT || !/configargparse|args_for_setting_config_path|is_config_file/.test(text)) return [];
  const out: string[] = [];
  const literals = (s: string) => [...s.matchAll(/(['"])(-{1,2}[\w-]+)\1/g)].map((m) => m[2]!);
  for (const m of text.matchAll(/\.add(?:_arg)?\s*\(\s*((?:(['"])-{1,2}[\w-]+\2\s*,?\s*)+)/g))
    out.push(...literals(m[1]!));
  for (const m of text.matchAll(/\bargs_for_(?:setting_config_path|writing_out_config_file)\s*=\s*[[(]([^\])]*)[\])]/g))
    out.push(...literals(m[1]!));
  return out;
}
