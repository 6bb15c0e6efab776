// Lines of a module that run only when the file is run itself: its `if __name__ == "__main__":` block and the
// top-level functions (and classes) only that block (or another such function) calls; and the functions and
// classes nothing calls at all.
// From one pass of the lexer (pure).
import { T, logicalLines, opCode, tokenize } from "../../python/lexer.js";

export type Span = [number, number];

const EQ = opCode("==");
const COLON = opCode(":");
const DOT = opCode(".");

/** The spans, in order; none when the file does not lex (nothing is taken off the plan on a guess).
 * `usedElsewhere`: whether another file may call the function by this name (imports it, or calls `.name(`). */
export function mainOnlySpans(text: string, usedElsewhere: (name: string) => boolean): Span[] {
  const scan = scanTops(text);
  if (scan === null || scan.main === null) return [];
  return grow(scan, [scan.main], usedElsewhere, false);
}

/** The top-level functions nothing calls: no use in the file outside themselves (a call left in a comment is
 * none), none in another file (`usedElsewhere`), no decorator (a framework may call it), and those only such
 * functions call. None when the file does not lex. */
export function uncalledSpans(text: string, usedElsewhere: (name: string) => boolean): Span[] {
  const scan = scanTops(text);
  if (scan === null) return [];
  return grow(scan, [], usedElsewhere, true);
}

interface Scan {
  main: Span | null;
  /** Each top-level function's and class's span; `decorated` holds those a decorator wraps. */
  defs: Map<string, Span>;
  decorated: Set<string>;
  /** Where each top-level function's name is used, outside its own definition line. */
  uses: Map<string, number[]>;
}

/** Spans join `from` while every use of a function lies inside spans already taken (its own body's recursion
 * included); `unused`: a function used nowhere joins too. */
function grow(scan: Scan, from: Span[], usedElsewhere: (name: string) => boolean, unused: boolean): Span[] {
  const out = [...from];
  const inside = (line: number) => out.some(([a, b]) => line >= a && line <= b);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, span] of scan.defs) {
      if (out.includes(span) || (unused && scan.decorated.has(name))) continue;
      const at = (scan.uses.get(name) ?? []).filter((line) => line < span[0] || line > span[1]);
      if ((!unused && at.length === 0) || !at.every(inside) || usedElsewhere(name)) continue;
      out.push(span);
      grew = true;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Code that finds a class by a name it holds at run time: a class it never spells may still be built. */
const LOOKUP =
  /\bglobals\(\)|\blocals\(\)|\beval\(|\bsys\.modules\b|\bgetattr\(\s*(?:sys|__import__|importlib|module|mod)\b/;

function scanTops(text: string): Scan | null {
  const t = tokenize(text);
  if (t.error) return null;
  const lines = logicalLines(t);
  const str = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const lastLine = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  // Each top-level statement runs from its first line to the line before the next top-level statement.
  const tops = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.depth === 0);
  const spanOf = (n: number): Span => [
    t.line[tops[n]!.l.from]!,
    n + 1 < tops.length ? t.line[tops[n + 1]!.l.from]! - 1 : lastLine,
  ];
  let main: Span | null = null;
  const lookups = LOOKUP.test(text);
  const defs = new Map<string, Span>();
  const decorated = new Set<string>();
  tops.forEach(({ l }, n) => {
    const k = l.from;
    const head = str(k);
    if (head === "if" && isMainTest(k + 1, l.to)) main ??= spanOf(n);
    const def = head === "def" || head === "class" ? k : head === "async" && str(k + 1) === "def" ? k + 1 : -1;
    // A decorated function's decorator lines are top-level statements of their own: its span starts at `def`.
    // A class is taken as a function is, unless the file looks names up at run time (`globals()[name]`).
    if (def >= 0 && t.kind[def + 1] === T.NAME && (head !== "class" || !lookups)) {
      defs.set(str(def + 1), spanOf(n));
      if (n > 0 && str(tops[n - 1]!.l.from) === "@") decorated.add(str(def + 1));
    }
  });
  const uses = new Map<string, number[]>();
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.NAME) continue;
    const name = str(k);
    const span = defs.get(name);
    if (!span || (k > 0 && /^(?:def|class)$/.test(str(k - 1)) && t.line[k] === span[0])) continue;
    if (k > 0 && t.op[k - 1] === DOT) continue;
    (uses.get(name) ?? uses.set(name, []).get(name)!).push(t.line[k]!);
  }
  return { main, defs, decorated, uses };

  function isMainTest(from: number, to: number): boolean {
    const words = [];
    for (let k = from; k < to && t.op[k] !== COLON; k++)
      words.push(t.kind[k] === T.STRING ? `'${t.value.get(k) ?? ""}'` : t.op[k] === EQ ? "==" : str(k));
    const test = words.join(" ");
    return (
      test === "__name__ == '__main__'" || test === "'__main__' == __name__" || test === "( __name__ == '__main__' )"
    );
  }
}

/** Spans as a fact value: "12-20,31-40". */
export const spansText = (spans: readonly Span[]): string => spans.map(([a, b]) => `${a}-${b}`).join(",");
