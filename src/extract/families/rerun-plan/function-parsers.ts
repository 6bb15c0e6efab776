// Command-line parsers made from a function's signature: fire (`fire.Fire(main)`: the parameters are the
// options; `fire.Fire(Class)`: its methods are subcommands) and typer (`typer.run(main)`, `@app.command()`:
// `--param-name`, a bool's `--no-param-name`, names a `typer.Option("--x")` gives). Read from the program's
// text alone; null wherever the options cannot all be seen. Pure.

export interface FunctionParser {
  framework: "fire" | "typer";
  /** Options the program takes, by subcommand ("" when it has none). */
  commands: ReadonlyMap<string, ReadonlySet<string>>;
  /** The function takes `**kwargs` (fire passes any option through). */
  lenient: boolean;
}

interface Def {
  name: string;
  params: string[];
  /** The class the def sits in, by its indentation; null at the top. */
  owner: string | null;
  decorators: string;
}

/** The program's defs with their parameters' source text, split at top-level commas. */
function defs(text: string): Def[] {
  const out: Def[] = [];
  const classes: Array<{ name: string; indent: number }> = [];
  const head = /^([ \t]*)(?:(class)\s+(\w+)|(?:async\s+)?def\s+(\w+)\s*\()/gm;
  for (const m of text.matchAll(head)) {
    const indent = m[1]!.length;
    while (classes.length > 0 && classes[classes.length - 1]!.indent >= indent) classes.pop();
    if (m[2]) {
      classes.push({ name: m[3]!, indent });
      continue;
    }
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0 && i - start < 20000; i++) {
      const c = text[i]!;
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth--;
    }
    const body = text.slice(start, i - 1);
    const params: string[] = [];
    let level = 0;
    let from = 0;
    for (let k = 0; k <= body.length; k++) {
      const c = body[k];
      if (c === "(" || c === "[" || c === "{") level++;
      else if (c === ")" || c === "]" || c === "}") level--;
      else if ((c === "," && level === 0) || k === body.length) {
        const p = body.slice(from, k).trim();
        if (p) params.push(p);
        from = k + 1;
      }
    }
    const before = text.slice(Math.max(0, m.index - 500), m.index).split("\n");
    const decorators = before
      .reverse()
      .slice(1)
      .filter((_, j, all) => all.slice(0, j + 1).every((l) => /^\s*@/.test(l)))
      .join("\n");
    out.push({ name: m[4]!, params, owner: classes.length > 0 ? classes[classes.length - 1]!.name : null, decorators });
  }
  return out;
}

const paramName = (p: string) => /^(\*{0,2})(\w+)/.exec(p);

function fireOptions(def: Def, into: Set<string>): boolean {
  let lenient = false;
  for (const p of def.params) {
    const m = paramName(p);
    if (!m || m[2] === "self" || m[2] === "cls") continue;
    if (m[1] === "**") lenient = true;
    if (m[1]) continue;
    // fire takes `--lr_max`, `--lr-max` and, for a flag, `--nolr_max`.
    for (const name of [m[2]!, m[2]!.replace(/_/g, "-")]) into.add(`--${name}`).add(`--no${name}`);
  }
  return lenient;
}

function typerOptions(def: Def): Set<string> {
  const out = new Set<string>();
  for (const p of def.params) {
    const m = paramName(p);
    if (!m || m[1]) continue;
    const named = /typer\.Option\s*\(([^)]*)\)/.exec(p);
    const flags = named
      ? [...named[1]!.matchAll(/["'](-{1,2}[\w-]+(?:\/-{1,2}[\w-]+)?)["']/g)].flatMap((f) => f[1]!.split("/"))
      : [];
    const long = `--${m[2]!.replace(/_/g, "-")}`;
    if (flags.some((f) => f.startsWith("--"))) flags.forEach((f) => out.add(f));
    else {
      flags.forEach((f) => out.add(f));
      out.add(long);
      if (/:\s*(?:Optional\[)?bool\b|Annotated\[\s*bool\b/.test(p)) out.add(`--no-${long.slice(2)}`);
    }
  }
  return out;
}

export function functionParser(text: string): FunctionParser | null {
  const fire = /\bfire\.Fire\(\s*(\w*)\s*\)|\bFire\(\s*(\w*)\s*\)/.exec(text);
  if (fire) {
    const target = fire[1] ?? fire[2] ?? "";
    if (target === "") return null;
    const all = defs(text);
    const fn = all.find((d) => d.name === target && d.owner === null);
    const commands = new Map<string, Set<string>>();
    let lenient = false;
    if (fn) {
      const options = new Set<string>();
      lenient = fireOptions(fn, options);
      commands.set("", options);
    } else {
      const methods = all.filter((d) => d.owner === target);
      if (methods.length === 0) return null;
      const shared = new Set<string>();
      const init = methods.find((d) => d.name === "__init__");
      if (init) lenient = fireOptions(init, shared);
      for (const method of methods) {
        if (method.name.startsWith("_")) continue;
        const options = new Set(shared);
        lenient = fireOptions(method, options) || lenient;
        commands.set(method.name, options);
      }
    }
    return { framework: "fire", commands, lenient };
  }
  const run = /\btyper\.run\(\s*(\w+)\s*\)/.exec(text);
  if (run) {
    const fn = defs(text).find((d) => d.name === run[1] && d.owner === null);
    return fn ? { framework: "typer", commands: new Map([["", typerOptions(fn)]]), lenient: false } : null;
  }
  const app = /^(\w+)\s*=\s*typer\.Typer\(/m.exec(text);
  if (app) {
    // Sub-apps (`add_typer`) and callbacks add options the audit does not follow.
    if (/\.add_typer\(|\.callback\(/.test(text)) return null;
    const commands = defs(text).filter((d) => new RegExp(`@${app[1]}\\.command\\(`).test(d.decorators));
    if (commands.length === 0) return null;
    const named = (d: Def) => /\.command\(\s*["']([\w-]+)["']/.exec(d.decorators)?.[1] ?? d.name.replace(/_/g, "-");
    // One command runs without its name.
    if (commands.length === 1)
      return { framework: "typer", commands: new Map([["", typerOptions(commands[0]!)]]), lenient: false };
    return { framework: "typer", commands: new Map(commands.map((d) => [named(d), typerOptions(d)])), lenient: false };
  }
  return null;
}

/** The first option a function parser rejects, and why; null when all pass or nothing can be said. */
export function rejectedByFunction(
  options: ReadonlyArray<{ name: string }>,
  words: readonly string[],
  parser: FunctionParser,
): string | null {
  let declared = parser.commands.get("");
  if (declared === undefined) {
    const sub = words.find((w) => !w.startsWith("-"));
    if (sub === undefined) return null;
    declared = parser.commands.get(sub);
    if (declared === undefined)
      return parser.framework === "typer"
        ? `${sub}: typer declares no such command (it exits with 'No such command')`
        : null;
  }
  if (parser.lenient) return null;
  for (const { name } of options) {
    if (!name.startsWith("--") || name === "--help" || declared.has(name)) continue;
    if (parser.framework === "fire" && /^--(?:interactive|trace|verbose|completion|separator)$/.test(name)) continue;
    return parser.framework === "fire"
      ? `${name}: the function fire runs takes no such parameter (fire exits with 'Could not consume arg')`
      : `${name}: typer declares no such option (it exits with 'No such option')`;
  }
  return null;
}
