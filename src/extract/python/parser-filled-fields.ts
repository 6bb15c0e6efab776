// Dataclass field defaults that never reach a run: a `@dataclass Config` built as `Config(**vars(args))` (or
// `Config(device=args.device, ...)`) from a parser in the same file takes each field the parser defines from
// the parser, so the field's own default (`device: str = "cuda:2"`) is dead. Read from the text. Pure.

const DATACLASS = /^\s*@(?:dataclasses\.)?dataclass\b/;
const CLASS = /^(\s*)class\s+(\w+)\b/;
const FIELD = /^(\s+)(\w+)\s*:[^=]+=/;
const ADD_ARGUMENT = /\badd_argument\s*\(/g;
const PARSED = /^\s*(\w+)\s*=\s*[\w.]*parse(?:_known)?_args\s*\(/;
const MAX_CALL = 4000;

/** The 1-based lines of dataclass field defaults that the file's parser always overrides. */
export function parserFilledFields(text: string): Set<number> {
  const out = new Set<number>();
  if (!text.includes("dataclass") || !text.includes("add_argument")) return out;
  const lines = text.split("\n");
  const dests = parserDests(text);
  if (dests.size === 0) return out;
  const parsed = new Set(["args"]);
  for (const l of lines) {
    const m = PARSED.exec(l);
    if (m) parsed.add(m[1]!);
  }
  for (const cls of dataclasses(lines)) {
    const filled = filledBy(text, cls.name, dests, parsed);
    for (const f of cls.fields) if (filled.has(f.name)) out.add(f.line);
  }
  return out;
}

/** The attribute names the file's `add_argument` calls set: `dest=`, else the first long flag, dashes as `_`. */
function parserDests(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(ADD_ARGUMENT)) {
    const line = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
    if (line.includes("#")) continue; // a commented-out option defines nothing
    const args = inParens(text, m.index + m[0].length);
    const dest = /\bdest\s*=\s*['"](\w+)['"]/.exec(args);
    const flags = [...args.matchAll(/['"](-{1,2}[\w-]+)['"]/g)].map((f) => f[1]!);
    const long = flags.find((f) => f.startsWith("--"));
    const positional = /^\s*['"](\w+)['"]/.exec(args);
    const name = dest?.[1] ?? long?.slice(2).replace(/-/g, "_") ?? positional?.[1];
    if (name) out.add(name);
  }
  return out;
}

interface Dataclass {
  name: string;
  fields: Array<{ name: string; line: number }>;
}

/** Each `@dataclass` class with the fields of its body that have a default. */
function dataclasses(lines: readonly string[]): Dataclass[] {
  const out: Dataclass[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!DATACLASS.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && /^\s*@/.test(lines[j]!)) j++;
    const head = CLASS.exec(lines[j] ?? "");
    if (!head) continue;
    const indent = head[1]!.length;
    const cls: Dataclass = { name: head[2]!, fields: [] };
    let body = -1;
    for (let k = j + 1; k < lines.length; k++) {
      const l = lines[k]!;
      if (!l.trim() || /^\s*#/.test(l)) continue;
      const own = l.length - l.trimStart().length;
      if (own <= indent) break;
      if (body < 0) body = own;
      const f = own === body ? FIELD.exec(l) : null;
      if (f) cls.fields.push({ name: f[2]!, line: k + 1 });
    }
    out.push(cls);
    i = j;
  }
  return out;
}

/** The fields a call of the class fills from the parsed arguments: all the parser's with `**vars(args)`. */
function filledBy(text: string, name: string, dests: ReadonlySet<string>, parsed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const call = new RegExp(`(?<![\\w.])${name}\\s*\\(`, "g");
  for (const m of text.matchAll(call)) {
    const before = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
    if (/^\s*class\s/.test(before)) continue;
    const args = inParens(text, m.index + m[0].length);
    // `**vars(args)`, `**args.__dict__`, or `**vars(parser.parse_args())` itself.
    const spread = /\*\*\s*(?:vars\s*\(\s*([\w.]+)\s*(\()?|(\w+)\.__dict__)/.exec(args);
    const source = spread ? (spread[1] ?? spread[3]!) : "";
    if (spread && (parsed.has(source) || (spread[2] !== undefined && /parse(?:_known)?_args$/.test(source))))
      for (const d of dests) out.add(d);
    for (const kw of args.matchAll(/(?<![\w.])(\w+)\s*=\s*(\w+)\.(\w+)\b/g))
      if (parsed.has(kw[2]!) && dests.has(kw[3]!)) out.add(kw[1]!);
  }
  return out;
}

/** The text between an opening parenthesis (just before `from`) and its match, capped. */
function inParens(text: string, from: number): string {
  let depth = 1;
  const end = Math.min(text.length, from + MAX_CALL);
  for (let k = from; k < end; k++) {
    const c = text[k];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return text.slice(from, k);
  }
  return text.slice(from, end);
}
