// An IPython magic or shell escape left in a .py exported from a notebook (`%matplotlib inline`, `!pip install x`):
// the file runs only under IPython, and the reason it does not parse is that line. Pure.

/** A magic (`%time`, `%%writefile`) or shell escape (`!pip`) at a line's start: no Python statement starts so. The
 * word after `%` ends at a space or the line's end, and `!` leads a word, so an operator continuing an expression
 * (`% x`, `%y)`, `!= b`) is no magic. */
const MAGIC = /^(?:%{1,2}[A-Za-z]\w*(?=\s|$)|![ \t]*[A-Za-z./~][^\s]*(?=\s|$)).*$/;

/** The first magic line at or before `errorLine` (1-based), whose error it explains; null when none. Lines are read
 * at column 0, where a notebook export writes its cells' magics. */
export function magicLineBefore(text: string, errorLine: number): { line: number; magic: string } | null {
  const lines = text.split("\n", errorLine);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.length <= 400 && MAGIC.test(line)) return { line: i + 1, magic: line.trim().slice(0, 80) };
  }
  return null;
}

/** What the finding says of a magic line. */
export const magicMessage = (at: { line: number; magic: string }): string =>
  `line ${at.line} is an IPython magic (\`${at.magic}\`) left from a notebook export: the file runs only under IPython; delete the line`;
