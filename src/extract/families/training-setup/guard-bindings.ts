// The command-line options a prompt's guard may read, as the program declares them (a typer parameter, a click
// decorator, an argparse `store_true`/`store_false` option) or as a `key=value` config override sets them, and the
// value each takes in a step's words. Pure over the program's text.
import { splitTop } from "../../python/split-top.js";
import type { GuardValue } from "../../python/bool-guard.js";

/** What sets one name of the guard: a command-line option's words, or a config key an override sets. */
export type Binding =
  | { kind: "option"; words: ReadonlyArray<{ word: string; value: GuardValue }>; dflt: GuardValue }
  | { kind: "override"; chain: readonly string[]; offered: boolean };

const TRUE = /^(?:true|yes|on|1)$/i;
const FALSE = /^(?:false|no|off|0)$/i;
const NONE = /^(?:none|null|~)$/i;

/** The index that closes the bracket opening at `open` (quotes skipped), or -1. */
export function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth === 0) return i;
  }
  return -1;
}

export const paramName = (p: string) => /^(\w+)/.exec(p)?.[1] ?? "";

/** A literal default as a guard value; null where it is not a literal. */
function valueOf(text: string | undefined): GuardValue {
  const t = (text ?? "").trim();
  if (t === "None" || t === "True" || t === "False") return t;
  return null;
}

/** The option a typer parameter declares: `x: Optional[bool] = typer.Option(None, "--x/--no-x")`,
 * `x: Annotated[Optional[bool], typer.Option("--x/--skip")] = None`, `force: bool = False`. */
export function typerOption(param: string): Binding | null {
  const name = paramName(param);
  if (!name || !/\bbool\b/.test(param)) return null;
  const option = /typer\.Option\s*\(/.exec(param);
  const args = option
    ? splitTop(param.slice(option.index + option[0].length, closing(param, option.index + option[0].length - 1)), ",")
    : null;
  const flags = (args ?? []).flatMap((a) => {
    const m = /^\s*["'](-{1,2}[\w-]+(?:\s*\/\s*-{1,2}[\w-]+)?)["']\s*$/.exec(a);
    return m ? [m[1]!] : [];
  });
  const assigned = /=\s*([^=]+)$/.exec(param.replace(/typer\.Option\s*\([\s\S]*\)/, "OPTION"))?.[1]?.trim();
  const firstArg = args?.[0]?.trim();
  const dflt =
    assigned && assigned !== "OPTION"
      ? valueOf(assigned)
      : firstArg && !/^["']/.test(firstArg)
        ? valueOf(firstArg.replace(/^default\s*=\s*/, ""))
        : "False";
  const words: Array<{ word: string; value: GuardValue }> = [];
  const long = flags.filter((f) => f.includes("--"));
  if (long.length === 0) {
    const dashed = name.replace(/_/g, "-");
    words.push({ word: `--${dashed}`, value: "True" }, { word: `--no-${dashed}`, value: "False" });
  }
  for (const f of long) {
    const [on, off] = f.split("/").map((s) => s.trim());
    words.push({ word: on!, value: "True" });
    if (off) words.push({ word: off, value: "False" });
  }
  return { kind: "option", words, dflt };
}

/** The option a click decorator declares for `name`: `@click.option("--yes/--no", default=None)`, `is_flag=True`. */
export function clickOption(decorators: readonly string[], name: string): Binding | null {
  for (const dec of decorators) {
    const m = /^@click\.option\((.*)\)\s*$/.exec(dec);
    if (!m) continue;
    const args = splitTop(m[1]!, ",") ?? [];
    const flags = args.flatMap((a) => /^\s*["'](-{1,2}[\w-]+(?:\s*\/\s*-{1,2}[\w-]+)?)["']\s*$/.exec(a)?.[1] ?? []);
    const named = args
      .find((a) => /^\s*["']\w+["']\s*$/.test(a))
      ?.trim()
      .slice(1, -1);
    const long = flags.find((f) => f.startsWith("--"));
    const dest = named ?? long?.split("/")[0]!.slice(2).replace(/-/g, "_");
    if (dest !== name || !long) continue;
    const [on, off] = long.split("/").map((s) => s.trim());
    if (!off && !args.some((a) => /is_flag\s*=\s*True/.test(a))) return null;
    const given = args.find((a) => /^\s*default\s*=/.test(a));
    return {
      kind: "option",
      words: [{ word: on!, value: "True" }, ...(off ? [{ word: off, value: "False" as GuardValue }] : [])],
      dflt: given ? valueOf(given.replace(/^\s*default\s*=/, "")) : "False",
    };
  }
  return null;
}

/** The argparse option whose dest is `dest`: `add_argument("--force", action="store_true")`, `default=True`. */
export function argparseOption(text: string, dest: string): Binding | null {
  for (const m of text.matchAll(/\badd_argument\s*\(/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const close = closing(text, open);
    if (close < 0) continue;
    const args = splitTop(text.slice(open + 1, close), ",") ?? [];
    const flags = args.flatMap((a) => /^\s*["'](-{1,2}[\w-]+)["']\s*$/.exec(a)?.[1] ?? []);
    const named = args.find((a) => /^\s*dest\s*=/.test(a))?.replace(/^\s*dest\s*=\s*["'](\w+)["']\s*$/, "$1");
    const long = flags.find((f) => f.startsWith("--")) ?? flags[0];
    if (!long || (named ?? long.replace(/^-+/, "").replace(/-/g, "_")) !== dest) continue;
    const action = args.map((a) => /^\s*action\s*=\s*["'](store_true|store_false)["']/.exec(a)?.[1]).find(Boolean);
    if (!action) return null;
    const given = args.find((a) => /^\s*default\s*=/.test(a));
    const dflt = given ? valueOf(given.replace(/^\s*default\s*=/, "")) : action === "store_true" ? "False" : "True";
    const value: GuardValue = action === "store_true" ? "True" : "False";
    return { kind: "option", words: flags.map((word) => ({ word, value })), dflt };
  }
  return null;
}

/** The value the step's words give a binding; the default where they give none. */
export function valueIn(binding: Binding, words: readonly string[]): GuardValue {
  if (binding.kind === "option") {
    let value = binding.dflt;
    for (const w of words) {
      const m = binding.words.find((b) => b.word === w);
      if (m) value = m.value;
    }
    return value;
  }
  let value: GuardValue = null;
  for (const w of words) {
    const m = /^\+{0,2}([\w.]+)=(.*)$/.exec(w);
    if (!m) continue;
    const key = m[1]!.split(".");
    const chain = binding.chain;
    if (key.length > chain.length || key.some((k, j) => k !== chain[chain.length - key.length + j])) continue;
    const v = m[2]!.replace(/^(['"])(.*)\1$/, "$2");
    value = TRUE.test(v) ? "True" : FALSE.test(v) ? "False" : NONE.test(v) ? "None" : null;
  }
  return value;
}

/** The words one may add to a step to set a binding. */
export function settings(binding: Binding): Array<{ word: string; value: GuardValue }> {
  if (binding.kind === "option") return [...binding.words];
  if (!binding.offered) return [];
  const key = binding.chain.join(".");
  return [
    { word: `${key}=True`, value: "True" },
    { word: `${key}=False`, value: "False" },
  ];
}
