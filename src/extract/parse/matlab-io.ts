// The files a MATLAB (or Octave) script reads and writes by literal name (`readtable('train.csv')`,
// `save(fullfile(out, 'feats.mat'), 'x')`, `load data.mat`), so that a later step's read of what it writes is
// produced and its own reads of raw data count as data reads. Reads text only; never runs it. Pure.

export interface MatlabIo {
  path: string;
  line: number;
  call: string;
  mode: "read" | "write";
}

/** A text larger than this is generated or data, not a script someone wrote: not read. */
const MAX_BYTES = 1_000_000;
/** Lines read past this length are cut (a data row pasted in), as the other readers cap theirs. */
const MAX_LINE = 4000;
const MAX_RESULTS = 500;

/** Readers: the argument that names the file (0-based). */
const READS: Record<string, number> = {
  readtable: 0,
  readmatrix: 0,
  readcell: 0,
  readtimetable: 0,
  readvars: 0,
  xlsread: 0,
  csvread: 0,
  dlmread: 0,
  load: 0,
  importdata: 0,
  textread: 0,
  fileread: 0,
  imread: 0,
  audioread: 0,
  parquetread: 0,
  h5read: 0,
  ncread: 0,
};
/** Writers: the argument that names the file (0-based). */
const WRITES: Record<string, number> = {
  writetable: 1,
  writematrix: 1,
  writecell: 1,
  writetimetable: 1,
  csvwrite: 0,
  dlmwrite: 0,
  xlswrite: 0,
  save: 0,
  imwrite: 1,
  audiowrite: 0,
  parquetwrite: 0,
};

/** Objective-C (or Mathematica, whose comments open with `(*`) shares the `.m` extension: a file with its marks is not MATLAB. */
const NOT_MATLAB = /^\s*(?:@interface|@implementation|@protocol|#import|#include|BeginPackage\[|\(\*)/m;

export function isMatlabText(text: string): boolean {
  return !NOT_MATLAB.test(text);
}

type Token = { t: "str"; v: string } | { t: "id"; v: string } | { t: "p"; v: string };

/** One line's tokens, its comment cut; `'` after a value is the transpose, not a quote. */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "%") break;
    if (/\s/.test(c)) {
      out.push({ t: "p", v: " " });
      while (i < line.length && /\s/.test(line[i]!)) i++;
      continue;
    }
    // Right after a name, a closing bracket or a string, `'` transposes (`x'`, `A(1,:)'`).
    const last = out.at(-1);
    const afterValue = last !== undefined && (last.t !== "p" || ")]}".includes(last.v));
    if (c === '"' || (c === "'" && !afterValue)) {
      let v = "";
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === c && line[j + 1] === c) {
          v += c;
          j++;
        } else if (line[j] === c) break;
        else v += line[j];
      }
      out.push({ t: "str", v });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/.exec(line.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    out.push({ t: "p", v: c });
    i++;
  }
  return out;
}

/** Split tokens at top-level commas (and, inside brackets, at spaces between values). */
function splitTop(list: Token[], spaces: boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const tk of list) {
    if (tk.t === "p" && "([{".includes(tk.v)) depth++;
    if (tk.t === "p" && ")]}".includes(tk.v)) depth--;
    if (depth === 0 && tk.t === "p" && (tk.v === "," || (spaces && tk.v === " " && parts.at(-1)!.length > 0)))
      parts.push([]);
    // A space inside brackets parts a concatenation's values: kept for the inner split.
    else if (depth > 0 || !(tk.t === "p" && tk.v === " ")) parts.at(-1)!.push(tk);
  }
  return parts.filter((p) => p.length > 0);
}

/** The tokens between the bracket at `open` and its match, and the index past it. */
function enclosed(list: Token[], open: number): [Token[], number] {
  let depth = 0;
  for (let i = open; i < list.length; i++) {
    const tk = list[i]!;
    if (tk.t === "p" && "([{".includes(tk.v)) depth++;
    if (tk.t === "p" && ")]}".includes(tk.v) && --depth === 0) return [list.slice(open + 1, i), i + 1];
  }
  return [list.slice(open + 1), list.length];
}

