// Syntax that older Pythons parse and newer ones reject, read off the line a parse error points at. Pure.

/** An f-string's opening quote: `f'`, `rf"`, `F"`. */
const FSTRING_OPEN = /(?<![\w'"])[rR]?[fF][rR]?["']/;

/** A generator bare in an f-string's braces (`f'{len(x) for x in xs}'`): CPython up to 3.11 wraps the field in
 * parentheses and parses it; from 3.12 (PEP 701) it is an error. */
function bareGeneratorField(line: string): boolean {
  for (const m of line.matchAll(/\{([^{}]*)\}/g)) {
    const field = ` ${m[1]!.trim()} `;
    const loop = field.search(/\sfor\s/);
    if (/^ [([{]/.test(field) || loop < 0 || field.slice(loop + 4).search(/\sin\s/) < 0) continue;
    if (FSTRING_OPEN.test(line.slice(0, m.index))) return true;
  }
  return false;
}

/** The newest Python (major x 100 + minor) that parses the construct on `line`, with its words; null when none is known. */
export function parsedUpTo(line: string): { version: number; what: string } | null {
  if (line.length > 4000) return null;
  return bareGeneratorField(line) ? { version: 311, what: "a generator bare in an f-string's braces" } : null;
}
