// Whether a TODO's words stand over code that is written: a note alone on its line above a complete statement
// ("TODO: maybe pass as argument in future implementation?" over `seed = 0`) is for later, not a gap. Pure.
import { indentOf } from "./blocks.js";

/** A statement that stands in for code: `pass`, `...`, `raise NotImplementedError`, a bare `return`, or a value
 * left to fill (`x = None`, `path = ''`, `key = 'TODO'`). */
const STUB =
  /^(?:pass|\.\.\.|raise\s+NotImplementedError\b.*|return(?:\s+None)?|[\w.[\]'"]+\s*(?::[^=]+)?=\s*(?:None|''|""|\.\.\.|(['"])(?:TODO|FIXME|XXX|changeme|your[_ -]|path\/to)[^'"]*\1))\s*(?:#.*)?$/i;
/** A block header (`elif x:`, `def f():`): the code the note stands over is the block's first line. */
const HEADER = /^(?:if|elif|else|for|while|with|try|except|finally|def|class|async)\b.*:\s*(?:#.*)?$/;

const isCode = (line: string) => line.trim() !== "" && !line.trim().startsWith("#");

/** True when the comment on `line` (1-based) of `lines` is alone on its line and the next code at its depth or
 * deeper is written code. A trailing comment, a note at the end of its block or file, or one over a stub is not. */
export function noteAboveWrittenCode(lines: readonly string[], line: number): boolean {
  const own = lines[line - 1];
  if (own === undefined || !own.trim().startsWith("#")) return false;
  const depth = indentOf(own);
  let i = line;
  while (i < lines.length && !isCode(lines[i]!)) i++;
  if (i >= lines.length || indentOf(lines[i]!) < depth) return false;
  let body = lines[i]!.trim();
  if (HEADER.test(body)) {
    let j = i + 1;
    while (j < lines.length && !isCode(lines[j]!)) j++;
    if (j >= lines.length || indentOf(lines[j]!) <= indentOf(lines[i]!)) return false;
    body = lines[j]!.trim();
  }
  return !STUB.test(body);
}
