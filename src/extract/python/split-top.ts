// Top-level parts of an expression or parameter list: split at a separator outside brackets and quotes. Pure.

/** `text` split at top-level `sep` (outside brackets and quotes); null when the brackets do not balance. */
export function splitTop(text: string, sep: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || quote) return null;
  out.push(text.slice(start));
  return out.filter((p) => p.trim() !== "");
}
