// Whether the plan's steps that run a file reach a prompt in it. The prompt is read with the guard in front of it
// (`elif overwrite or (overwrite is None and typer.confirm(...))`, `if cfg.common.overwrite or typer.confirm(...)`,
// `if not args.force and input(...)`) and the `if`s around it; the guard's names are bound to the program's options
// (a typer or click parameter, through one helper call at most; an argparse dest; a config key a `key=value`
// override sets) and evaluated with Python's short-circuit over each step's arguments. A subcommand the step does not
// run reaches no prompt in another. Pure over the program's text and the steps' arguments.
import { indentOf } from "../../python/blocks.js";
import { splitTop } from "../../python/split-top.js";
import { guardNames, MARKER, reachesMarker, type GuardValue } from "../../python/bool-guard.js";
import {
  argparseOption,
  clickOption,
  closing,
  paramName,
  settings,
  typerOption,
  valueIn,
  type Binding,
} from "./guard-bindings.js";

export interface PlanStepArgs {
  /** The step's arguments after the program, space-joined. */
  args: string;
  /** Where the step is written: "run.sh:3". */
  at: string;
}

export interface PromptReach {
  /** Every step that runs the file passes what skips the prompt (or runs a subcommand without it). */
  skipped: boolean;
  /** Where a step reaches it: the arguments that would skip it and the step, "`--skip` or `--overwrite` at run.sh:3". */
  skipWith: string | null;
}

interface Def {
  name: string;
  line: number;
  /** The line its signature closes on. */
  end: number;
  indent: number;
  params: string[];
  decorators: string[];
}

const MAX_CONTINUATION = 6;
const HEADER = /^\s*(?:if|elif|while)\s+/;
const STATEMENT = /^\s*(?:return\s+|[A-Za-z_][\w.]*\s*(?::[^=]+)?=(?!=)\s*)/;
const code = (line: string) => line.replace(/\s#[^'"]*$|^\s*#.*$/, "");

/** The closers an expression's prefix leaves open, innermost first: `a or (b and ` gives `)`. */
function openBrackets(prefix: string): string | null {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") stack.push({ "(": ")", "[": "]", "{": "}" }[c]!);
    else if (c === ")" || c === "]" || c === "}") if (stack.pop() !== c) return null;
  }
  return quote ? null : stack.reverse().join("");
}

/** The expression in front of the call at (line i, column col), from the header or statement it opens in, with the
 * marker in the call's place; the header line's index. A call that is a statement of its own has no guard there. */
function inlineGuard(lines: readonly string[], i: number, col: number): { expr: string; header: number } {
  for (let k = i; k >= 0 && k > i - MAX_CONTINUATION; k--) {
    const start = HEADER.exec(lines[k]!) ?? STATEMENT.exec(lines[k]!);
    if (!start) continue;
    const parts = [...lines.slice(k, i).map(code), lines[i]!.slice(0, col)];
    parts[0] = parts[0]!.slice(start[0].length);
    const prefix = parts.map((p) => p.replace(/\\\s*$/, "")).join(" ");
    const open = openBrackets(prefix);
    // A line above belongs only where the brackets stay open across it (or it ends in a backslash); a statement
    // that closes before the call's line holds no guard of it, nor does any line above that statement.
    const continued = lines
      .slice(k, i)
      .every((l, j) => /\\\s*$/.test(l) || (openBrackets(parts.slice(0, j + 1).join(" ")) ?? "") !== "");
    if (open === null || !continued) break;
    return { expr: `${prefix} ${MARKER} ${open}`, header: k };
  }
  return { expr: MARKER, header: i };
}

