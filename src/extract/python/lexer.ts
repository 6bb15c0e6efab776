// A single-pass Python tokenizer: strings (prefixes, triple quotes, f-strings), comments, brackets,
// continuations and indentation, with the first lexical error CPython would also reject.
//
// Why our own: CPython's ast and tree-sitter's WASM parser both run at ~5 MB/s; this lexer runs an
// order of magnitude faster and every Python fact except scope-sensitive names is read from its tokens.
// Tokens live in parallel number arrays (no object per token) so a 45 MB repo stays small in memory.

export const T = {
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  OP: 4,
  NEWLINE: 5,
  INDENT: 6,
  DEDENT: 7,
} as const;

export interface LexError {
  line: number;
  col: number;
  message: string;
}

/** Tokens of one file. The arrays are shared buffers reused by the next tokenize() call (so a 5,000-file
 * repo makes no garbage per token): read them before tokenizing another file, only below `count`. */
export interface Tokens {
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  /** For OP tokens: opCode(op); 0 for other tokens. */
  op: Int32Array;
  /** For STRING tokens: the literal's content (escapes \\, \' and \" undone; f-string fields as `{}`). */
  value: Map<number, string>;
  /** Is the STRING token an f-string (its value has `{}` holes)? */
  fstring: Set<number>;
  /** For f-strings: each field's expression as written, conversion and format spec removed, in order. */
  fields: Map<number, string[]>;
  comments: Array<{ line: number; text: string }>;
  error: LexError | null;
}

export interface LexOptions {
  /** IPython syntax (`obj?`, `x = !ls`) is tolerated in notebooks. */
  notebook?: boolean;
  /** Python 2's lexical forms (ur'' strings, 0777, 10L, <>, backquotes) are read as tokens, not errors:
   * for reading the strings of a file that Python 3 rejects. */
  python2?: boolean;
}

const MULTI_OPS = [
  "**=",
  "//=",
  ">>=",
  "<<=",
  "...",
  "->",
  ":=",
  "==",
  "!=",
  "<=",
  ">=",
  "**",
  "//",
  "<<",
  ">>",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "@=",
];
const MULTI_CODE = new Map(MULTI_OPS.map((op, i) => [op, 256 + i]));
const SINGLE = new Uint8Array(128);
for (const ch of "+-*/%@&|^~<>=.,:;()[]{}") SINGLE[ch.charCodeAt(0)] = 1;
const OPEN_OF: Record<number, number> = { 41: 40, 93: 91, 125: 123 };

/** A number per operator, so consumers compare ops without slicing text: the char code of a one-char
 * op, 256+ for the longer ones. */
