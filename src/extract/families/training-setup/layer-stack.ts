// A Lasagne (or nolearn) network written as a stack of layers: its input shape and its convolution, pooling and
// dense layers, counted into forward multiply-accumulates, as the FLOPs table counts the models it names. Read from
// the text as written: literal numbers, the module's integer names and dict entries, and a layer's options given
// through a helper function (`cp(2 * n, stride=(2, 2))`, whose `def` holds the rest) in this file or another.

/** Top-level functions by name, with their bodies: where a layer's helper finds the options it fills in. */
export type HelperBodies = ReadonlyMap<string, string>;

export interface LayerStack {
  /** The InputLayer's line. */
  line: number;
  height: number;
  width: number;
  /** Forward multiply-accumulates of one sample at height x width. */
  macs: number;
  layers: number;
}

const LAYER =
  /\b(InputLayer|Conv2D(?:DNN|CC|MM)?Layer|(?:Max|RMS)?Pool2D(?:DNN|CC)?Layer|RMSPoolLayer|DenseLayer|FeaturePoolLayer)\b/g;
const MAX_ENTRY = 2_000;
const MAX_LAYERS = 1_000;

type Env = { ints: Map<string, number>; dicts: Map<string, Map<string, number>> };

/** Module-level `n = 32` and the integer entries of `cnf = { 'w': 448, ... }`. */
function moduleEnv(text: string): Env {
  const ints = new Map<string, number>();
  const dicts = new Map<string, Map<string, number>>();
  let dict: Map<string, number> | null = null;
  for (const line of text.split("\n")) {
    if (line.length > 4_000) continue;
    const int = /^(\w+)\s*=\s*(\d{1,7})\s*(?:#.*)?$/.exec(line);
    if (int) ints.set(int[1]!, Number(int[2]));
    const open = /^(\w+)\s*=\s*\{/.exec(line);
    if (open) dicts.set(open[1]!, (dict = new Map()));
    if (dict) for (const m of line.matchAll(/['"](\w+)['"]\s*:\s*(\d{1,7})\b/g)) dict.set(m[1]!, Number(m[2]));
    if (/^\S/.test(line) && !open) dict = null;
  }
  return { ints, dicts };
}

/** The top-level parts of `a, b(c, d), e`, up to a bracket closing what came before. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch) && --depth < 0) break;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** An integer expression as written: numbers, names, `cnf['w']`, `*`, `+`, `-`, `//`, parentheses; a tuple is its
 * first item (a square filter or stride). */
function evalInt(expr: string, env: Env): number | null {
  const e = expr.trim();
  if (e.startsWith("(") && e.endsWith(")") && group(e, 0)?.length === e.length - 2) {
    const parts = splitTop(e.slice(1, -1));
    return parts.length >= 1 ? evalInt(parts[0]!, env) : null;
  }
  const tokens = e.match(/\d+|\w+\[\s*['"]\w+['"]\s*\]|\w+|\/\/|[-+*()]|\S/g) ?? [];
  let i = 0;
  const atom = (): number | null => {
    const t = tokens[i++];
    if (t === undefined) return null;
    if (t === "(") {
      const v = sumOf();
      return tokens[i++] === ")" ? v : null;
    }
    if (/^\d+$/.test(t)) return Number(t);
    const sub = /^(\w+)\[\s*['"](\w+)['"]\s*\]$/.exec(t);
    if (sub) return env.dicts.get(sub[1]!)?.get(sub[2]!) ?? null;
    return /^\w+$/.test(t) ? (env.ints.get(t) ?? null) : null;
  };
  const productOf = (): number | null => {
    let v = atom();
    while (tokens[i] === "*" || tokens[i] === "//") {
      const op = tokens[i++];
      const r = atom();
      v = v === null || r === null ? null : op === "*" ? v * r : r === 0 ? null : Math.floor(v / r);
    }
    return v;
  };
  const sumOf = (): number | null => {
    let v = productOf();
    while (tokens[i] === "+" || tokens[i] === "-") {
      const op = tokens[i++];
      const r = productOf();
      v = v === null || r === null ? null : op === "+" ? v + r : v - r;
    }
    return v;
  };
  const v = sumOf();
  return i === tokens.length && v !== null && Number.isSafeInteger(v) ? v : null;
}

/** The balanced group opening at `open`, or null past the cap. */
function group(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + MAX_ENTRY); i++) {
    if ("([{".includes(text[i]!)) depth++;
    if (")]}".includes(text[i]!)) depth--;
    if (depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** An option's value in an entry: `name=...` or `'name': ...`, as text. */
function option(entry: string, name: string): string | null {
  const m = new RegExp(String.raw`['"]?\b${name}\b['"]?\s*[:=]\s*`).exec(entry);
  if (!m) return null;
  const rest = entry.slice(m.index + m[0].length);
  return splitTop(rest)[0] ?? null;
}

interface Entry {
  kind: string;
  line: number;
  /** The options as written, then the helper's body for the options the entry leaves out. */
  texts: string[];
  /** Positional arguments after the incoming layer (a call) or of the helper (a tuple's options). */
  positional: string[];
}

function entries(text: string, helpers: HelperBodies): Entry[] {
  const out: Entry[] = [];
  // Lines are counted as the matches go, never from the start again.
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(LAYER)) {
    if (out.length >= MAX_LAYERS) break;
    const at = m.index ?? 0;
    const after = at + m[0].length;
    for (let i = counted; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    counted = at;
    const next = /^\s*([,(])/.exec(text.slice(after, after + 20));
    if (!next) continue;
    if (next[1] === "(") {
      // A call: `Conv2DLayer(incoming, num_filters, filter_size, ...)`.
      const args = group(text, after + next[0].length - 1);
      if (args === null) continue;
      const parts = splitTop(args);
      out.push({ kind: m[1]!, line, texts: [args], positional: parts.slice(1).filter((p) => !/^[\w'"]+\s*=/.test(p)) });
    } else {
      // A tuple `(Conv2DLayer, {...})` or `(Conv2DLayer, helper(n, stride=2))`.
      const before = /\(\s*$/.exec(text.slice(Math.max(0, at - 40), at));
      if (!before) continue;
      const open = at - before[0].length;
      const tuple = group(text, open);
      if (tuple === null) continue;
      const opts = splitTop(tuple)[1] ?? "";
      const call = /^(\w+)\s*\(/.exec(opts);
      const helper = call && call[1] !== "dict" ? helpers.get(call[1]!) : undefined;
      const inner = call ? (group(opts, call[0].length - 1) ?? "") : opts;
      out.push({
        kind: m[1]!,
        line,
        texts: [opts, ...(helper ? [helper] : [])],
        positional: call ? splitTop(inner).filter((p) => !/^[\w'"]+\s*=/.test(p)) : [],
      });
    }
  }
  return out;
}

function read(e: Entry, name: string, env: Env, positional: number | null): number | null {
  for (const t of e.texts) {
    const v = option(t, name);
    if (v !== null) return evalInt(v, env);
    if (positional !== null && t === e.texts[0] && e.positional[positional] !== undefined)
      return evalInt(e.positional[positional]!, env);
  }
  return null;
}

/** The first layer stack of `text` with an input shape and at least one convolution or dense layer. */
export function layerStack(text: string, helpers: HelperBodies): LayerStack | null {
  if (!/Layer\b/.test(text) || !/lasagne|nolearn|InputLayer/.test(text)) return null;
  const env = moduleEnv(text);
  const list = entries(text, helpers);
  const input = list.findIndex((e) => e.kind === "InputLayer");
  if (input < 0) return null;
  const shape = option(list[input]!.texts[0]!, "shape") ?? list[input]!.positional[0] ?? null;
  const dims = shape?.startsWith("(") ? splitTop(shape.slice(1, -1)).map((d) => evalInt(d, env)) : [];
  if (dims.length < 3) return null;
  let [c, h, w] = dims.slice(-3) as Array<number | null>;
  if (!c || !h || !w) return null;
  const [height, width] = [h, w];
  let macs = 0;
  let counted = 0;
  for (const e of list.slice(input + 1)) {
    if (e.kind === "InputLayer") break; // the next network
    if (/^Conv/.test(e.kind)) {
      const f = read(e, "num_filters", env, 0);
      const k = read(e, "filter_size", env, 1) ?? 3;
      const s = read(e, "stride", env, null) ?? 1;
      if (!f || !k || !s) return null;
      ((h = Math.ceil(h / s)), (w = Math.ceil(w / s)));
      macs += h * w * c * f * k * k;
      ((c = f), counted++);
    } else if (/Pool/.test(e.kind) && e.kind !== "FeaturePoolLayer") {
      const p = read(e, "pool_size", env, 0) ?? 2;
      const s = read(e, "stride", env, null) ?? p;
      if (!p || !s) return null;
      ((h = Math.max(1, Math.floor((h - p) / s) + 1)), (w = Math.max(1, Math.floor((w - p) / s) + 1)));
    } else if (e.kind === "FeaturePoolLayer") {
      const p = read(e, "pool_size", env, 0) ?? 2;
      if (p) c = Math.max(1, Math.floor(c / p));
    } else if (e.kind === "DenseLayer") {
      const u = read(e, "num_units", env, 0);
      if (!u) return null;
      macs += c * h * w * u;
      ((c = u), (h = 1), (w = 1), counted++);
    }
  }
  if (counted === 0 || macs <= 0) return null;
  return { line: list[input]!.line, height, width, macs, layers: counted };
}

/** Top-level `def name(...)` bodies of a Python text, up to the next top-level line. */
export function helperBodies(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const def = /^def\s+(\w+)\s*\(/.exec(lines[i]!);
    if (!def) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === "" || /^\s/.test(lines[j]!))) j++;
    out.push([def[1]!, lines.slice(i, Math.min(j, i + 200)).join("\n")]);
  }
  return out;
}