/** The conditions of the `if`/`elif`/`while` blocks around line `header`, outermost first, up to the def. */
function enclosingConditions(lines: readonly string[], header: number): string[] {
  const out: string[] = [];
  let indent = indentOf(lines[header]!);
  for (let k = header - 1; k >= 0 && indent > 0; k--) {
    const line = lines[k]!;
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const here = indentOf(line);
    if (here >= indent) continue;
    indent = here;
    if (/^\s*(?:async\s+def|def|class)\b/.test(line)) break;
    const m = /^\s*(?:if|elif|while)\s+(.*?):\s*(?:#.*)?$/.exec(line);
    if (m) out.unshift(m[1]!);
  }
  return out;
}

/** The defs of a file, with their parameters and decorators. */
function defsOf(lines: readonly string[], text: string): Def[] {
  const out: Def[] = [];
  const starts: number[] = [0];
  for (const line of lines) starts.push(starts[starts.length - 1]! + line.length + 1);
  lines.forEach((line, i) => {
    const m = /^([ \t]*)(?:async\s+)?def\s+(\w+)\s*\(/.exec(line);
    if (!m) return;
    const open = starts[i]! + m[0].length - 1;
    const close = closing(text, open);
    if (close < 0) return;
    const params = (splitTop(text.slice(open + 1, close).replace(/#[^\n]*/g, ""), ",") ?? []).map((p) => p.trim());
    const decorators: string[] = [];
    for (let k = i - 1; k >= 0 && /^\s*@/.test(lines[k]!); k--) decorators.unshift(lines[k]!.trim());
    const end = i + (text.slice(starts[i]!, close).match(/\n/g)?.length ?? 0);
    out.push({ name: m[2]!, line: i, end, indent: indentOf(line), params, decorators });
  });
  return out;
}

/** The def whose body holds line i. */
function defAt(defs: readonly Def[], lines: readonly string[], i: number): Def | null {
  const indent = indentOf(lines[i]!);
  const above = defs.filter((d) => d.line < i && d.indent < indent);
  for (const d of above.reverse()) {
    // The def's body runs from its signature until a line at its indent or less.
    const ends = lines
      .slice(d.end + 1, i)
      .some((l) => l.trim() !== "" && !l.trimStart().startsWith("#") && indentOf(l) <= d.indent);
    if (!ends) return d;
  }
  return null;
}

/** The command-line commands of the file: typer's `@app.command()` functions or `typer.run(fn)`, click's commands;
 * each def name to its command name. */
function commandsOf(text: string, defs: readonly Def[]): Map<string, string> {
  const apps = [...text.matchAll(/^(\w+)\s*=\s*typer\.Typer\(/gm)].map((m) => m[1]!);
  const out = new Map<string, string>();
  for (const d of defs) {
    const typer = d.decorators
      .map((dec) => /^@(\w+)\.command\(\s*(?:["']([\w-]+)["'])?/.exec(dec))
      .find((m) => m && (apps.includes(m[1]!) || m[1] === "click"));
    if (typer) out.set(d.name, typer[2] ?? d.name.replace(/_/g, "-"));
  }
  for (const m of text.matchAll(/\btyper\.run\(\s*(\w+)\s*\)/g)) out.set(m[1]!, "");
  return out;
}

/** What sets `name` where the prompt sits in `def`: its own parameter, or a helper's parameter every call in the
 * file fills from a command's; the commands through which the prompt is reached (null: any). */
function bind(
  name: string,
  at: Def | null,
  ctx: { text: string; lines: readonly string[]; defs: readonly Def[]; commands: ReadonlyMap<string, string> },
): { binding: Binding | null; via: string[] | null } {
  const dotted = name.split(".");
  if (dotted.length > 1) {
    const parsed = dotted.length === 2 ? argparseOption(ctx.text, dotted[1]!) : null;
    if (parsed) return { binding: parsed, via: null };
    const offered = /\bfrom_dotlist\b|\bfrom_cli\b|@hydra\.main\b|\bhydra\.main\(/.test(ctx.text);
    return { binding: { kind: "override", chain: dotted.slice(1), offered }, via: null };
  }
  if (!at) return { binding: null, via: null };
  const index = at.params.findIndex((p) => paramName(p) === name);
  if (index < 0) return { binding: null, via: null };
  const own = (d: Def, param: string) => typerOption(param) ?? clickOption(d.decorators, paramName(param));
  if (ctx.commands.has(at.name)) return { binding: own(at, at.params[index]!), via: [ctx.commands.get(at.name)!] };
  // A helper: each of its calls in the file passes a command's parameter of the same meaning.
  const positional = index - (["self", "cls"].includes(paramName(at.params[0] ?? "")) ? 1 : 0);
  const calls = [...ctx.text.matchAll(new RegExp(String.raw`(?<![\w.])${at.name}\s*\(`, "g"))];
  let binding: Binding | null = null;
  const via: string[] = [];
  for (const call of calls) {
    const open = (call.index ?? 0) + call[0].length - 1;
    const lineOf = ctx.text.slice(0, open).split("\n").length - 1;
    if (lineOf === at.line) continue;
    const args = splitTop(ctx.text.slice(open + 1, closing(ctx.text, open)), ",") ?? [];
    const keyword = args.find((a) => new RegExp(String.raw`^\s*${name}\s*=(?!=)`).test(a));
    const passed = (
      keyword ? keyword.replace(/^[^=]*=/, "") : args.filter((a) => !/^\s*\w+\s*=(?!=)/.test(a))[positional]
    )?.trim();
    const caller = defAt(ctx.defs, ctx.lines, lineOf);
    if (!passed || !/^\w+$/.test(passed) || !caller || !ctx.commands.has(caller.name))
      return { binding: null, via: null };
    const param = caller.params.find((p) => paramName(p) === passed);
    const found = param ? own(caller, param) : null;
    if (!found) return { binding: null, via: null };
    binding = found;
    via.push(ctx.commands.get(caller.name)!);
  }
  return { binding, via: binding ? via : null };
}

/** Whether the steps that run the file reach each prompt at (line, col) (0-based line); null for one when no step
 * runs the file. The file's defs and commands are read once for all its prompts. */
export function promptReaches(
  text: string,
  calls: ReadonlyArray<{ line: number; col: number }>,
  steps: readonly PlanStepArgs[],
): Array<PromptReach | null> {
  if (steps.length === 0 || calls.length === 0) return calls.map(() => null);
  const lines = text.split("\n");
  const defs = defsOf(lines, text);
  const commands = commandsOf(text, defs);
  return calls.map((c) => reachOne({ text, lines, defs, commands }, c.line, c.col, steps));
}

/** As promptReaches, for one prompt. */
export function promptReach(
  text: string,
  line: number,
  col: number,
  steps: readonly PlanStepArgs[],
): PromptReach | null {
  return promptReaches(text, [{ line, col }], steps)[0]!;
}

function reachOne(
  ctx: { text: string; lines: readonly string[]; defs: readonly Def[]; commands: ReadonlyMap<string, string> },
  line: number,
  col: number,
  steps: readonly PlanStepArgs[],
): PromptReach {
  const { lines, defs, commands } = ctx;
  const inline = inlineGuard(lines, line, col);
  const condition = [...enclosingConditions(lines, inline.header), inline.expr].map((c) => `(${c})`).join(" and ");
  const names = guardNames(condition);
  const at = defAt(defs, lines, inline.header);
  const bound = new Map(names.map((n) => [n, bind(n, at, ctx)] as const));
  // The commands that reach the prompt; a step running another (in a file of several) never does.
  const routes =
    [...bound.values()].map((b) => b.via).find((v) => v !== null) ??
    (at && commands.has(at.name) ? [commands.get(at.name)!] : null);
  const routed = (words: readonly string[]) => {
    if (!routes || commands.size < 2) return true;
    const sub = words.find((w) => !w.startsWith("-") && !w.includes("="));
    return sub === undefined || routes.includes(sub);
  };
  const reach = (words: readonly string[], extra?: { name: string; value: GuardValue }) =>
    reachesMarker(condition, (n) => {
      if (extra && n === extra.name) return extra.value;
      const b = bound.get(n)?.binding;
      return b ? valueIn(b, words) : null;
    });
  const reaching = steps.filter((s) => {
    const words = s.args.split(/\s+/).filter(Boolean);
    return routed(words) && reach(words) !== "no";
  });
  if (reaching.length === 0) return { skipped: true, skipWith: null };
  const first = reaching[0]!;
  const words = first.args.split(/\s+/).filter(Boolean);
  const skipping = [...bound].flatMap(([name, b]) =>
    // A config key guessed from an enclosing test (`not cfg.resume`) is no switch to offer: only the guard's own.
    b.binding && (b.binding.kind === "option" || inline.expr.includes(name))
      ? settings(b.binding)
          .filter((s) => reach(words, { name, value: s.value }) === "no")
          .map((s) => `\`${s.word}\``)
      : [],
  );
  const unique = [...new Set(skipping)];
  return {
    skipped: false,
    skipWith: unique.length > 0 ? `${unique.join(" or ")} at ${first.at}` : null,
  };
}
