// An IPython magic or shell escape left in a .py exported from a notebook (`%matplotlib inline`, `!pip install x`):
// the file runs only under IPython, and the reason it does not parse is that line. Pure.
import { tokenize } from "../../python/lexer.js";

/** A magic (`%time`, `%%writefile`) or shell escape (`!pip`) at a line's start: no Python statement starts so. The
 * word after `%` ends at a space or the line's end, and `!` leads a word, so an operator continuing an expression
 * (`% x`, `%y)`, `!= b`) is no magic. */
const MAGIC = /^(?:%{1,2}[A-Za-z]\w*(?=\s|$)|![ \t]*[A-Za-z./~][^\s]*(?=\s|$)).*$/;

/** Magic-looking lines tried per file (each tokenizes the text above it): past that, a document, not an export. */
const MAX_TRIES = 20;

/** The first magic line at or before `errorLine` (1-based), whose error it explains; null when none. Lines are read
 * at column 0, where a notebook export writes its cells' magics, and only where a statement starts: the text above
 * tokenizes whole (no string, bracket or backslash left open), so a docstring's `%run x.py` is none. */
export function magicLineBefore(text: string, errorLine: number): { line: number; magic: string } | null {
  const lines = text.split("\n", errorLine);
  let offset = 0;
  let tries = 0;
  for (let i = 0; i < lines.length && tries < MAX_TRIES; offset += lines[i]!.length + 1, i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.length > 400 || !MAGIC.test(line)) continue;
    tries++;
    const above = text.slice(0, offset);
    if (/\\\r?\n$/.test(above) || tokenize(above, { python2: true }).error) continue;
    return { line: i + 1, magic: line.trim().slice(0, 80) };
  }
  return null;
}

/** What the finding says of a magic line. */
export const magicMessage = (at: { line: number; magic: string }): string =>
  `line ${at.line} is an IPython magic (\`${at.magic}\`) left from a notebook export: the file runs only under IPython; delete the line`;
