// Two syntax errors the statement checks add for text that is not Python: a keyword as a parameter name
// (`def f(alpha, lambda):`), and two values in a row (`[100]  train's rmse: 0.22`, `Traceback (most recent
// call last):`), the mark of a console log pasted after the code. Tree-sitter recovers from both, and it
// parses only entry points, so a library file holding either would pass.
import { T, type LexError, type LogicalLine, type Tokens } from "./lexer.js";

/** Python 3's hard keywords: never a name, a parameter or a value's start other than their own. */
const KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);
/** Soft keywords that open a statement before a value (`match x:`, `case [a, b]:`, `type X = int`); Python 2's
 * `print x` and `exec x` are the statement checks' to name. As names (`type(x) is`, `match = re.match(..)`) none
 * stands before a value. */
const STATEMENT_HEADS = new Set(["match", "case", "type", "print", "exec"]);

export function statementShapeError(
  text: string,
  t: Tokens,
  lines: readonly LogicalLine[],
  notebook = false,
): LexError | null {
  const str = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const col = (k: number) => t.start[k]! - text.lastIndexOf("\n", t.start[k]! - 1) - 1;
  const plainName = (k: number) => t.kind[k] === T.NAME && !KEYWORDS.has(str(k));
  for (const { from, to } of lines) {
    for (let k = from; k < to; k++) {
      if (t.kind[k] === T.NAME && str(k) === "def" && t.kind[k + 1] === T.NAME && t.op[k + 2] === 40) {
        const bad = keywordParameter(k + 2, to);
        if (bad >= 0)
          return {
            line: t.line[bad]!,
            col: col(bad),
            message: `invalid syntax ('${str(bad)}' is a keyword and cannot be a parameter name)`,
          };
      }
      // A notebook's magics (`%time x`) read as two names in a row: left to the notebook's own parse.
      if (notebook || k === from) continue;
      const endsValue =
        (plainName(k - 1) && !STATEMENT_HEADS.has(str(k - 1))) ||
        // `1if 1else 0` is valid: the lexer reads `1else` as one number, letters a number never has.
        (t.kind[k - 1] === T.NUMBER && !/[^\d_.eEjJxXoObBa-fA-F+-]/.test(str(k - 1))) ||
        t.kind[k - 1] === T.STRING ||
        t.op[k - 1] === 41 ||
        t.op[k - 1] === 93 ||
        t.op[k - 1] === 125;
      const startsValue =
        plainName(k) || t.kind[k] === T.NUMBER || (t.kind[k] === T.STRING && t.kind[k - 1] !== T.STRING);
      if (endsValue && startsValue)
        return {
          line: t.line[k]!,
          col: col(k),
          message: "invalid syntax (two values in a row: text that is not code?)",
        };
    }
  }
  return null;

  /** The first parameter of the def whose `(` is at `open` that is a keyword, or -1. */
  function keywordParameter(open: number, to: number): number {
    let depth = 0;
    for (let k = open; k < to; k++) {
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) {
        if (--depth === 0) return -1;
      } else if (depth === 1 && t.kind[k] === T.NAME && KEYWORDS.has(str(k))) {
        const before = str(k - 1);
        if (before === "(" || before === "," || before === "*" || before === "**") return k;
      }
    }
    return -1;
  }
}
