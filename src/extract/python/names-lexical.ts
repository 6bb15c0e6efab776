// Names a file loads but binds nowhere, read from tokens: the cheap pre-filter for undefined names.
//
// Binding is over-approximated file-wide (any name that could be bound anywhere counts as bound: the
// targets of `=`, `for`, `as`, `:=`, imports, def headers, lambda and case patterns, global/nonlocal), so
// a name left over is unbound in every scope. Scope-only mistakes (bound in one function, used in
// another) are out of reach here by design; the tree-sitter pass then confirms each candidate's role.
import { BUILTIN_NAMES, KEYWORDS, SOFT_KEYWORDS } from "./builtins.js";
import { T, opCode, type LogicalLine, type Tokens } from "./lexer.js";

export interface NameUse {
  name: string;
  line: number;
  /** Text offsets of every token spelling the name, for the parser's confirmation. */
  offsets?: number[];
}

const WALRUS = opCode(":=");
const AUGMENTED = new Set(["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@="].map(opCode));

/** Calls that define names at run time; a file using them is not judged. */
const DYNAMIC = new Set(["globals", "locals", "vars", "exec", "execfile", "__builtins__", "setattr", "get_ipython"]);

export function unboundNames(text: string, t: Tokens, lines: readonly LogicalLine[]): NameUse[] | "dynamic" {
  const bound = new Set<string>();
  /** Each loaded name's first token, in token order (one entry per name, not per load). */
  const loads = new Map<string, number>();
  const str = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const isOp = (k: number, s: string) => t.op[k] === opCode(s);
  const bindAllNames = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (t.kind[k] === T.NAME && !isOp(k - 1, ".")) bound.add(str(k));
  };

  for (const { from, to } of lines) {
    const first = t.kind[from] === T.NAME ? str(from) : "";
    if (first === "import" || first === "from") {
      bindImports(from, to);
      continue;
    }
    if (first === "global" || first === "nonlocal") {
      bindAllNames(from + 1, to);
      continue;
    }
    if (first === "def" || (first === "async" && str(from + 1) === "def")) {
      bindAllNames(from, to);
      continue;
    }
    if (first === "case" && to - from > 1 && !isOp(from + 1, "=") && !isOp(from + 1, ".") && !isOp(from + 1, "(")) {
      bindAllNames(from, to);
      continue;
    }
    if (first === "class" && t.kind[from + 1] === T.NAME) bound.add(str(from + 1));
    if (first !== "" && !KEYWORDS.has(first) && isOp(from + 1, ":")) bound.add(first); // annotated `x: int`
    let depth = 0;
    let lastAssign = -1;
    for (let k = from; k < to; k++) {
      const kind = t.kind[k];
      if (kind === T.OP) {
        const op = t.op[k]!;
        if (op === 40 || op === 91 || op === 123) depth++;
        else if (op === 41 || op === 93 || op === 125) depth--;
        else if (op === 61 && depth === 0) lastAssign = k;
        else if (op === WALRUS || (AUGMENTED.has(op) && depth === 0)) {
          if (t.kind[k - 1] === T.NAME) bound.add(str(k - 1));
        }
        continue;
      }
      if (kind !== T.NAME) continue;
      const name = str(k);
      if (name === "for") k = bindUntil(k + 1, to, "in");
      else if (name === "lambda") k = bindUntil(k + 1, to, ":");
      else if (name === "as") {
        if (t.kind[k + 1] === T.NAME) bound.add(str(k + 1));
        else if (isOp(k + 1, "(") || isOp(k + 1, "[")) k = bindUntil(k + 1, to, ":");
      } else if (!KEYWORDS.has(name) && !isOp(k - 1, ".") && !(isOp(k + 1, "=") && depth > 0 && (isOp(k - 1, "(") || isOp(k - 1, ",")))) {
        if (DYNAMIC.has(name) && (isOp(k + 1, "(") || name === "__builtins__")) return "dynamic";
        if (!loads.has(name)) loads.set(name, k);
      }
    }
    if (lastAssign >= 0) bindAllNames(from, lastAssign);
  }

  const out: NameUse[] = [];
  for (const [name, k] of loads) {
    if (bound.has(name) || BUILTIN_NAMES.has(name) || SOFT_KEYWORDS.has(name)) continue;
    out.push({ name, line: t.line[k]!, offsets: [] });
  }
  if (out.length) {
    const byName = new Map(out.map((u) => [u.name, u.offsets!]));
    for (let k = 0; k < t.count; k++) if (t.kind[k] === T.NAME) byName.get(str(k))?.push(t.start[k]!);
  }
  return out;

  /** Bind the names from `a` up to the keyword or op `stop` at the same bracket depth; return its index. */
  function bindUntil(a: number, b: number, stop: string): number {
    let depth = 0;
    let k = a;
    const stopOp = opCode(stop);
    for (; k < b; k++) {
      if (t.kind[k] === T.OP) {
        const op = t.op[k]!;
        if (op === 40 || op === 91 || op === 123) depth++;
        else if (op === 41 || op === 93 || op === 125) {
          if (depth === 0) return k - 1; // the caller still sees the closer
          depth--;
        } else if (depth === 0 && op === stopOp) return k;
      } else if (t.kind[k] === T.NAME) {
        const s = str(k);
        if (depth === 0 && s === stop) return k;
        if (!isOp(k - 1, ".")) bound.add(s);
      }
    }
    return k;
  }

  function bindImports(from: number, to: number): void {
    const isFrom = str(from) === "from";
    let k = from + 1;
    if (isFrom) {
      while (k < to && str(k) !== "import") k++;
      k++;
    }
    // Each comma-separated item: dotted.name [as alias]; `import a.b` binds `a`.
    let itemFirst: string | null = null;
    let alias = false;
    for (; k <= to; k++) {
      if (t.kind[k] === T.OP || k === to) {
        if (k === to || t.op[k] === 44) {
          if (itemFirst && !alias) bound.add(itemFirst);
          itemFirst = null;
          alias = false;
        }
        continue;
      }
      const s = str(k);
      if (s === "as") {
        alias = true;
        if (t.kind[k + 1] === T.NAME) bound.add(str(k + 1));
        k++;
        continue;
      }
      if (itemFirst === null && !isOp(k - 1, ".")) itemFirst = s;
    }
  }
}
