// The lines of a Python text that lie inside a docstring or a bare string statement: prose and usage examples
// (`> model = DataParallel(model, device_ids=[0, 1])`) that never run. Pure.
import { T, tokenize } from "../../python/lexer.js";

/** 1-based line numbers inside string statements; none when the text does not lex (then every line is read). */
export function docstringLines(text: string): Set<number> {
  const out = new Set<number>();
  if (!text.includes('"""') && !text.includes("'''")) return out;
  const t = tokenize(text);
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.STRING) continue;
    const before = t.kind[k - 1];
    const alone =
      (k === 0 || before === T.NEWLINE || before === T.INDENT || before === T.DEDENT) &&
      (k + 1 >= t.count || t.kind[k + 1] === T.NEWLINE);
    if (!alone) continue;
    const first = t.line[k]!;
    let last = first;
    for (let c = t.start[k]!; c < t.end[k]!; c++) if (text.charCodeAt(c) === 10) last++;
    for (let line = first; line <= last; line++) out.add(line);
  }
  return out;
}
