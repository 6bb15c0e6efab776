// Statement-level syntax checks on logical lines: what the tokenizer alone cannot see but CPython rejects.
//
// Tree-sitter's grammar accepts Python 2 `print x` and `exec x` and recovers from missing colons, so
// these checks are ours whatever parser confirms the rest.
import { T, type LexError, type LogicalLine, type Tokens } from "./lexer.js";
import { statementShapeError } from "./statement-shape.js";

const COMPOUND = new Set(["if", "elif", "else", "for", "while", "def", "class", "with", "try", "except", "finally"]);

/** `async` and `await` are keywords since Python 3.7: as a name (`x.cuda(async=True)`) they do not parse. */
function asyncAsName(text: string, t: Tokens): LexError | null {
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.NAME) continue;
    const len = t.end[k]! - t.start[k]!;
    if (len !== 5) continue;
    const name = text.slice(t.start[k]!, t.end[k]!);
    if (name !== "async" && name !== "await") continue;
    const next = t.kind[k + 1] === T.NAME ? text.slice(t.start[k + 1]!, t.end[k + 1]!) : "";
    const op = (j: number, s: string) => t.kind[j] === T.OP && text.slice(t.start[j]!, t.end[j]!) === s;
    const asName =
      (name === "async" && !["def", "with", "for"].includes(next)) ||
      (name === "await" &&
        (op(k - 1, ".") ||
          op(k + 1, "=") ||
          op(k + 1, ",") ||
          op(k + 1, ")") ||
          op(k + 1, ":") ||
          t.kind[k + 1] === T.NEWLINE ||
          (t.kind[k - 1] === T.NAME && text.slice(t.start[k - 1]!, t.end[k - 1]!) === "def")));
    if (asName) {
      const col = t.start[k]! - text.lastIndexOf("\n", t.start[k]! - 1) - 1;
      return {
        line: t.line[k]!,
        col,
        message: `invalid syntax ('${name}' is a keyword since Python 3.7 and cannot be a name)`,
      };
    }
  }
  return null;
}

export function structureError(
  text: string,
  t: Tokens,
  lines: readonly LogicalLine[],
  notebook = false,
): LexError | null {
  return statementError(text, t, lines) ?? asyncAsName(text, t) ?? statementShapeError(text, t, lines, notebook);
}

function statementError(text: string, t: Tokens, lines: readonly LogicalLine[]): LexError | null {
  const str = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const col = (k: number) => t.start[k]! - text.lastIndexOf("\n", t.start[k]! - 1) - 1;
  for (let i = 0; i < lines.length; i++) {
    const { from, to, depth } = lines[i]!;
    const next = lines[i + 1];
    let head = t.kind[from] === T.NAME ? str(from) : "";
    let h = from;
    if (head === "async" && t.kind[from + 1] === T.NAME) head = str((h = from + 1));
    const endsWithColon = t.op[to - 1] === 58;
    if (COMPOUND.has(head) && !hasColonAtDepth0(h, to))
      return { line: t.line[to - 1]!, col: col(to - 1), message: "expected ':'" };
    if (endsWithColon && COMPOUND.has(head) && (!next || next.depth <= depth))
      return {
        line: next ? t.line[next.from]! : t.line[to - 1]!,
        col: 0,
        message: `expected an indented block after '${head}' statement on line ${t.line[from]}`,
      };
    if (next && next.depth > depth && !(endsWithColon && (COMPOUND.has(head) || head === "match" || head === "case")))
      return { line: t.line[next.from]!, col: col(next.from), message: "unexpected indent" };
    if ((head === "print" || head === "exec") && to > from + 1) {
      const k2 = t.kind[from + 1];
      if (
        k2 === T.STRING ||
        k2 === T.NUMBER ||
        (k2 === T.NAME && !["if", "for", "and", "or", "in", "is", "not"].includes(str(from + 1))) ||
        str(from + 1) === ">>"
      )
        return { line: t.line[from]!, col: col(from), message: `Missing parentheses in call to '${head}'` };
    }
    if (head === "except" && commaAtDepth0(from + 1))
      return { line: t.line[from]!, col: col(from), message: "multiple exception types must be parenthesized" };
    if (head === "raise" && commaAtDepth0(from + 1))
      return { line: t.line[from]!, col: col(from), message: "invalid syntax (Python 2 raise E, msg)" };
  }
  return null;

  function hasColonAtDepth0(from: number, to: number): boolean {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) depth--;
      else if (op === 58 && depth === 0) return true;
    }
    return false;
  }

  function commaAtDepth0(from: number): boolean {
    let depth = 0;
    for (let k = from; k < t.count && t.kind[k] !== T.NEWLINE; k++) {
      if (t.kind[k] !== T.OP) {
        if (t.kind[k] === T.NAME && depth === 0 && (str(k) === "as" || str(k) === "from")) return false;
        continue;
      }
      const s = str(k);
      if (s === "(" || s === "[" || s === "{") depth++;
      else if (s === ")" || s === "]" || s === "}") depth--;
      else if (s === ":" && depth === 0) return false;
      else if (s === "," && depth === 0) return true;
    }
    return false;
  }
}
