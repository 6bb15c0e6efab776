// Where a Python source uses a module attribute or module from a given set (numpy.int, PIL.Image.ANTIALIAS,
// torch._six), as the code spells it through its imports (`import numpy as np; np.int`, `from PIL import Image;
// Image.ANTIALIAS`, `from torch._six import inf`), and the removals that are no module path (ApiForms): a keyword
// of a call, a method a subclass defines, an attribute of any object. Read from the lexer's tokens, so strings and
// comments never count. Pure.
import { T, opCode, tokenize } from "./lexer.js";

export interface ApiUse {
  line: number;
  /** The API as the set names it (numpy.int). */
  api: string;
  /** As the code writes it (np.int). */
  written: string;
}

export interface ApiUses {
  uses: ApiUse[];
  /** APIs the file sets itself (`np.int = int`, a shim old code adds so that newer releases still run). */
  shims: string[];
}

/** Removals that are not a module path, each mapped to the API as the table names it. */
export interface ApiForms {
  /** Callee path → removed keyword → api. A method of an object the file makes from a class is
   * `module.Class().method` (`m = lgb.LGBMClassifier(); m.fit(...)` calls lightgbm.LGBMClassifier().fit). */
  keywords: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Base class path → method a subclass defines that the library no longer calls → api. */
  hooks: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Module root → attribute called or indexed on any object (`df.as_matrix()`, `df.ix[0]`) in a file that imports
   * that module → api: for names no other library's objects carry. */
  members: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const NO_FORMS: ApiForms = { keywords: new Map(), hooks: new Map(), members: new Map() };

const DOT = opCode(".");
const COLON = opCode(":");
const OPENERS = new Set([opCode("("), opCode("["), opCode("{")]);
const CLOSERS = new Set([opCode(")"), opCode("]"), opCode("}")]);
const SUBSCRIPT = opCode("[");
const COMMA = opCode(",");
const ASSIGN = opCode("=");
const OPEN = opCode("(");
const CLOSE = opCode(")");

/** The longest prefix of a dotted path (at least two parts) that the set holds. */
function matchOf(path: string, apis: ReadonlySet<string>): string | null {
  const parts = path.split(".");
  for (let n = parts.length; n >= 2; n--) {
    const p = parts.slice(0, n).join(".");
    if (apis.has(p)) return p;
  }
  return null;
}

/** The uses in one source of the APIs in `apis`. Bindings are the file's imports wherever they sit (one name bound
 * to two modules keeps the last), which is how such code is written: one import at the top. */
export function apiUses(
  text: string,
  apis: ReadonlySet<string>,
  notebook = false,
  forms: ApiForms = NO_FORMS,
): ApiUses {
  const t = tokenize(text, { notebook });
  const src = (k: number) => text.slice(t.start[k]!, t.end[k]!);
  const isName = (k: number, word?: string) => k < t.count && t.kind[k] === T.NAME && (!word || src(k) === word);
  const isOp = (k: number, op: number) => k < t.count && t.kind[k] === T.OP && t.op[k] === op;
  const statementStart = (k: number) =>
    k === 0 ||
    t.kind[k - 1] === T.NEWLINE ||
    t.kind[k - 1] === T.INDENT ||
    t.kind[k - 1] === T.DEDENT ||
    isOp(k - 1, opCode(";"));
  /** A dotted name from k: its text and the token after it. */
  const dotted = (k: number): [string, number] => {
    let name = src(k);
    let j = k + 1;
    while (isOp(j, DOT) && isName(j + 1)) {
      name += `.${src(j + 1)}`;
      j += 2;
    }
    return [name, j];
  };
  const bound = new Map<string, string>();
  const uses: ApiUse[] = [];
  const shims = new Set<string>();
  const use = (k: number, path: string, written: string) => {
    const api = matchOf(path, apis);
    if (api) uses.push({ line: t.line[k]!, api, written });
  };
  /** Objects the file makes by calling a class (`m = lgb.LGBMClassifier(...)`, `self.model = ...`): target → path(). */
  const made = new Map<string, string>();
  /** The file's own classes that derive from a hooked base: class name → base path. */
  const derived = new Map<string, string>();
  /** A dotted chain's path through the file's imports and made objects; null where it starts elsewhere. */
  const resolve = (chain: string): string | null => {
    const parts = chain.split(".");
    for (let n = parts.length; n >= 1; n--) {
      const object = made.get(parts.slice(0, n).join("."));
      if (object !== undefined) return [object, ...parts.slice(n)].join(".");
    }
    const root = bound.get(parts[0]!);
    return root === undefined ? null : [root, ...parts.slice(1)].join(".");
  };
  /** A hooked base a class path names: the path itself, or the same class reached by another module path of its
   * package (pytorch_lightning.core.lightning.LightningModule). */
  const hookBase = (path: string): string | null => {
    if (forms.hooks.has(path)) return path;
    const [root, last] = [path.split(".")[0], path.split(".").at(-1)];
    for (const base of forms.hooks.keys())
      if (base.split(".")[0] === root && base.split(".").at(-1) === last && path.includes(".")) return base;
    return null;
  };
  /** The keyword arguments of the call whose `(` is at `open`: [token, name]. */
  const keywordsOf = (open: number): Array<[number, string]> => {
    const out: Array<[number, string]> = [];
    let depth = 0;
    for (let j = open; j < t.count; j++) {
      if (t.kind[j] === T.OP && OPENERS.has(t.op[j]!)) depth++;
      else if (t.kind[j] === T.OP && CLOSERS.has(t.op[j]!)) {
        if (--depth === 0) break;
      } else if (depth === 1 && isName(j) && isOp(j + 1, ASSIGN) && (j - 1 === open || isOp(j - 1, COMMA)))
        out.push([j, src(j)]);
    }
    return out;
  };
  const callUses = (chain: string, path: string, open: number) => {
    const removed = forms.keywords.get(path);
    if (!removed || !isOp(open, OPEN)) return;
    for (const [j, name] of keywordsOf(open)) {
      const api = removed.get(name);
      if (api) uses.push({ line: t.line[j]!, api, written: `${chain}(${name}=…)` });
    }
  };
  /** `class Name(bases):` from k: the methods its body defines that its hooked base no longer calls. */
  const classUses = (k: number) => {
    if (!isName(k + 1) || !isOp(k + 2, OPEN)) return;
    let base: string | null = null;
    for (let j = k + 3; isName(j);) {
      const [chain, after] = dotted(j);
      const path = resolve(chain);
      base ??= derived.get(chain) ?? (path === null ? null : hookBase(path));
      if (!isOp(after, COMMA)) break;
      j = after + 1;
    }
    if (base === null) return;
    derived.set(src(k + 1), base);
    const methods = forms.hooks.get(base)!;
    // The body: past the bases' `)` and `:`, one indented block (a one-line `class A(B): pass` defines nothing).
    let j = k + 2;
    for (let depth = 0; j < t.count; j++) {
      if (t.kind[j] === T.OP && OPENERS.has(t.op[j]!)) depth++;
      else if (t.kind[j] === T.OP && CLOSERS.has(t.op[j]!) && --depth === 0) break;
    }
    if (!isOp(j + 1, COLON) || t.kind[j + 2] !== T.NEWLINE || t.kind[j + 3] !== T.INDENT) return;
    for (let depth = 1, m = j + 4; m < t.count && depth > 0; m++) {
      if (t.kind[m] === T.INDENT) depth++;
      else if (t.kind[m] === T.DEDENT) depth--;
      else if (
        depth === 1 &&
        isName(m, "def") &&
        statementStart(m - (isName(m - 1, "async") ? 1 : 0)) &&
        isName(m + 1)
      ) {
        const api = methods.get(src(m + 1));
        if (api) uses.push({ line: t.line[m]!, api, written: `def ${src(m + 1)}` });
      }
    }
  };
  /** `.name(` or `.name[` on any object, in a file that imports the module that removed it. */
  const memberUse = (k: number) => {
    if (!isOp(k + 1, OPEN) && !isOp(k + 1, SUBSCRIPT)) return;
    for (const [root, names] of forms.members) {
      const api = names.get(src(k));
      if (api && [...bound.values()].some((b) => b.split(".")[0] === root))
        uses.push({ line: t.line[k]!, api, written: `.${src(k)}${isOp(k + 1, OPEN) ? "()" : "[]"}` });
    }
  };
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.NAME) continue;
    if (statementStart(k) && isName(k, "class")) {
      if (forms.hooks.size > 0) classUses(k);
      continue;
    }
    if (statementStart(k) && forms.keywords.size > 0) {
      // target = module.Class(...): the target is an object made from that class.
      const [target, after] = dotted(k);
      if (isOp(after, ASSIGN) && isName(after + 1)) {
        const [callee, open] = dotted(after + 1);
        const path = isOp(open, OPEN) ? resolve(callee) : null;
        if (path !== null) made.set(target, `${path}()`);
        else made.delete(target);
      }
    }
    if (statementStart(k) && isName(k, "import")) {
      // import a.b [as c], d
      for (let j = k + 1; isName(j);) {
        const [module, after] = dotted(j);
        use(j, module, module);
        let next = after;
        if (isName(next, "as") && isName(next + 1)) {
          bound.set(src(next + 1), module);
          next += 2;
        } else bound.set(module.split(".")[0]!, module.split(".")[0]!);
        if (!isOp(next, COMMA)) break;
        j = next + 1;
      }
      continue;
    }
    if (statementStart(k) && isName(k, "from") && isName(k + 1)) {
      // from a.b import c [as d], (e, f)
      const [module, after] = dotted(k + 1);
      if (!isName(after, "import")) continue;
      use(k + 1, module, module);
      let j = after + 1;
      if (isOp(j, OPEN)) j++;
      while (isName(j)) {
        const name = src(j);
        const aliased = isName(j + 1, "as") && isName(j + 2);
        use(j, `${module}.${name}`, `from ${module} import ${name}`);
        bound.set(aliased ? src(j + 2) : name, `${module}.${name}`);
        j += aliased ? 3 : 1;
        if (!isOp(j, COMMA)) break;
        j++;
        if (isOp(j, CLOSE)) break;
      }
      continue;
    }
    if (isOp(k - 1, DOT)) {
      if (forms.members.size > 0) memberUse(k);
      continue;
    }
    // A chain rooted at an imported name or a made object: np.int, Image.ANTIALIAS, m.fit (not x.np.int).
    const [chain, after] = dotted(k);
    const path = resolve(chain);
    if (path === null) continue;
    callUses(chain, path, after);
    if (!isOp(k + 1, DOT) || !bound.has(src(k))) continue;
    const root = bound.get(src(k))!;
    const api = matchOf(path, apis);
    if (api === null) {
      k = after - 1;
      continue;
    }
    // As written up to the API's last part: Image.ANTIALIAS of PIL.Image.ANTIALIAS.
    const written = chain
      .split(".")
      .slice(0, api.split(".").length - root.split(".").length + 1)
      .join(".");
    if (isOp(after, ASSIGN) && written === chain) shims.add(api);
    else uses.push({ line: t.line[k]!, api, written });
    k = after - 1;
  }
  return { uses, shims: [...shims] };
}
