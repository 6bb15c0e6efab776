// Where JSON text stops being JSON. Node 20's JSON.parse does not always say, and a finding needs a line.
// Runs only after JSON.parse has failed; iterative (an explicit stack) so deep nesting cannot overflow.

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offset of the first character that makes `text` invalid JSON, or null if it is valid. */
export function jsonErrorOffset(text: string): number | null {
  const s = new JsonScan(text);
  const top = s.value();
  if (top === false) return s.i;
  if (top === "open" && !s.containers()) return s.i;
  s.ws();
  return s.i < text.length ? s.i : null;
}

/** One container on the stack: its kind and what comes next in it. */
interface Frame {
  kind: "{" | "[";
  expect: "first" | "value" | "key" | "colon" | "sep";
}

class JsonScan {
  i = 0;
  private readonly n: number;
  private readonly stack: Frame[] = [];

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  ws(): void {
    const { text, n } = this;
    while (
      this.i < n &&
      (text[this.i] === " " || text[this.i] === "\t" || text[this.i] === "\n" || text[this.i] === "\r")
    )
      this.i++;
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.i)) return false;
    this.i += word.length;
    return true;
  }

  private string(): boolean {
    const { text, n } = this;
    this.i++; // opening quote
    while (this.i < n) {
      const c = text.charCodeAt(this.i);
      if (c === 34) return (this.i++, true);
      if (c < 32) return false;
      if (c === 92) {
        const e = text[this.i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) return ((this.i += 1), false);
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else return ((this.i += 1), false);
      } else this.i++;
    }
    return false;
  }

  private number(): boolean {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m || m[0] === "" || m[0] === "-") return false;
    this.i += m[0].length;
    return true;
  }

  /** A scalar (true when valid), or "open" after pushing a container. */
  value(): boolean | "open" {
    this.ws();
    const c = this.text[this.i];
    if (c === "{" || c === "[") return (this.stack.push({ kind: c, expect: "first" }), this.i++, "open");
    if (c === '"') return this.string();
    if (c === "t") return this.literal("true");
    if (c === "f") return this.literal("false");
    if (c === "n") return this.literal("null");
    return this.number();
  }

  /** Scan the open containers to their ends; false at the first character that breaks one. */
  containers(): boolean {
    const stack = this.stack;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      this.ws();
      const c = this.text[this.i];
      if (frame.expect === "first" || frame.expect === "sep") {
        if (c === (frame.kind === "{" ? "}" : "]")) {
          this.i++;
          stack.pop();
          if (stack.length > 0) stack[stack.length - 1]!.expect = "sep";
          continue;
        }
        if (frame.expect === "sep") {
          if (c !== ",") return false;
          this.i++;
          this.ws();
        }
        frame.expect = frame.kind === "{" ? "key" : "value";
      } else if (frame.expect === "key") {
        if (c !== '"' || !this.string()) return false;
        frame.expect = "colon";
      } else if (frame.expect === "colon") {
        if (c !== ":") return false;
        this.i++;
        frame.expect = "value";
      } else {
        frame.expect = "sep";
        if (this.value() === false) return false;
      }
    }
    return true;
  }
}
