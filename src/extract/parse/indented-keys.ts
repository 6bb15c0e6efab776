// The dotted key of each line of an indented mapping (YAML, or pretty-printed JSON): `model:\n  path: x` gives
// line 2 the key `model.path`. Nesting read from indentation alone, so a file the YAML parser rejects still maps.
// Pure.

/** Line (1-based) -> the full dotted key of the key `key` matches there; `key`'s groups: 1 the indent, 2 the name. */
export function indentedKeyPaths(text: string, key: RegExp): Map<number, string> {
  const out = new Map<number, string>();
  const stack: Array<{ indent: number; key: string }> = [];
  text.split("\n").forEach((line, i) => {
    const m = key.exec(line);
    if (!m) return;
    const indent = m[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[2]! });
    out.set(i + 1, stack.map((s) => s.key).join("."));
  });
  return out;
}
