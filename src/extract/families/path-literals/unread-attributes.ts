// A path a leftover config class holds that nothing reads: a class attribute no code outside the class names,
// read (if at all) only by methods of the class that nothing calls. A rerun never meets it. Pure.

const WORD = (name: string) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`);

/** The class body holding line `line` (1-based) of `lines`: [class line, last body line], or null at top level. */
function classSpan(lines: readonly string[], line: number): [number, number] | null {
  let head = -1;
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (/^class\s+\w+/.test(l)) {
      head = i;
      break;
    }
    if (/^\S/.test(l) && !/^#/.test(l) && i < line - 1) return null;
  }
  if (head < 0) return null;
  let end = head + 1;
  while (end < lines.length && (/^\s/.test(lines[end]!) || lines[end]!.trim() === "" || /^#/.test(lines[end]!))) end++;
  return [head + 1, end];
}

/** `name` of the class attribute set at `line` of `path`, when nothing outside the class reads it and the
 * methods of the class that read it are called nowhere: "Class.name"; null otherwise. `texts`: every Python
 * file of the repo, the one holding the class among them. */
export function unreadAttribute(
  path: string,
  line: number,
  name: string,
  texts: ReadonlyMap<string, string>,
): string | null {
  const lines = (texts.get(path) ?? "").split(/\r?\n/);
  const span = classSpan(lines, line);
  if (span === null) return null;
  const [from, to] = span;
  const word = WORD(name);
  const outside = (re: RegExp) =>
    [...texts].some(([p, text]) =>
      p === path ? text.split(/\r?\n/).some((l, i) => (i + 1 < from || i + 1 > to) && re.test(l)) : re.test(text),
    );
  if (outside(word)) return null;
  // Uses inside the class: each must sit in a method that nothing outside the class calls.
  for (let i = from; i < to; i++) {
    if (i + 1 === line || !word.test(lines[i]!)) continue;
    let method: string | null = null;
    for (let j = i; j >= from; j--) {
      const def = /^\s+def\s+(\w+)/.exec(lines[j]!);
      if (def) {
        method = def[1]!;
        break;
      }
    }
    if (method === null || method.startsWith("__") || outside(WORD(method))) return null;
  }
  return `${/^class\s+(\w+)/.exec(lines[from - 1]!)![1]}.${name}`;
}
