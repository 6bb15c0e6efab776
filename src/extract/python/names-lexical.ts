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
  /** Confirmed: a load of it runs when the module is imported (module level, a class body, a base, a decorator). */
  atImport?: boolean;
  /** Confirmed, with atImport: that load is in the module's last statement, after all else has run. */
  last?: boolean;
}

const WALRUS = opCode(":=");
const AUGMENTED = new Set(
  ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@="].map(opCode),
);

/** Calls that define names at run time; a file using them is not judged. */
const DYNAMIC = new Set(["globals", "locals", "vars", "exec", "execfile", "__builtins__", "setattr", "get_ipython"]);

export function unboundNames(text: string, t: Tokens, lines: readonly LogicalLine[]): NameUse[] | "dynamic" {
  const scan = new NameScan(text, t);
  for (const line of lines) if (scan.readLine(line.from, line.to) === "dynamic") return "dynamic";
  return scan.unbound();
}

/** Names bound anywhere in one file, and each loaded name's first token, gathered line by line. */
class NameScan {
  private readonly bound = new Set<string>();
  /** Each loaded name's first token, in token order (one entry per name, not per load). */
  private readonly loads = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
  ) {}

  private str(k: number): string {
    return this.text.slice(this.t.start[k]!, this.t.end[k]!);
  }
  private isOp(k: number, s: string): boolean {
    return this.t.op[k] === opCode(s);
  }
  private bindAllNames(a: number, b: number): void {
    for (let k = a; k < b; k++) if (this.t.kind[k] === T.NAME && !this.isOp(k - 1, ".")) this.bound.add(this.str(k));
  }

  /** One logical line: statements that only bind (imports, global, def headers, case patterns), else
   * the loads and bindings of an expression statement. */
  readLine(from: number, to: number): "dynamic" | void {
    const first = this.t.kind[from] === T.NAME ? this.str(from) : "";
    if (first === "import" || first === "from") return this.bindImports(from, to);
    if (first === "global" || first === "nonlocal") return this.bindAllNames(from + 1, to);
    if (first === "def" || (first === "async" && this.str(from + 1) === "def")) return this.bindAllNames(from, to);
    if (
      first === "case" &&
      to - from > 1 &&
      !this.isOp(from + 1, "=") &&
      !this.isOp(from + 1, ".") &&
      !this.isOp(from + 1, "(")
    )
      return this.bindAllNames(from, to);
    if (first === "except") this.bindPython2Handler(from, to);
    if (first === "class" && this.t.kind[from + 1] === T.NAME) this.bound.add(this.str(from + 1));
    if (first !== "" && !KEYWORDS.has(first) && this.isOp(from + 1, ":")) this.bound.add(first); // annotated `x: int`
    return this.readExpressionLine(from, to);
  }

  private readExpressionLine(from: number, to: number): "dynamic" | void {
    const { t, bound } = this;
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
          if (t.kind[k - 1] === T.NAME) bound.add(this.str(k - 1));
        }
        continue;
      }
      if (kind !== T.NAME) continue;
      const name = this.str(k);
      if (name === "for") k = this.bindUntil(k + 1, to, "in");
      else if (name === "lambda") k = this.bindUntil(k + 1, to, ":");
      else if (name === "as") {
        if (t.kind[k + 1] === T.NAME) bound.add(this.str(k + 1));
        else if (this.isOp(k + 1, "(") || this.isOp(k + 1, "[")) k = this.bindUntil(k + 1, to, ":");
      } else if (
        !KEYWORDS.has(name) &&
        !this.isOp(k - 1, ".") &&
        !(this.isOp(k + 1, "=") && depth > 0 && (this.isOp(k - 1, "(") || this.isOp(k - 1, ",")))
      ) {
        if (DYNAMIC.has(name) && (this.isOp(k + 1, "(") || name === "__builtins__")) return "dynamic";
        if (!this.loads.has(name)) this.loads.set(name, k);
      }
    }
    if (lastAssign >= 0) this.bindAllNames(from, lastAssign);
  }

  /** Python 2's `except E, e:` and `except (A, B), e:` bind the name after the last comma at depth 0, as `as` does. */
  private bindPython2Handler(from: number, to: number): void {
    const t = this.t;
    let depth = 0;
    let comma = -1;
    for (let k = from + 1; k < to; k++) {
      const op = t.op[k];
      if (t.kind[k] !== T.OP) continue;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) depth--;
      else if (depth === 0 && op === 44) comma = k;
      else if (depth === 0 && op === 58) break;
    }
    if (comma >= 0 && t.kind[comma + 1] === T.NAME && this.isOp(comma + 2, ":")) this.bound.add(this.str(comma + 1));
  }

  /** The loaded names bound nowhere and no builtin, with every offset that spells them. */
  unbound(): NameUse[] {
    const t = this.t;
    const out: NameUse[] = [];
    for (const [name, k] of this.loads) {
      if (this.bound.has(name) || BUILTIN_NAMES.has(name) || SOFT_KEYWORDS.has(name)) continue;
      out.push({ name, line: t.line[k]!, offsets: [] });
    }
    if (out.length) {
      const byName = new Map(out.map((u) => [u.name, u.offsets!]));
      for (let k = 0; k < t.count; k++) if (t.kind[k] === T.NAME) byName.get(this.str(k))?.push(t.start[k]!);
    }
    return out;
  }

  /** Bind the names from `a` up to the keyword or op `stop` at the same bracket depth; return its index. */
  private bindUntil(a: number, b: number, stop: string): number {
    const t = this.t;
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
        const s = this.str(k);
        if (depth === 0 && s === stop) return k;
        if (!this.isOp(k - 1, ".")) this.bound.add(s);
      }
    }
    return k;
  }

  private bindImports(from: number, to: number): void {
    const t = this.t;
    const isFrom = this.str(from) === "from";
    let k = from + 1;
    if (isFrom) {
      while (k < to && this.str(k) !== "import") k++;
      k++;
    }
    // Each comma-separated item: dotted.name [as alias]; `import a.b` binds `a`.
    let itemFirst: string | null = null;
    let alias = false;
    for (; k <= to; k++) {
      if (t.kind[k] === T.OP || k === to) {
        if (k === to || t.op[k] === 44) {
          if (itemFirst && !alias) this.bound.add(itemFirst);
          itemFirst = null;
          alias = false;
        }
        continue;
      }
      const s = this.str(k);
      if (s === "as") {
        alias = true;
        if (t.kind[k + 1] === T.NAME) this.bound.add(this.str(k + 1));
        k++;
        continue;
      }
      if (itemFirst === null && !this.isOp(k - 1, ".")) itemFirst = s;
    }
  }
}
