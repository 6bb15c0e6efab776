// Where JSON text stops being JSON. Node 20's JSON.parse does not always say, and a finding needs a line.
// Runs only after JSON.parse has failed; iterative (an explicit stack) so deep nesting cannot overflow.

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offset of the first character that makes `text` invalid JSON, or null if it is valid. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? ((i += word.length), true) : false);
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return i++, true;
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return (i += 1), false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i += 1), false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") return false;
    i += m[0].length;
    return true;
  };
  // Each frame: the container kind and what comes next in it.
  const stack: Array<{ kind: "{" | "["; expect: "first" | "value" | "key" | "colon" | "sep" }> = [];
  const value = (): boolean | "open" => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") return stack.push({ kind: c, expect: "first" }), i++, "open";
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  const top = value();
  if (top === false) return i;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    ws();
    const c = text[i];
    if (frame.expect === "first" || frame.expect === "sep") {
      const close = frame.kind === "{" ? "}" : "]";
      if (c === close) {
        i++;
        stack.pop();
        if (stack.length > 0) stack[stack.length - 1]!.expect = "sep";
        continue;
      }
      if (frame.expect === "sep") {
        if (c !== ",") return i;
        i++;
        ws();
      }
      frame.expect = frame.kind === "{" ? "key" : "value";
      continue;
    }
    if (frame.expect === "key") {
      if (c !== '"' || !string()) return i;
      frame.expect = "colon";
      continue;
    }
    if (frame.expect === "colon") {
      if (c !== ":") return i;
      i++;
      frame.expect = "value";
      continue;
    }
    frame.expect = "sep";
    const got = value();
    if (got === false) return i;
  }
  ws();
  return i < n ? i : null;
}
