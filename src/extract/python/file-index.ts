// One pass per Python source: tokens -> the compact index every Python extractor reads (tokens dropped).
import type { PythonSource } from "../../model/repo-view.js";
import { ArgReader, type PyArg, type PyCall } from "./call-args.js";
import { T, logicalLines, opCode, tokenize, type LexError } from "./lexer.js";
import { unboundNames, type NameUse } from "./names-lexical.js";
import { structureError } from "./structure.js";
import { hintKind } from "./hints.js";
import { SETUP_CALLS, TORCHVISION_BUILDER, setupKind } from "./setup-hints.js";

export interface PyImport {
  line: number;
  /** Dotted module as written, without leading dots ("" for `from . import x`). */
  module: string;
  /** Leading dots of a relative import (0 = absolute). */
  level: number;
  /** Names imported by `from m import a, b` (for `from . import x`, x may be a module). */
  names: string[];
}

export interface PyAssign {
  line: number;
  /** Target as written: "EPOCHS", "CFG.epochs", "self.lr". */
  target: string;
  value: PyArg;
  /** A class attribute or dict-literal entry (`'epochs': 10`) rather than a statement. */
  entry: boolean;
}

export interface PyKwarg {
  line: number;
  callee: string;
  arg: PyArg;
}

export interface PyPlaceholder {
  line: number;
  kind: "not-implemented" | "todo" | "fixme" | "ellipsis-body";
  text: string;
}

export interface PyFileIndex {
  path: string;
  lineMap?: PythonSource["lineMap"];
  notebook: boolean;
  bytes: number;
  /** First syntax error the lexer or statement checks found; null when none was seen. */
  syntaxError: LexError | null;
  imports: PyImport[];
  /** String literals that look like paths ("/x", "~/x", "C:\\x", "./x", "../x"), with their lines. */
  pathStrings: Array<{ line: number; value: string }>;
  /** Calls whose callee's last name is one the extractors care about (readers, loaders, argparse...). */
  calls: PyCall[];
  /** Keyword arguments of any call whose name is a training hint (epochs=, n_splits=, batch_size=...). */
  kwargs: PyKwarg[];
  assigns: PyAssign[];
  placeholders: PyPlaceholder[];
  hasMain: boolean;
  starImport: boolean;
  /** Names loaded and bound nowhere in the file (see names-lexical.ts); "dynamic" when exec/globals() are used. */
  unbound: NameUse[] | "dynamic";
  /** Tree-sitter's verdicts from one parse (tree-facts.ts), where the index was prepared with them. */
  tree?: PyTreeFacts;
}

export interface PyTreeFacts {
  /** First ERROR or MISSING node of the parse; null for a clean parse. */
  error: LexError | null;
  /** The `unbound` candidates the parse confirmed, at their first load. */
  unbound: NameUse[];
}

export const INTERESTING_CALLS = new Set(
  ("read_csv read_table read_parquet read_feather read_pickle read_json read_excel read_hdf read_fwf open imread " +
    "imread_collection load loadtxt genfromtxt fromfile memmap listdir glob iglob scandir walk read_image load_img " +
    "image_dataset_from_directory flow_from_directory ImageFolder dcmread read_file File load_weights load_model " +
    "from_pretrained load_from_checkpoint load_checkpoint Booster create_model add_argument option " +
    "KFold StratifiedKFold GroupKFold StratifiedGroupKFold MultilabelStratifiedKFold").split(" "),
);

/** A name the training or training-setup families read (hints.ts, setup-hints.ts). */
const hinted = (name: string): boolean => hintKind(name) !== null || setupKind(name) !== null;
const interestingCall = (name: string): boolean => INTERESTING_CALLS.has(name) || SETUP_CALLS.has(name) || TORCHVISION_BUILDER.test(name);

const PATHLIKE = /^(?:\/[^\s/]|~\/|[A-Za-z]:[\\/]|\.\.?\/)/;
const COMMENT_MARK = /\b(TODO|FIXME)\b/;

export function indexPythonFile(source: PythonSource): PyFileIndex {
  const index = indexPythonText(source.path, source.text, source.lineMap !== undefined);
  if (source.lineMap) index.lineMap = source.lineMap;
  return index;
}

