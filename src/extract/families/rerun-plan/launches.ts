// The commands a Python program launches: `os.system(...)`, `subprocess.run(...)` and its kin, as a string, an
// f-string, a `+` join or a list of words, or a name assigned one earlier; each with the folder it runs in (`cwd=`,
// an earlier `os.chdir`). What the code computes stands as `*`. Pure.

export interface Launch {
  line: number;
  command: string;
  /** The folder it runs in, relative to the program's own working folder; null when the code computes it;
   * absent when the launch keeps the program's folder. */
  folder?: string | null;
}

const LAUNCH =
  /(?<![\w.])(?:os\s*\.\s*(?:system|popen)|subprocess\s*\.\s*(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput))\s*\(/g;
const BARE_LAUNCH = /(?<![\w.])(?:run|call|check_call|check_output|Popen)\s*\(/g;
const CHDIR = /(?<![\w.])os\s*\.\s*chdir\s*\(/g;
const MAX_LAUNCHES = 50;
const MAX_TEXT = 1_000_000;

/** Every launch in the program's text, in order. */
export function launchedCommands(text: string): Launch[] {
  if (text.length > MAX_TEXT || !/\b(?:os|subprocess)\b/.test(text)) return [];
  const lineAt = lineIndex(text);
  const calls = [...text.matchAll(LAUNCH)].map((m) => m.index + m[0].length);
  if (/^\s*from\s+subprocess\s+import\b/m.test(text))
    calls.push(...[...text.matchAll(BARE_LAUNCH)].map((m) => m.index + m[0].length));
  const chdirs = [...text.matchAll(CHDIR)].map((m) => {
    const args = argsAt(text, m.index + m[0].length);
    return { at: m.index, folder: args[0] === undefined ? null : literal(args[0]) };
  });
  const out: Launch[] = [];
  for (const open of calls.sort((a, b) => a - b).slice(0, MAX_LAUNCHES)) {
    const args = argsAt(text, open);
    const first = args.find((a) => !/^\w+\s*=(?!=)/.test(a));
    if (first === undefined) continue;
    const command = words(first, (name) => assignedBefore(text, name, open));
    if (command === null || !/[A-Za-z]/.test(command)) continue;
    const cwdArg = args.find((a) => /^cwd\s*=/.test(a));
    const moved = chdirs.filter((c) => c.at < open).pop();
    const launch: Launch = { line: lineAt(open), command };
    if (cwdArg !== undefined) launch.folder = literal(cwdArg.slice(cwdArg.indexOf("=") + 1).trim());
    else if (moved) launch.folder = moved.folder;
    out.push(launch);
  }
  return out;
}

/** The command an argument spells: a string, a `+` join, a list or tuple of words, a name's earlier value. */
function words(arg: string, valueOf: (name: string) => string | null, depth = 0): string | null {
  const a = arg.trim();
  if (/^[[(]/.test(a)) {
    const items = split(a.slice(1, -1), ",").filter((s) => s.trim() !== "");
    return items.map((i) => (/^sys\s*\.\s*executable$/.test(i.trim()) ? "python" : (text(i) ?? "*"))).join(" ");
  }
  const parts = split(a, "+");
  if (parts.length > 1) return parts.map((p) => text(p) ?? "*").join("");
  const own = text(a);
  if (own !== null) return own;
  if (/^[A-Za-z_]\w*$/.test(a) && depth === 0) {
    const value = valueOf(a);
    return value === null ? null : words(value, valueOf, 1);
  }
  return null;
}

/** A string literal's text, fields of an f-string or `.format` as `*`; null for anything else. */
function text(expr: string): string | null {
  // Long arguments are no command to read, and would cost the pattern's backtracking.
  if (expr.length > 1000) return null;
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*)\2(\s*\.\s*format\s*\([\s\S]*\))?$/.exec(expr.trim());
  if (!m) return null;
  const body = m[3]!;
  if (body.includes(m[2]!)) return null;
  return /f/i.test(m[1]!) || m[4] ? body.replace(/\{[^{}]*\}/g, "*") : body;
}

/** A folder argument's value: a plain string, else null (computed). */
function literal(expr: string): string | null {
  const value = text(expr);
  return value === null || value.includes("*") ? null : value;
}

/** The expression last assigned to `name` before `offset` (`cmd = "python x.py"`), or null. */
function assignedBefore(text: string, name: string, offset: number): string | null {
  const re = new RegExp(`^[ \\t]*${name}\\s*=(?!=)[ \\t]*(.+)$`, "gm");
  let found: string | null = null;
  for (const m of text.slice(0, offset).matchAll(re)) found = m[1]!.trim();
  return found;
}

/** The top-level arguments of the call whose `(` ends at `open`. */
function argsAt(text: string, open: number): string[] {
  let depth = 1;
  let i = open;
  let quote: string | null = null;
  for (; i < text.length && depth > 0; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (text.startsWith(quote, i)) ((i += quote.length - 1), (quote = null));
      continue;
    }
    if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    if (i - open > 5000) return [];
  }
  return depth === 0 ? split(text.slice(open, i - 1), ",") : [];
}

/** `text` split at top-level `sep` (outside brackets and strings). */
function split(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (text.startsWith(quote, i)) ((i += quote.length - 1), (quote = null));
      continue;
    }
    if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