export function opCode(op: string): number {
  return op.length === 1 ? op.charCodeAt(0) : (MULTI_CODE.get(op) ?? -1);
}

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Undo the escapes that matter for paths and names; leave the rest as written. */
function unescape(raw: string, isRaw: boolean): string {
  if (isRaw || raw.indexOf("\\") < 0) return raw;
  return raw.replace(/\\(\\|'|"|\r?\n)/g, (_, c: string) => (c.endsWith("\n") ? "" : c));
}

let capacity = 0;
let KIND = new Uint8Array(0);
let START = new Int32Array(0);
let END = new Int32Array(0);
let LINE = new Int32Array(0);
let OPS = new Int32Array(0);

function grow(min: number): void {
  const size = Math.max(min, capacity * 2, 1 << 16);
  const copy = <A extends Uint8Array | Int32Array>(old: A, next: A): A => (next.set(old), next);
  KIND = copy(KIND, new Uint8Array(size));
  START = copy(START, new Int32Array(size));
  END = copy(END, new Int32Array(size));
  LINE = copy(LINE, new Int32Array(size));
  OPS = copy(OPS, new Int32Array(size));
  capacity = size;
}

export function tokenize(text: string, options: LexOptions = {}): Tokens {
  const t = tokenizeInto(text, options);
  // Sentinels past the end, so a look-ahead never reads the previous file's tokens.
  if (capacity < t.count + 4) grow(t.count + 4);
  for (let k = t.count; k < t.count + 4; k++) ((KIND[k] = 0), (OPS[k] = 0));
  t.kind = KIND;
  t.start = START;
  t.end = END;
  t.line = LINE;
  t.op = OPS;
  return t;
}

function tokenizeInto(text: string, options: LexOptions): Tokens {
  const s = new Scanner(text, options);
  s.run();
  return s.t;
}

function push(t: Tokens, kind: number, s: number, e: number, ln: number, op = 0): number {
  const k = t.count++;
  if (k >= capacity) grow(k + 1);
  OPS[k] = op;
  KIND[k] = kind;
  START[k] = s;
  END[k] = e;
  LINE[k] = ln;
  return k;
}

/** The tokenizer's state over one text; each method scans one kind of token at `i`. A method that meets
 * a lexical error records it in `t.error`, which ends the scan (as CPython stops at its first). */
class Scanner {
  readonly t: Tokens = {
    count: 0,
    kind: KIND,
    start: START,
    end: END,
    line: LINE,
    op: OPS,
    value: new Map(),
    fstring: new Set(),
    fields: new Map(),
    comments: [],
    error: null,
  };
  readonly n: number;
  i = 0;
  line = 1;
  lineStart = 0;
  atLineStart = true;
  readonly indents = [0];
  /** The same indentation counted with tabs as one column: where the two disagree, CPython raises TabError. */
  readonly altIndents = [0];
  readonly brackets: Array<{ ch: number; line: number; col: number }> = [];

  constructor(
    readonly text: string,
    readonly options: LexOptions,
  ) {
    this.n = text.length;
  }

  run(): void {
    const { text, n } = this;
    while (this.i < n && this.t.error === null) {
      const c = text.charCodeAt(this.i);
      if (this.atLineStart && this.brackets.length === 0) {
        if (!this.indentation()) break;
      } else if (c === 10) this.newline();
      else if (c === 32 || c === 9 || c === 13 || c === 12) this.i++;
      else if (c === 35) this.comment();
      else if (c === 92) this.continuation();
      else if (isIdStart(c)) this.word();
      else if (c === 39 || c === 34) this.plainString(c);
      else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.i + 1)))) this.number(c);
      else this.operator(c);
    }
    if (this.t.error === null) this.finish();
  }

  fail(line: number, col: number, message: string): void {
    this.t.error = { line, col, message };
  }

  /** At a line's start: measure the indentation and push INDENT/DEDENTs; blank and comment-only lines do
   * not count. False at the end of the text. */
  indentation(): boolean {
    const { text, n } = this;
    let col = 0;
    let alt = 0;
    let j = this.i;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === 32) (col++, alt++);
      else if (d === 9) ((col = (Math.floor(col / 8) + 1) * 8), alt++);
      else if (d === 12) col = alt = 0;
      else break;
    }
    const d = text.charCodeAt(j);
    this.atLineStart = false;
    this.i = j;
    if (j >= n) return false;
    if (d === 10 || d === 13 || d === 35) return true;
    const { indents, altIndents } = this;
    const top = indents[indents.length - 1]!;
    const tabError = () => this.fail(this.line, col, "inconsistent use of tabs and spaces in indentation (TabError)");
    if (col === top) {
      if (alt !== altIndents[altIndents.length - 1]) tabError();
    } else if (col > top) {
      if (alt <= altIndents[altIndents.length - 1]!) return (tabError(), true);
      indents.push(col);
      altIndents.push(alt);
      push(this.t, T.INDENT, j, j, this.line);
    } else {
      while (indents.length > 1 && indents[indents.length - 1]! > col) {
        indents.pop();
        altIndents.pop();
        push(this.t, T.DEDENT, j, j, this.line);
      }
      if (indents[indents.length - 1] !== col)
        this.fail(this.line, col, "unindent does not match any outer indentation level");
      else if (alt !== altIndents[altIndents.length - 1]) tabError();
    }
    return true;
  }

  newline(): void {
    const t = this.t;
    const last = KIND[t.count - 1];
    if (this.brackets.length === 0 && t.count > 0 && last !== T.NEWLINE && last !== T.INDENT && last !== T.DEDENT)
      push(t, T.NEWLINE, this.i, this.i, this.line);
    this.i++;
    this.line++;
    this.lineStart = this.i;
    this.atLineStart = this.brackets.length === 0;
  }

  comment(): void {
    let j = this.text.indexOf("\n", this.i);
    if (j < 0) j = this.n;
    this.t.comments.push({ line: this.line, text: this.text.slice(this.i + 1, j) });
    this.i = j;
  }

  /** Line continuation: a backslash must end the line. */
  continuation(): void {
    let j = this.i + 1;
    if (this.text.charCodeAt(j) === 13) j++;
    if (this.text.charCodeAt(j) !== 10)
      return this.fail(this.line, this.i - this.lineStart, "unexpected character after line continuation character");
    this.i = j + 1;
    this.line++;
    this.lineStart = this.i;
  }

  /** A name, or a string with a prefix (r'', b"", f"""..."""). */
  word(): void {
    const { text, n, i } = this;
    let j = i + 1;
    while (j < n && isIdChar(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (
      (q === 39 || q === 34) &&
      j - i <= 2 &&
      /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR]|[uU][rR])$/.test(text.slice(i, j))
    )
      return this.prefixedString(j, q);
    push(this.t, T.NAME, i, j, this.line);
    this.i = j;
  }

  prefixedString(quoteAt: number, q: number): void {
    const { text, i } = this;
    const prefix = text.slice(i, quoteAt).toLowerCase();
    if (prefix === "ur" && !this.options.python2)
      return this.fail(this.line, i - this.lineStart, "invalid syntax (the ur'' prefix is Python 2)");
    const startLine = this.line;
    const col = i - this.lineStart;
    const triple = text.charCodeAt(quoteAt + 1) === q && text.charCodeAt(quoteAt + 2) === q;
    const bodyStart = quoteAt + (triple ? 3 : 1);
    const isF = prefix.includes("f");
    const holes: number[] = [];
    const end = this.scanString(bodyStart, q, triple, isF, holes);
    if (end < 0)
      return this.fail(
        startLine,
        col,
        triple ? "unterminated triple-quoted string literal" : "unterminated string literal",
      );
    const k = push(this.t, T.STRING, i, end, startLine);
    const bodyEnd = end - (triple ? 3 : 1);
    let raw = "";
    let from = bodyStart;
    for (let h = 0; h < holes.length; h += 2) {
      raw += text.slice(from, holes[h]) + "{}";
      from = holes[h + 1]!;
    }
    raw += text.slice(from, bodyEnd);
    this.t.value.set(k, unescape(raw, prefix.includes("r")));
    if (isF) {
      this.t.fstring.add(k);
      const fields: string[] = [];
      for (let h = 0; h < holes.length; h += 2)
        fields.push(
          text
            .slice(holes[h]! + 1, holes[h + 1]! - 1)
            .replace(/(?:![rsa])?(?::[^:]*)?$/, "")
            .replace(/=$/, "")
            .trim(),
        );
      this.t.fields.set(k, fields);
    }
    this.i = end;
  }

  plainString(c: number): void {
    const { text, i } = this;
    const startLine = this.line;
    const col = i - this.lineStart;
    const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
    const end = this.scanString(i + (triple ? 3 : 1), c, triple, false, []);
    if (end < 0)
      return this.fail(
        startLine,
        col,
        triple ? "unterminated triple-quoted string literal" : "unterminated string literal",
      );
    const k = push(this.t, T.STRING, i, end, startLine);
    this.t.value.set(k, unescape(text.slice(i + (triple ? 3 : 1), end - (triple ? 3 : 1)), false));
    this.i = end;
  }

  /** Scan a string body starting after its opening quote(s); returns the index after the closing quote, or -1. */
  scanString(from: number, quote: number, triple: boolean, isF: boolean, holes: number[]): number {
    const { text, n } = this;
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        // A backslash before a newline continues the string; Python reads CRLF as one newline.
        const crlf = text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10;
        if (crlf || text.charCodeAt(j + 1) === 10) {
          this.line++;
          this.lineStart = j + (crlf ? 3 : 2);
        }
        j += crlf ? 3 : 2;
        continue;
      }
      if (c === 10) {
        if (!triple) return -1;
        this.line++;
        this.lineStart = j + 1;
      } else if (c === quote) {
        if (!triple) return j + 1;
        if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) return j + 3;
      } else if (isF && c === 123) {
        if (text.charCodeAt(j + 1) === 123) {
          j += 2;
          continue;
        }
        const close = this.scanField(j + 1);
        if (close < 0) return -1;
        holes.push(j, close + 1);
        j = close + 1;
        continue;
      }
      j++;
    }
    return -1;
  }

  /** Scan an f-string replacement field to its closing brace (nested brackets and strings allowed, as in 3.12). */
  scanField(from: number): number {
    const { text, n } = this;
    let depth = 0;
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 39 || c === 34) {
        const triple = text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c;
        const end = this.scanString(j + (triple ? 3 : 1), c, triple, false, []);
        if (end < 0) return -1;
        j = end;
        continue;
      }
      if (c === 10) {
        this.line++;
        this.lineStart = j + 1;
      }
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93) depth--;
      else if (c === 125) {
        if (depth === 0) return j;
        depth--;
      }
      j++;
    }
    return -1;
  }

  number(c: number): void {
    const { text, n, i } = this;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isIdChar(d) || d === 46) j++;
      else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(i, j))) j++;
      else break;
    }
    // The Python 2 forms start with 0 or end in l/L: test the regexes only then (most numbers are neither).
    const last = text.charCodeAt(j - 1);
    if (c === 48 && j - i > 1 && !this.options.python2 && /^0\d*[1-9]\d*$/.test(text.slice(i, j)))
      return this.fail(
        this.line,
        i - this.lineStart,
        "leading zeros in decimal integer literals are not permitted (a Python 2 octal)",
      );
    if ((last === 108 || last === 76) && !this.options.python2 && /^\d+[lL]$/.test(text.slice(i, j)))
      return this.fail(this.line, i - this.lineStart, "invalid decimal literal (the L suffix is Python 2)");
    push(this.t, T.NUMBER, i, j, this.line);
    this.i = j;
  }

  /** Operators, by char codes (slicing only for the multi-character ones); brackets checked as they close. */
  operator(c: number): void {
    const { text, i } = this;
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    let len = 0;
    if (
      ((c === 42 || c === 47 || c === 62 || c === 60) && c1 === c && c2 === 61) ||
      (c === 46 && c1 === 46 && c2 === 46)
    )
      len = 3;
    else if (c === 60 && c1 === 62 && this.options.python2) {
      push(this.t, T.OP, i, i + 2, this.line, MULTI_CODE.get("!=")!);
      this.i += 2;
      return;
    } else if (c === 60 && c1 === 62)
      return this.fail(this.line, i - this.lineStart, "invalid syntax (<> is Python 2; use !=)");
    else if (
      (c1 === 61 &&
        (SINGLE[c] === 1 || c === 33) &&
        c !== 40 &&
        c !== 41 &&
        c !== 91 &&
        c !== 93 &&
        c !== 123 &&
        c !== 125 &&
        c !== 44 &&
        c !== 59 &&
        c !== 46 &&
        c !== 126) ||
      (c === 45 && c1 === 62) ||
      ((c === 42 || c === 47 || c === 60 || c === 62) && c1 === c)
    )
      len = 2;
    else if (c < 128 && SINGLE[c] === 1) len = 1;
    if (len === 0) {
      if ((this.options.notebook && (c === 63 || c === 33)) || (this.options.python2 && c === 96)) {
        this.i++;
        return;
      }
      if (c === 96)
        return this.fail(this.line, i - this.lineStart, "invalid syntax (backquotes are Python 2; use repr())");
      return this.fail(
        this.line,
        i - this.lineStart,
        `invalid character '${String.fromCodePoint(text.codePointAt(i)!)}'`,
      );
    }
    const code = len === 1 ? c : MULTI_CODE.get(text.slice(i, i + len))!;
    if (c === 40 || c === 91 || c === 123) this.brackets.push({ ch: c, line: this.line, col: i - this.lineStart });
    else if (c === 41 || c === 93 || c === 125) {
      const open = this.brackets.pop();
      const op = String.fromCharCode(c);
      if (!open) return this.fail(this.line, i - this.lineStart, `unmatched '${op}'`);
      if (open.ch !== OPEN_OF[c])
        return this.fail(
          this.line,
          i - this.lineStart,
          `closing parenthesis '${op}' does not match opening parenthesis '${String.fromCharCode(open.ch)}' on line ${open.line}`,
        );
    }
    push(this.t, T.OP, i, i + len, this.line, code);
    this.i += len;
  }

  /** End of text: an unclosed bracket is an error; else the last NEWLINE and the closing DEDENTs. */
  finish(): void {
    const t = this.t;
    const open = this.brackets[this.brackets.length - 1];
    if (open) return this.fail(open.line, open.col, `'${String.fromCharCode(open.ch)}' was never closed`);
    if (t.count > 0 && KIND[t.count - 1] !== T.NEWLINE) push(t, T.NEWLINE, this.n, this.n, this.line);
    while (this.indents.length > 1) {
      this.indents.pop();
      push(t, T.DEDENT, this.n, this.n, this.line);
    }
  }
}

/** The text of token k. */
function tokenText(text: string, t: Tokens, k: number): string {
  return text.slice(t.start[k]!, t.end[k]!);
}

/** A logical line: tokens [from, to) between NEWLINEs (or `;` outside brackets: one statement each),
 * without INDENT/DEDENT; `depth` is its block depth. */
export interface LogicalLine {
  from: number;
  to: number;
  depth: number;
}

export function logicalLines(t: Tokens): LogicalLine[] {
  const out: LogicalLine[] = [];
  let depth = 0;
  let from = -1;
  let brackets = 0;
  for (let k = 0; k < t.count; k++) {
    const kind = t.kind[k];
    if (kind === T.INDENT) depth++;
    else if (kind === T.DEDENT) depth--;
    else if (kind === T.NEWLINE || (kind === T.OP && t.op[k] === 59 && brackets === 0)) {
      if (from >= 0) out.push({ from, to: k, depth });
      from = -1;
      brackets = 0;
    } else {
      if (from < 0) from = k;
      if (kind === T.OP) {
        const op = t.op[k]!;
        if (op === 40 || op === 91 || op === 123) brackets++;
        else if (op === 41 || op === 93 || op === 125) brackets--;
      }
    }
  }
  return out;
}