/** The index of one text without the notebook line map (worker threads send only path, text and kind). */
export function indexPythonText(path: string, text: string, notebook: boolean): PyFileIndex {
  const t = tokenize(text, { notebook });
  const lines = logicalLines(t);
  const str = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const isOp = (k: number, s: string) => t.op[k] === opCode(s);
  const syntaxError = t.error ?? structureError(text, t, lines);
  const index: PyFileIndex = {
    path,
    notebook,
    bytes: text.length,
    syntaxError,
    imports: [],
    pathStrings: [],
    calls: [],
    kwargs: [],
    assigns: [],
    placeholders: [],
    hasMain: false,
    starImport: false,
    unbound: [],
  };
  const constants = new Map<string, string>();
  const reader = new ArgReader(text, t, constants);

  // Statements: imports, assignments (constants feed later path resolution), placeholders, __main__.
  let decorators: string[] = [];
  const defs: Array<{ depth: number; decorators: string[]; stmts: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const { from, to, depth } = lines[i]!;
    while (defs.length && defs[defs.length - 1]!.depth >= depth) defs.pop();
    const inDef = defs[defs.length - 1];
    const bodyStmt = inDef && inDef.depth + 1 === depth ? inDef.stmts++ : -1;
    const head = t.kind[from] === T.NAME ? str(from) : "";
    if (isOp(from, "@")) {
      decorators.push(str(from + 1 + (isOp(from + 2, ".") ? 2 : 0)));
      continue;
    }
    if (head === "import" || head === "from") readImport(from, to);
    else if (head === "def" || (head === "async" && str(from + 1) === "def")) {
      defs.push({ depth, decorators, stmts: 0 });
      const colon = lastColon(from, to);
      if (colon > 0 && colon === to - 2 && isOp(to - 1, "...") && !skipsPlaceholders(decorators))
        index.placeholders.push({ line: t.line[from]!, kind: "ellipsis-body", text: lineText(from) });
    } else if (head === "raise" && str(from + 1) === "NotImplementedError") {
      if (!inDef || !skipsPlaceholders(inDef.decorators)) index.placeholders.push({ line: t.line[from]!, kind: "not-implemented", text: lineText(from) });
    } else if (to === from + 1 && isOp(from, "...") && inDef && bodyStmt <= 1 && (lines[i + 1]?.depth ?? 0) < depth && !skipsPlaceholders(inDef.decorators)) {
      const first = lines[i - 1]!;
      if (bodyStmt === 0 || (first.to === first.from + 1 && t.kind[first.from] === T.STRING))
        index.placeholders.push({ line: t.line[from]!, kind: "ellipsis-body", text: "..." });
    } else if (head === "if" && str(from + 1) === "__name__" && to - from >= 4 && t.value.get(from + 3) === "__main__") index.hasMain = true;
    else readAssignment(from, to, depth);
    decorators = [];
  }

  // Calls, keyword arguments, dict entries and path-like strings, in one scan with a bracket stack.
  // The bracket stack holds the token of the callee's last name, -1 for a non-call bracket, -2 for `{`.
  const callees: number[] = [];
  for (let k = 0; k < t.count; k++) {
    const kind = t.kind[k];
    if (kind === T.STRING) {
      const v = t.value.get(k)!;
      if (v.length < 400 && PATHLIKE.test(v)) index.pathStrings.push({ line: t.line[k]!, value: v });
      if (isOp(k + 1, ":") && callees[callees.length - 1] === -2 && hinted(v)) {
        const end = argEnd(k + 2);
        index.assigns.push({ line: t.line[k]!, target: v, value: reader.value(null, k + 2, end), entry: true });
      }
      continue;
    }
    if (kind !== T.OP) continue;
    const op = t.op[k]!;
    if (op === 40 || op === 91 || op === 123) {
      const isCall = op === 40 && t.kind[k - 1] === T.NAME;
      callees.push(op === 123 ? -2 : isCall ? k - 1 : -1);
      if (isCall && interestingCall(str(k - 1))) {
        const callee = calleeBefore(k - 1);
        index.calls.push({ line: t.line[k]!, callee, args: reader.args(k), decorator: isOp(k - 2 - 2 * dots(callee), "@") });
      }
    } else if (op === 41 || op === 93 || op === 125) callees.pop();
    else if (op === 61 && t.kind[k - 1] === T.NAME && (isOp(k - 2, "(") || isOp(k - 2, ","))) {
      const name = str(k - 1);
      const callee = callees[callees.length - 1] ?? -1;
      if (callee >= 0 && hinted(name))
        index.kwargs.push({ line: t.line[k]!, callee: calleeBefore(callee), arg: reader.value(name, k + 1, argEnd(k + 1)) });
    }
  }

  for (const c of t.comments) {
    const m = COMMENT_MARK.exec(c.text);
    if (m) index.placeholders.push({ line: c.line, kind: m[1] === "TODO" ? "todo" : "fixme", text: c.text.trim().slice(0, 200) });
  }
  index.placeholders.sort((a, b) => a.line - b.line);
  index.unbound = syntaxError || index.starImport ? [] : unboundNames(text, t, lines);
  return index;

  function dots(callee: string): number {
    let n = 0;
    for (let i = callee.indexOf("."); i >= 0; i = callee.indexOf(".", i + 1)) n++;
    return n;
  }
  function calleeBefore(k: number): string {
    let name = str(k);
    while (isOp(k - 1, ".") && t.kind[k - 2] === T.NAME) {
      k -= 2;
      name = `${str(k)}.${name}`;
    }
    return name;
  }
  function argEnd(a: number): number {
    let depth = 0;
    for (let k = a; k < t.count; k++) {
      if (t.kind[k] === T.NEWLINE) return k;
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) {
        if (depth === 0) return k;
        depth--;
      } else if (op === 44 && depth === 0) return k;
    }
    return t.count;
  }
  function lastColon(from: number, to: number): number {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) depth--;
      else if (op === 58 && depth === 0) return k;
    }
    return -1;
  }
  function lineText(from: number): string {
    const start = t.start[from]!;
    const end = text.indexOf("\n", start);
    return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 200);
  }
  function skipsPlaceholders(decos: string[]): boolean {
    return decos.some((d) => d === "abstractmethod" || d === "overload" || d === "abstractproperty");
  }
  function readImport(from: number, to: number): void {
    const line = t.line[from]!;
    if (str(from) === "import") {
      for (const [a, b] of items(from + 1, to)) {
        index.imports.push({ line, module: dotted(a, b), level: 0, names: [] });
      }
      return;
    }
    let k = from + 1;
    let level = 0;
    for (; k < to && (isOp(k, ".") || isOp(k, "...")); k++) level += str(k).length;
    let m = k;
    while (m < to && str(m) !== "import") m++;
    const module = dotted(k, m);
    const names = items(m + 1, to).map(([a]) => str(a)).filter((n) => n !== "(" && n !== ")");
    if (names.includes("*")) index.starImport = true;
    index.imports.push({ line, module, level, names });
  }
  /** Comma-separated items of an import list, parentheses ignored: [first token, end). */
  function items(a: number, b: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let from = a;
    for (let k = a; k <= b; k++) {
      if (k === b || isOp(k, ",")) {
        let x = from;
        while (x < k && (isOp(x, "(") || isOp(x, ")"))) x++;
        let y = x;
        while (y < k && !(t.kind[y] === T.NAME && str(y) === "as") && !isOp(y, ")")) y++;
        if (y > x) out.push([x, y]);
        from = k + 1;
      }
    }
    return out;
  }
  function dotted(a: number, b: number): string {
    let s = "";
    for (let k = a; k < b; k++) s += str(k);
    return s;
  }
  function readAssignment(from: number, to: number, depth: number): void {
    // NAME [. NAME]* [: annotation] = value   (single target only)
    let k = from;
    if (t.kind[k] !== T.NAME) return;
    while (isOp(k + 1, ".") && t.kind[k + 2] === T.NAME) k += 2;
    let eq = k + 1;
    if (isOp(eq, ":")) while (eq < to && !isOp(eq, "=")) eq++;
    if (!isOp(eq, "=") || eq + 1 >= to) return;
    const target = text.slice(t.start[from]!, t.end[k]!);
    const hint = hinted(target);
    let hasString = false;
    for (let x = eq + 1; x < to && !hasString; x++) hasString = t.kind[x] === T.STRING;
    if (!hint && !hasString) return;
    const value = reader.value(null, eq + 1, to);
    if (k === from && value.path !== null && (value.kind === "string" || value.kind === "other" || value.kind === "name")) constants.set(target, value.path);
    if (hint) index.assigns.push({ line: t.line[from]!, target, value, entry: depth > 0 && k === from });
  }
}