/** An expression's text: literals kept, fullfile's parts joined by `/`, concatenations joined, anything unknown `*`. */
function valueOf(expr: Token[], vars: ReadonlyMap<string, string>): string {
  const list = expr.filter((x) => !(x.t === "p" && x.v === " "));
  if (list.length === 1 && list[0]!.t === "str") return list[0]!.v;
  if (list.length === 1 && list[0]!.t === "id") return vars.get(list[0]!.v) ?? "*";
  const head = list[0];
  if (head?.t === "p" && head.v === "[") {
    const [inner, end] = enclosed(expr, expr.indexOf(head));
    if (expr.slice(end).every((x) => x.t === "p" && x.v === " "))
      return splitTop(inner, true)
        .map((p) => valueOf(p, vars))
        .join("");
  }
  if (head?.t === "id" && list[1]?.t === "p" && list[1].v === "(") {
    const open = expr.indexOf(list[1]);
    const [inner, end] = enclosed(expr, open);
    if (expr.slice(end).every((x) => x.t === "p" && x.v === " ")) {
      const args = splitTop(inner, false).map((p) => valueOf(p, vars));
      if (head.v === "fullfile") return args.map((a) => a.replace(/\/+$/, "")).join("/");
      if (head.v === "strcat" || head.v === "horzcat") return args.join("");
      if (head.v === "char" || head.v === "string") return args[0] ?? "*";
      // `sprintf('feats/fold%d.csv', k)`: each conversion a part only the run knows.
      if (head.v === "sprintf" && args[0] !== undefined)
        return args[0].replace(/%[-+ 0#]*\d*(?:\.\d+)?[dsfgeiuxc]/g, "*");
    }
  }
  return "*";
}

/** Does a path name a file of its own (more than unknown parts and slashes)? */
const spells = (p: string) => /[A-Za-z0-9]/.test(p.replace(/\*/g, "")) && !p.includes("://");

/** The script's statements, each with its first line: comments and `%{ ... %}` blocks out, `...` continuations joined. */
function statements(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let block = 0;
  let pending: { line: number; text: string } | null = null;
  text.split("\n").forEach((raw, i) => {
    const line = raw.slice(0, MAX_LINE).replace(/\r$/, "");
    if (/^\s*%\{\s*$/.test(line)) return void block++;
    if (block > 0) {
      if (/^\s*%\}\s*$/.test(line)) block--;
      return;
    }
    // `...` at the end (a comment may follow) continues the statement; `'loading...'` inside a string does not.
    const cont = /^(.*?)\.\.\.\s*(?:%.*)?$/.exec(line);
    const body = cont ? cont[1]! : line;
    pending = pending ? { line: pending.line, text: `${pending.text} ${body}` } : { line: i + 1, text: body };
    if (!cont) {
      out.push(pending);
      pending = null;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/** `load data` and `save('out')` name a MAT-file without its extension, which MATLAB adds. */
const withMat = (call: string, path: string) =>
  (call === "load" || call === "save") && !/\.[^/.*]+$/.test(path) && !path.endsWith("*") ? `${path}.mat` : path;

/** The reads and writes of a MATLAB script's text, in order; [] for Objective-C or a text too large. */
export function matlabIo(text: string): MatlabIo[] {
  if (text.length > MAX_BYTES || !isMatlabText(text)) return [];
  const out: MatlabIo[] = [];
  const vars = new Map<string, string>();
  for (const st of statements(text)) {
    // Command syntax: `load data/train.mat`, `save out/model.mat net`.
    const command = /^\s*(load|save)\s+([^\s;,(='"]+)/.exec(st.text);
    if (command && !/^\s*\w+\s+=/.test(st.text)) {
      const path = command[2]!;
      if (spells(path) && !path.startsWith("-"))
        out.push({
          path: withMat(command[1]!, path),
          line: st.line,
          call: command[1]!,
          mode: command[1] === "load" ? "read" : "write",
        });
      continue;
    }
    const list = tokens(st.text);
    // `dataDir = 'data/raw/';`, `out = fullfile(root, 'feats');`: names later calls join.
    const assign = /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(st.text);
    if (assign) {
      const eq = list.findIndex((tk) => tk.t === "p" && tk.v === "=");
      const rhs = list.slice(eq + 1);
      const semi = rhs.findIndex((tk) => tk.t === "p" && tk.v === ";");
      const value = valueOf(semi < 0 ? rhs : rhs.slice(0, semi), vars);
      if (value !== "*" && spells(value)) vars.set(assign[1]!, value);
      else vars.delete(assign[1]!);
    }
    for (let i = 0; i < list.length && out.length < MAX_RESULTS; i++) {
      const tk = list[i]!;
      if (tk.t !== "id") continue;
      const name = tk.v;
      const at = READS[name] ?? WRITES[name];
      const next = list[i + 1];
      if (at === undefined || next?.t !== "p" || next.v !== "(") continue;
      // `x.load(...)`, `obj.save(...)`: a method, not the function.
      const before = list[i - 1];
      if (before?.t === "p" && before.v === ".") continue;
      const [inner] = enclosed(list, i + 1);
      const args = splitTop(inner, false);
      const arg = args[at];
      if (!arg) continue;
      const path = valueOf(arg, vars);
      if (!spells(path) || path.startsWith("-")) continue;
      out.push({ path: withMat(name, path), line: st.line, call: name, mode: name in READS ? "read" : "write" });
    }
    // `fid = fopen('out.txt', 'w')`: a write; `fopen('in.txt')` or mode 'r': a read.
    const fopen = list.findIndex((tk, i) => tk.t === "id" && tk.v === "fopen" && list[i + 1]?.v === "(");
    if (fopen >= 0) {
      const args = splitTop(enclosed(list, fopen + 1)[0], false);
      const path = args[0] ? valueOf(args[0], vars) : "*";
      const mode = args[1] ? valueOf(args[1], vars) : "r";
      if (spells(path) && mode !== "*")
        out.push({ path, line: st.line, call: "fopen", mode: /[wa]/.test(mode) ? "write" : "read" });
    }
  }
  return out.slice(0, MAX_RESULTS);
}
