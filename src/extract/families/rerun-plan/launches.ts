// The commands a Python program launches: `os.system(...)`, `subprocess.run(...)` and its kin, as a string, an
// f-string (a field naming a module-level string constant, or a loop over string literals, spelled out), a `+`
// join, literals side by side across `\` line ends, a list of words, or a name assigned one earlier; each with the
// folder it runs in (`cwd=`, the `os.chdir` calls before it, and those before the call of the function holding
// it). What the code computes stands as `*`. Pure.

export interface Launch {
  line: number;
  command: string;
  /** The folder it runs in, relative to the program's own working folder; null when the code computes it;
   * absent when the launch keeps the program's folder. */
  folder?: string | null;
}

const LAUNCH =
  /(?<![\w.])(?:os\s*\.\s*(?:system|popen)|subprocess\s*\.\s*(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput))\s*\(/g;
const BARE_LAUNCH = /(?<![\w.])(?:run|call|check_call|check_output|Popen)\s*\(/g;
const CHDIR = /(?<![\w.])os\s*\.\s*chdir\s*\(/g;
const MAX_LAUNCHES = 50;
const MAX_BINDINGS = 20;
const MAX_TEXT = 1_000_000;

type Field = (inner: string) => string;
type Chdir = { at: number; folder: string | null };

/** Every launch in the program's text, in order. */
export function launchedCommands(text: string): Launch[] {
  if (text.length > MAX_TEXT || !/\b(?:os|subprocess)\b/.test(text)) return [];
  const lineAt = lineIndex(text);
  const calls = [...text.matchAll(LAUNCH)].map((m) => m.index + m[0].length);
  if (/^\s*from\s+subprocess\s+import\b/m.test(text))
    calls.push(...[...text.matchAll(BARE_LAUNCH)].map((m) => m.index + m[0].length));
  const chdirs: Chdir[] = [...text.matchAll(CHDIR)].map((m) => {
    const arg = argsAt(text, m.index + m[0].length)[0];
    // `os.chdir(start)` after `start = os.getcwd()` goes back to where the code began.
    const back =
      arg !== undefined &&
      /^[A-Za-z_]\w*$/.test(arg) &&
      /^os\s*\.\s*getcwd\s*\(\s*\)$/.test(assignedBefore(text, arg, m.index) ?? "");
    return { at: m.index, folder: back ? "" : arg === undefined ? null : literal(arg) };
  });
  const constants = moduleConstants(text);
  const out: Launch[] = [];
  for (const open of calls.sort((a, b) => a - b).slice(0, MAX_LAUNCHES)) {
    const args = argsAt(text, open);
    const first = args.find((a) => !/^\w+\s*=(?!=)/.test(a));
    if (first === undefined) continue;
    const cwdArg = args.find((a) => /^cwd\s*=/.test(a));
    const moved = folderAt(text, chdirs, open, 0);
    const seen = new Set<string>();
    for (const bound of loopBindings(text, open)) {
      const field: Field = (inner) => constants.get(inner.trim()) ?? bound.get(inner.trim()) ?? "*";
      const command = words(first, (name) => assignedBefore(text, name, open), field);
      if (command === null || !/[A-Za-z]/.test(command) || seen.has(command)) continue;
      seen.add(command);
      const launch: Launch = { line: lineAt(open), command };
      if (cwdArg !== undefined) launch.folder = literal(cwdArg.slice(cwdArg.indexOf("=") + 1).trim());
      else if (moved !== undefined) launch.folder = moved === "" ? "." : moved;
      out.push(launch);
    }
  }
  return out;
}

/** Where the chdirs before `offset` leave the code, relative to where it began ("" for there): those of its own
 * scope, after those before the first module-level call of the top-level function holding it; undefined where
 * nothing moved, null where the code computes the folder. */
function folderAt(text: string, chdirs: readonly Chdir[], offset: number, depth: number): string | null | undefined {
  const own = scopeOf(text, offset);
  let start: string | null | undefined;
  if (own !== null && depth < 3) {
    const call = new RegExp(`(?<![\\w.])${own}\\s*\\(`, "g");
    const site = [...text.matchAll(call)].find(
      (m) => scopeOf(text, m.index) === null && !/def\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index)),
    );
    if (site) start = folderAt(text, chdirs, site.index, depth + 1);
  }
  let folder = start;
  for (const c of chdirs) {
    if (c.at >= offset || scopeOf(text, c.at) !== own) continue;
    folder =
      c.folder === null
        ? null
        : c.folder === ""
          ? (start ?? "")
          : folder === null
            ? null
            : joinFolder(folder ?? "", c.folder);
  }
  return folder;
}

/** The name of the top-level `def` whose body holds `offset`; null at module level (a main block included). */
function scopeOf(text: string, offset: number): string | null {
  const lines = text.slice(0, offset).split("\n");
  const last = lines[lines.length - 1]!;
  if (/^\S/.test(last)) return null;
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    if (!/^\S/.test(line) || /^#/.test(line) || /^[)\]}]/.test(line)) continue;
    const d = /^(?:async\s+)?def\s+(\w+)/.exec(line);
    if (d) return d[1]!;
    // A decorator, class or statement at column 0: only a def's body counts as its own scope.
    if (!/^@/.test(line)) return null;
  }
  return null;
}

/** `a` then `b` as one relative folder (`Code/U` then `../..` is ""); an absolute `b` stands alone. */
function joinFolder(a: string, b: string): string {
  if (b.startsWith("/")) return b.replace(/\/+$/, "") || "/";
  const parts: string[] = [];
  for (const p of `${a}/${b}`.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

/** Names assigned one plain string at module level and nowhere else: the constants an f-string field may name. */
function moduleConstants(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^([A-Za-z_]\w*)[ \t]*=[ \t]*(['"])([^'"\\{}\n]*)\2[ \t]*(?:#.*)?$/gm)) {
    const name = m[1]!;
    const assigned = text.match(
      new RegExp(`^[ \\t]*${name}\\s*[-+*/]?=(?!=)|\\bfor\\s+${name}\\b|\\bas\\s+${name}\\b`, "gm"),
    );
    if (assigned?.length === 1) out.set(name, m[3]!);
  }
  return out;
}

/** The values of the loops over string literals around `offset` (`for code in ['train', 'infer']:`), each
 * combination once; one empty binding where there is none. */
function loopBindings(text: string, offset: number): Map<string, string>[] {
  const lineStart = text.lastIndexOf("\n", offset) + 1;
  let indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  let out: Map<string, string>[] = [new Map()];
  for (const line of text.slice(0, lineStart).split("\n").reverse()) {
    if (indent === 0) break;
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const own = /^[ \t]*/.exec(line)![0].length;
    if (own >= indent) continue;
    indent = own;
    const loop = /^\s*for\s+([A-Za-z_]\w*)\s+in\s+[[(]([^\])]*)[\])]\s*:/.exec(line);
    if (!loop) continue;
    const values = split(loop[2]!, ",")
      .filter((i) => i !== "")
      .map((i) => text_(i));
    if (values.length > 0 && values.every((v): v is string => v !== null && !v.includes("*")))
      out = out.flatMap((b) => values.map((v) => new Map(b).set(loop[1]!, v))).slice(0, MAX_BINDINGS);
  }
  return out;
}

/** The command an argument spells: a string, a `+` join, a list or tuple of words, a name's earlier value. */
function words(arg: string, valueOf: (name: string) => string | null, field: Field, depth = 0): string | null {
  const a = arg.trim();
  const own = text_(a, field);
  if (own !== null) return own;
  if (/^[[(]/.test(a)) {
    const items = split(a.slice(1, -1), ",").filter((s) => s.trim() !== "");
    return items.map((i) => (/^sys\s*\.\s*executable$/.test(i.trim()) ? "python" : (text_(i, field) ?? "*"))).join(" ");
  }
  const parts = split(a, "+");
  if (parts.length > 1) return parts.map((p) => text_(p, field) ?? numberText(p) ?? "*").join("");
  if (/^[A-Za-z_]\w*$/.test(a) && depth === 0) {
    const value = valueOf(a);
    return value === null ? null : words(value, valueOf, field, 1);
  }
  return null;
}

/** `str(2)`, `str(0.5)`: the number's text, which a `+` join spells as written. */
function numberText(expr: string): string | null {
  return /^str\s*\(\s*(-?\d+(?:\.\d+)?)\s*\)$/.exec(expr.trim())?.[1] ?? null;
}

/** A string literal's text, or that of literals side by side (across `\` line ends, in parentheses) joined. */
function text_(expr: string, field: Field = () => "*"): string | null {
  let e = expr.trim();
  if (/^\(/.test(e) && /\)$/.test(e) && split(e.slice(1, -1), ",").length === 1) e = e.slice(1, -1).trim();
  const pieces = literals(e);
  if (pieces === null) return null;
  let out = "";
  for (const p of pieces) {
    const t = text(p, field);
    if (t === null) return null;
    out += t;
  }
  return out;
}

/** The string literals side by side that `expr` is made of (the last may carry `.format(...)`), or null. */
function literals(expr: string): string[] | null {
  const out: string[] = [];
  const open = /(?:\s|\\\r?\n)*([rRbBuUfF]{0,2})('''|"""|'|")/y;
  let i = 0;
  while (i < expr.length) {
    open.lastIndex = i;
    const m = open.exec(expr);
    if (!m) return expr.slice(i).trim() === "" && out.length > 0 ? out : null;
    const quote = m[2]!;
    let j = open.lastIndex;
    for (; j < expr.length && !expr.startsWith(quote, j); j++) if (expr[j] === "\\") j++;
    if (j >= expr.length) return null;
    const begin = open.lastIndex - quote.length - m[1]!.length;
    const end = j + quote.length;
    if (/^\s*\.\s*format\s*\(/.test(expr.slice(end))) {
      if (out.length > 0 || !/\)\s*$/.test(expr)) return null;
      return [expr.slice(begin).trim()];
    }
    out.push(expr.slice(begin, end));
    i = end;
  }
  return out.length > 0 ? out : null;
}

/** A string literal's text, fields of an f-string or `.format` as `*`; null for anything else. */
function text(expr: string, field: Field): string | null {
  // Long arguments are no command to read, and would cost the pattern's backtracking.
  if (expr.length > 1000) return null;
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*)\2(\s*\.\s*format\s*\([\s\S]*\))?$/.exec(expr.trim());
  if (!m) return null;
  const body = m[3]!;
  if (body.includes(m[2]!)) return null;
  if (m[4]) return body.replace(/\{[^{}]*\}/g, "*");
  return /f/i.test(m[1]!) ? body.replace(/\{([^{}]*)\}/g, (_, inner: string) => field(inner)) : body;
}

/** A folder argument's value: a plain string, else null (computed). */
function literal(expr: string): string | null {
  const value = text_(expr);
  return value === null || value.includes("*") ? null : value;
}

/** The expression last assigned to `name` before `offset` (`cmd = "python x.py"`), or null. */
function assignedBefore(text: string, name: string, offset: number): string | null {
  const re = new RegExp(`^[ \\t]*${name}\\s*=(?!=)[ \\t]*(?=\\S)`, "gm");
  const before = text.slice(0, offset);
  let found: string | null = null;
  for (const m of before.matchAll(re)) found = statement(before, m.index + m[0].length);
  return found;
}

/** The characters of `text` from `start` that lie outside string literals (quotes, triple quotes and escapes
 * inside them skipped), each with the bracket depth before it, counted from `start`. */
function* codeChars(text: string, start: number): Generator<{ c: string; i: number; depth: number }> {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i)) i += text[i] === "\\" ? 2 : 1;
      i += quote.length - 1;
      continue;
    }
    yield { c, i, depth };
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
  }
}

/** The expression from `start` to its statement's end: on across `\` line ends and open brackets or strings. */
function statement(text: string, start: number): string {
  let end = text.length;
  let continued = false;
  for (const { c, i, depth } of codeChars(text, start)) {
    if (i - start >= 5000) {
      end = i;
      break;
    }
    if (continued && c === "\n") {
      continued = false;
      continue;
    }
    continued = c === "\\";
    if ((c === "#" || c === "\n") && depth <= 0) {
      end = i;
      break;
    }
  }
  return text.slice(start, end).trim();
}

/** The top-level arguments of the call whose `(` ends at `open`. */
function argsAt(text: string, open: number): string[] {
  for (const { c, i, depth } of codeChars(text, open)) {
    if (i - open > 5000) return [];
    if (c === ")" && depth === 0) return split(text.slice(open, i), ",");
  }
  return [];
}

/** `text` split at top-level `sep` (outside brackets and strings). */
function split(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const { c, i, depth } of codeChars(text, 0))
    if (c === sep && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  out.push(text.slice(start).trim());
  return out;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
