// Read a call's arguments from the token stream: keyword names, literal values and best-effort paths.
import { T, opCode, type Tokens } from "./lexer.js";

export interface PyArg {
  /** Keyword name, or null for a positional argument. */
  name: string | null;
  kind: "string" | "number" | "name" | "list" | "other";
  /** The literal's value, the name, or the source text (capped) for anything else. */
  value: string;
  /** Best-effort path the argument spells (literals, known constants, os.path.join, `+`, `/`), unknown parts as `*`. */
  path: string | null;
  /** String items of a list or tuple literal. */
  items?: string[];
  /** Number of items of a list or tuple literal. */
  count?: number;
}

export interface PyCall {
  line: number;
  /** The callee as written: "pd.read_csv", "open", "parser.add_argument". */
  callee: string;
  args: PyArg[];
  /** Was the call a decorator (`@click.option(...)`)? */
  decorator: boolean;
}

const JOINERS = new Set(["join", "Path", "PurePath", "PosixPath", "WindowsPath"]);

export class ArgReader {
  constructor(
    private readonly text: string,
    private readonly t: Tokens,
    /** Module-level string constants of the file: NAME -> value. */
    private readonly constants: Map<string, string>,
  ) {}

  src(a: number, b: number): string {
    return this.text.slice(this.t.start[a]!, this.t.end[b - 1]!);
  }

  op(k: number, s: string): boolean {
    return this.t.op[k] === opCode(s);
  }

  name(k: number): string | null {
    return this.t.kind[k] === T.NAME ? this.text.slice(this.t.start[k]!, this.t.end[k]!) : null;
  }

  /** Index of the bracket closing the one opened at `open`. */
  closing(open: number): number {
    let depth = 0;
    for (let k = open; k < this.t.count; k++) {
      const c = this.t.op[k]!;
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        depth--;
        if (depth === 0) return k;
      }
    }
    return this.t.count;
  }

  /** Split the tokens between brackets `open` and its closer at top-level commas. */
  split(open: number): Array<[number, number]> {
    const close = this.closing(open);
    const parts: Array<[number, number]> = [];
    let depth = 0;
    let from = open + 1;
    for (let k = open + 1; k < close; k++) {
      const c = this.t.op[k]!;
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) depth--;
      else if (c === 44 && depth === 0) {
        if (k > from) parts.push([from, k]);
        from = k + 1;
      }
    }
    if (close > from) parts.push([from, close]);
    return parts;
  }

  args(open: number): PyArg[] {
    return this.split(open).map(([a, b]) => {
      if (this.t.kind[a] === T.NAME && this.op(a + 1, "=") && b > a + 2) return this.value(this.name(a), a + 2, b);
      return this.value(null, a, b);
    });
  }

  value(name: string | null, a: number, b: number): PyArg {
    const t = this.t;
    const text = this.stringValue(a, b);
    if (text !== null) return { name, kind: "string", value: text, path: this.pathOf(a, b) };
    if (b === a + 1 && t.kind[a] === T.NUMBER) return { name, kind: "number", value: this.src(a, b), path: null };
    if (b === a + 2 && this.op(a, "-") && t.kind[a + 1] === T.NUMBER) return { name, kind: "number", value: this.src(a, b), path: null };
    if (b === a + 1 && t.kind[a] === T.NAME) return { name, kind: "name", value: this.src(a, b), path: this.pathOf(a, b) };
    if ((this.op(a, "[") || this.op(a, "(")) && this.closing(a) === b - 1) {
      const parts = this.split(a);
      const items = parts.filter(([x, y]) => y === x + 1 && t.kind[x] === T.STRING).map(([x]) => t.value.get(x) ?? "");
      return { name, kind: "list", value: this.src(a, b).slice(0, 200), path: null, items, count: parts.length };
    }
    return { name, kind: "other", value: this.src(a, b).slice(0, 200), path: this.pathOf(a, b) };
  }

  /** The text of a range made only of string tokens (implicit concatenation), else null. */
  private stringValue(a: number, b: number): string | null {
    const t = this.t;
    let v = "";
    for (let k = a; k < b; k++) {
      if (t.kind[k] !== T.STRING) return null;
      v += t.value.get(k) ?? "";
    }
    return v;
  }

  /** The path a token range spells, or null when no part of it is known. */
  pathOf(a: number, b: number): string | null {
    const parts = this.pathParts(a, b);
    if (!parts || parts.every((p) => p === "*")) return null;
    return parts.join("").replace(/\/{2,}/g, "/").replace(/\{\}/g, "*");
  }

  private pathParts(a: number, b: number): string[] | null {
    const t = this.t;
    // Split at top-level `+` (concatenation) and `/` (pathlib), keeping the joiner.
    const pieces: Array<[number, number, string]> = [];
    let depth = 0;
    let from = a;
    for (let k = a; k < b; k++) {
      if (t.kind[k] !== T.OP) continue;
      if (this.op(k, "(") || this.op(k, "[") || this.op(k, "{")) depth++;
      else if (this.op(k, ")") || this.op(k, "]") || this.op(k, "}")) depth--;
      else if (depth === 0 && (this.op(k, "+") || this.op(k, "/"))) {
        pieces.push([from, k, this.op(k, "/") ? "/" : ""]);
        from = k + 1;
      } else if (depth === 0 && !this.op(k, ".")) return null;
    }
    pieces.push([from, b, ""]);
    const out: string[] = [];
    for (const [x, y, joiner] of pieces) {
      if (y <= x) return null;
      out.push(this.atomPath(x, y), joiner);
    }
    return out;
  }

  private atomPath(a: number, b: number): string {
    const t = this.t;
    const text = this.stringValue(a, b);
    if (text !== null) return text;
    if (b === a + 1 && t.kind[a] === T.NAME) return this.constants.get(this.name(a)!) ?? "*";
    // A call to os.path.join / Path(...): its arguments joined with "/".
    const last = b - 1;
    if (this.op(last, ")")) {
      let open = a;
      while (open < last && !this.op(open, "(")) open++;
      if (this.closing(open) === last && open > a && JOINERS.has(this.name(open - 1) ?? "")) {
        const parts = this.split(open).map(([x, y]) => this.pathParts(x, y)?.join("") ?? "*");
        return parts.join("/");
      }
    }
    return "*";
  }
}
