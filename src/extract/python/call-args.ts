// Read a call's arguments from the token stream: keyword names, literal values and best-effort paths.
import { T, opCode, type Tokens } from "./lexer.js";

export interface PyArg {
  /** Keyword name, or null for a positional argument. */
  name: string | null;
  kind: "string" | "number" | "name" | "list" | "other";
  /** The literal's value, the name, or the source text (capped) for anything else. */
  value: string;
  /** Best-effort path the argument spells (literals, known constants, os.path.join, `+`, `/`, `.format`,
   * `%`, the file's own folder from `__file__`), unknown parts as `*`. */
  path: string | null;
  /** When the path starts with an unknown part that is a name, an attribute or a subscript key
   * (`cfg.data_dir / "x.csv"`, `settings['ROOT']`): that last name, for a config value to stand in for. */
  root?: string;
  /** The whole attribute or key chain `root` ends (`self.cfg.model.path` -> self.cfg.model.path), when longer than
   * one name: a config value stands in for it only under a key path the chain ends with. */
  rootPath?: string;
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
  /** The path a method's receiver spells when it is itself a path call (`Path('/x/test_images').glob('*.jpg')`). */
  receiver?: string;
  /** Inside `if os.path.exists(...):` (or on a line that tests existence): run only when the file is there. */
  probed?: boolean;
  /** Inside `if args.resume:` or `if start_iter > 0:`: runs only when the user resumes an earlier run. */
  resuming?: boolean;
}

const JOINERS = new Set(["join", "Path", "PurePath", "PosixPath", "WindowsPath"]);

/** "x_%d.csv" % i: the template with its fields unknown. */
const percentTemplate = (template: string) =>
  template.replace(/%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[sdifreEgGxXoc]/g, "*");

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
    return this.split(open).flatMap(([a, b]) => {
      if (this.t.kind[a] === T.NAME && this.op(a + 1, "=") && b > a + 2) return [this.value(this.name(a), a + 2, b)];
      if (this.op(a, "**")) {
        const dict = this.unpacked(a + 1, b);
        if (dict !== null) return dict;
      }
      return [this.value(null, a, b)];
    });
  }

  /** `**{"f": path}`, `**dict(f=path)` or `**kw` after `kw = {"path": p, ...}`: the keyword arguments the
   * unpacked mapping passes, so that a path it holds is the call's; null when its keys are not known. */
  private unpacked(a: number, b: number): PyArg[] | null {
    const t = this.t;
    let open = a;
    if (b === a + 1 && t.kind[a] === T.NAME) {
      const at = this.dictAssigned(this.name(a)!, a);
      if (at === null) return null;
      open = at;
    }
    if (this.op(open, "{") && (open !== a || this.closing(open) === b - 1)) {
      const entries = this.split(open);
      const out: PyArg[] = [];
      for (const [x, y] of entries) {
        if (t.kind[x] !== T.STRING || !this.op(x + 1, ":") || y <= x + 2) return null;
        out.push(this.value(t.value.get(x) ?? "", x + 2, y));
      }
      return out;
    }
    if (t.kind[open] === T.NAME && this.name(open) === "dict" && this.op(open + 1, "(")) {
      if (open === a && this.closing(open + 1) !== b - 1) return null;
      const args = this.args(open + 1);
      return args.every((x) => x.name !== null) ? args : null;
    }
    return null;
  }

  /** The token opening the mapping last bound to `name` before token `before` (`name = {...}` or
   * `name = dict(...)` as a whole statement), looked for a bounded way back. */
  private dictAssigned(name: string, before: number): number | null {
    const t = this.t;
    for (let k = before - 3; k >= 0 && k > before - 20_000; k--) {
      if (t.kind[k] !== T.NAME || !this.op(k + 1, "=") || this.name(k) !== name) continue;
      const start = k === 0 || t.kind[k - 1] === T.NEWLINE || t.kind[k - 1] === T.INDENT || t.kind[k - 1] === T.DEDENT;
      if (!start) continue;
      const v = k + 2;
      const mapping = this.op(v, "{") || (this.name(v) === "dict" && this.op(v + 1, "("));
      return mapping ? v : null;
    }
    return null;
  }

  value(name: string | null, a: number, b: number): PyArg {
    const t = this.t;
    const text = this.stringValue(a, b);
    if (text !== null) {
      const root = b === a + 1 ? this.fieldRoot(a) : null;
      return { name, kind: "string", value: text, path: this.pathOf(a, b), ...(root ? { root } : {}) };
    }
    const path = this.pathOf(a, b);
    const chain = path !== null && path.startsWith("*") ? this.rootName(a, b) : null;
    const root = chain?.slice(chain.lastIndexOf(".") + 1) ?? null;
    const withRoot = (arg: PyArg): PyArg =>
      root ? { ...arg, root, ...(chain !== root ? { rootPath: chain! } : {}) } : arg;
    if (b === a + 1 && t.kind[a] === T.NUMBER) return { name, kind: "number", value: this.src(a, b), path: null };
    if (b === a + 2 && this.op(a, "-") && t.kind[a + 1] === T.NUMBER)
      return { name, kind: "number", value: this.src(a, b), path: null };
    if (b === a + 1 && t.kind[a] === T.NAME) return withRoot({ name, kind: "name", value: this.src(a, b), path });
    if ((this.op(a, "[") || this.op(a, "(")) && this.closing(a) === b - 1) {
      const parts = this.split(a);
      const items = parts.filter(([x, y]) => y === x + 1 && t.kind[x] === T.STRING).map(([x]) => t.value.get(x) ?? "");
      return { name, kind: "list", value: this.src(a, b).slice(0, 200), path: null, items, count: parts.length };
    }
    return withRoot({ name, kind: "other", value: this.src(a, b).slice(0, 200), path });
  }

  /** The chain a path's leading unknown part is: `cfg.data_dir` -> cfg.data_dir, `S['ROOT']` -> S.ROOT, `x` -> x
   * (its last name when a link is not a plain name); the first argument of a join when the range is one join call. */
  private rootName(a: number, b: number): string | null {
    const t = this.t;
    let k = a;
    const chain: Array<string | null> = [];
    // os.path.join(first, ...) / Path(first) / ...: look inside at the first argument.
    while (k < b && t.kind[k] === T.NAME && (this.op(k + 1, ".") || this.op(k + 1, "("))) {
      if (this.op(k + 1, "(")) {
        if (!JOINERS.has(this.name(k) ?? "")) break;
        const first = this.split(k + 1)[0];
        return first ? this.rootName(first[0], first[1]) : null;
      }
      chain.push(this.name(k));
      k += 2;
    }
    if (t.kind[k] === T.STRING) return this.fieldRoot(k);
    if (t.kind[k] !== T.NAME) return null;
    let last = this.name(k);
    chain.push(last);
    let j = k + 1;
    for (;;) {
      if (this.op(j, ".") && t.kind[j + 1] === T.NAME) {
        last = this.name(j + 1);
        j += 2;
      } else if (this.op(j, "[") && t.kind[j + 1] === T.STRING && this.op(j + 2, "]")) {
        last = t.value.get(j + 1) ?? null;
        j += 3;
      } else break;
      chain.push(last);
    }
    if (!last || !/^[A-Za-z_][\w-]*$/.test(last)) return null;
    return chain.every((c) => c && /^[A-Za-z_][\w-]*$/.test(c)) ? chain.join(".") : last;
  }

  /** The text of a range made only of string tokens (implicit concatenation), else null; an f-string's
   * fields that name a known constant take its value. */
  private stringValue(a: number, b: number): string | null {
    const t = this.t;
    let v = "";
    for (let k = a; k < b; k++) {
      if (t.kind[k] !== T.STRING) return null;
      const value = t.value.get(k) ?? "";
      const fields = t.fields.get(k);
      if (!fields || fields.length === 0) v += value;
      else {
        const parts = value.split("{}");
        // `f"{os.path.dirname(__file__)}/database/schema.sql"`: the field is the file's own folder.
        // A dict item's field (`{CFG['out']}`) under the key its binding has, whichever quotes it is written with.
        const item = (f: string) => f.replace(/^(\w+)\[\s*'([\w.-]+)'\s*\]$/, '$1["$2"]');
        const field = (f: string) => this.constants.get(item(f)) ?? fileFolderOf(f) ?? "{}";
        v += parts.map((p, i) => (i === 0 ? p : `${field(fields[i - 1] ?? "")}${p}`)).join("");
      }
    }
    return v;
  }

  /** An f-string starting with a field (`f"{cfg.root}/x.csv"`): that field's last name. */
  private fieldRoot(k: number): string | null {
    const fields = this.t.fields.get(k);
    if (!fields || !(this.t.value.get(k) ?? "").startsWith("{}") || this.constants.has(fields[0] ?? "")) return null;
    const m = /([A-Za-z_]\w*)(?:\[["']([\w-]+)["']\])?$/.exec(fields[0] ?? "");
    return m ? (m[2] ?? m[1]!) : null;
  }

  /** The path a token range spells, or null when no part of it is known. */
  pathOf(a: number, b: number): string | null {
    const parts = this.pathParts(a, b);
    if (!parts || parts.every((p) => p === "*")) return null;
    return parts
      .join("")
      .replace(/\/{2,}/g, "/")
      .replace(/\{\}/g, "*");
  }

  private pathParts(a: number, b: number): string[] | null {
    const t = this.t;
    // Split at top-level `+` (concatenation) and `/` (pathlib), keeping the joiner.
    const pieces: Array<[number, number, string]> = [];
    let depth = 0;
    let from = a;
    // The pieces that are a "x_%d.csv" % i template (`%` binds tighter than `+`: ROOT + "/x_%d.csv" % i).
    const templates = new Set<number>();
    for (let k = a; k < b; k++) {
      if (t.kind[k] !== T.OP) continue;
      if (this.op(k, "(") || this.op(k, "[") || this.op(k, "{")) depth++;
      else if (this.op(k, ")") || this.op(k, "]") || this.op(k, "}")) depth--;
      else if (depth === 0 && (this.op(k, "+") || this.op(k, "/"))) {
        pieces.push([from, k, this.op(k, "/") ? "/" : ""]);
        from = k + 1;
      } else if (depth === 0 && this.op(k, "%") && k === from + 1 && t.kind[from] === T.STRING) templates.add(from);
      else if (depth === 0 && !this.op(k, ".")) return null;
    }
    pieces.push([from, b, ""]);
    const out: string[] = [];
    for (const [x, y, joiner] of pieces) {
      if (y <= x) return null;
      out.push(templates.has(x) ? percentTemplate(t.value.get(x) ?? "") : this.atomPath(x, y), joiner);
    }
    return out;
  }

  private atomPath(a: number, b: number): string {
    const t = this.t;
    const text = this.stringValue(a, b);
    if (text !== null) return text;
    if (b === a + 1 && t.kind[a] === T.NAME) return this.constants.get(this.name(a)!) ?? "*";
    // CFG["ckpt_dir"]: a dict item the file binds to a path (file-index.ts reads dict literals and item assignments).
    if (b === a + 4 && t.kind[a] === T.NAME && this.op(a + 1, "[") && t.kind[a + 2] === T.STRING && this.op(a + 3, "]"))
      return this.constants.get(`${this.name(a)!}["${t.value.get(a + 2) ?? ""}"]`) ?? "*";
    // "fold{}/x.pth".format(i), TEMPLATE.format(i) of a known constant: the template with its fields unknown.
    const template =
      t.kind[a] === T.STRING ? t.value.get(a) : t.kind[a] === T.NAME ? this.constants.get(this.name(a)!) : undefined;
    if (
      template !== undefined &&
      this.op(a + 1, ".") &&
      this.name(a + 2) === "format" &&
      this.op(a + 3, "(") &&
      this.closing(a + 3) === b - 1
    )
      return template.replace(/\{[^{}]*\}/g, "*");
    // os.path.join(d, "Loss{:.4f}.bin").format(x): the joined path with its fields unknown.
    const formatted = this.formattedJoin(a, b);
    if (formatted !== null) return formatted;
    const renamed = this.withSuffix(a, b);
    if (renamed !== null) return renamed;
    const here = this.fileFolder(a, b);
    if (here !== null) return here;
    // A call to os.path.join / Path(...): its arguments joined with "/".
    const last = b - 1;
    if (this.op(last, ")")) {
      let open = a;
      while (open < last && !this.op(open, "(")) open++;
      if (this.closing(open) === last && open > a && JOINERS.has(this.name(open - 1) ?? "")) {
        const parts = this.split(open).map(([x, y]) => this.pathParts(x, y)?.join("") ?? "*");
        return parts.join("/");
      }
      // str(p), os.fspath(p): the path itself.
      if (
        this.closing(open) === last &&
        open === a + 1 &&
        (this.name(a) === "str" || this.name(a) === "fspath") &&
        last > open + 1
      )
        return this.pathParts(open + 1, last)?.join("") ?? "*";
      if (
        this.closing(open) === last &&
        open === a + 3 &&
        this.name(a) === "os" &&
        this.name(a + 2) === "fspath" &&
        last > open + 1
      )
        return this.pathParts(open + 1, last)?.join("") ?? "*";
    }
    return "*";
  }

  /** `os.path.join(...).format(...)` (a joiner call, then `.format` of what it joined): that path, its `{}` fields
   * unknown; null for anything else. */
  private formattedJoin(a: number, b: number): string | null {
    const last = b - 1;
    if (!this.op(last, ")")) return null;
    let open = last;
    while (open > a && this.closing(open) !== last) open--;
    if (open < a + 3 || this.closing(open) !== last || this.name(open - 1) !== "format" || !this.op(open - 2, "."))
      return null;
    const end = open - 2;
    if (!this.op(end - 1, ")")) return null;
    let inner = a;
    while (inner < end && !this.op(inner, "(")) inner++;
    if (this.closing(inner) !== end - 1 || inner === a || !JOINERS.has(this.name(inner - 1) ?? "")) return null;
    const path = this.atomPath(a, end);
    return path === "*" ? null : path.replace(/\{[^{}]*\}/g, "*");
  }

  /** `p.with_suffix('.png')`, `change_extension(p, '.png')`: the same path with that extension; an unknown
   * file keeps an unknown folder (`*\/*.png`), since only its name's end is known. Null for anything else. */
  private withSuffix(a: number, b: number): string | null {
    const t = this.t;
    const last = b - 1;
    if (!this.op(last, ")") || t.kind[last - 1] !== T.STRING) return null;
    const ext = t.value.get(last - 1) ?? "";
    if (!/^(?:\.[\w-]+)*$/.test(ext)) return null;
    let stem: string | null = null;
    if (this.name(last - 3) === "with_suffix" && this.op(last - 2, "(") && this.op(last - 4, ".") && last - 4 > a)
      stem = this.pathParts(a, last - 4)?.join("") ?? "*";
    else if (this.name(a) === "change_extension" && this.op(a + 1, "(") && this.closing(a + 1) === last) {
      const parts = this.split(a + 1);
      if (parts.length !== 2) return null;
      stem = this.pathParts(parts[0]![0], parts[0]![1])?.join("") ?? "*";
    }
    if (stem === null) return null;
    const base = stem.slice(stem.lastIndexOf("/") + 1);
    const renamed = `${stem.slice(0, stem.length - base.length)}${base.replace(/\.[^.*/]*$/, "")}${ext}`;
    return /^[*.]/.test(base) && !stem.includes("/") ? `*/${renamed}` : renamed;
  }

  /** `os.path.dirname(__file__)`, `Path(__file__).parent.parent`, `os.path.abspath(...)` around them: the
   * reading file's own folder ("." ) or one above it (".."); null when the range does not name `__file__`. */
  private fileFolder(a: number, b: number): string | null {
    let file = false;
    let ups = 0;
    for (let k = a; k < b; k++) {
      const n = this.name(k);
      if (n === "__file__") file = true;
      else if (n === "dirname" || (n === "parent" && this.op(k - 1, "."))) ups++;
      else if (n === "parents" && this.op(k + 1, "[") && this.t.kind[k + 2] === T.NUMBER)
        ups += 1 + Number(this.src(k + 2, k + 3));
      else if (
        n !== null &&
        !this.op(k + 1, ".") &&
        !["abspath", "realpath", "Path", "resolve", "absolute"].includes(n)
      )
        return null;
    }
    if (!file || ups === 0) return null;
    return ups === 1 ? "." : Array.from({ length: ups - 1 }, () => "..").join("/");
  }
}

/** An expression's text that names the file's own folder (`os.path.realpath(os.path.dirname(__file__))`,
 * `Path(__file__).parent`) as "." (or ".." for one above); null for anything else. As `fileFolder` reads tokens. */
function fileFolderOf(expr: string): string | null {
  let file = false;
  let ups = 0;
  for (const m of expr.matchAll(/[A-Za-z_]\w*/g)) {
    const [n, at] = [m[0], m.index];
    const before = expr.slice(0, at).trimEnd().endsWith(".");
    const after = expr.slice(at + n.length).trimStart();
    if (n === "__file__") file = true;
    else if (n === "dirname" || (n === "parent" && before)) ups++;
    else if (n === "parents" && /^\[\s*\d+\s*\]/.test(after)) ups += 1 + Number(/\d+/.exec(after)![0]);
    else if (!after.startsWith(".") && !["abspath", "realpath", "Path", "resolve", "absolute", "str"].includes(n))
      return null;
  }
  if (!file || ups === 0) return null;
  return ups === 1 ? "." : Array.from({ length: ups - 1 }, () => "..").join("/");
}
