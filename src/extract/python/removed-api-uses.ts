// Where a Python source uses a module attribute or module from a given set (numpy.int, PIL.Image.ANTIALIAS,
// torch._six), as the code spells it through its imports (`import numpy as np; np.int`, `from PIL import Image;
// Image.ANTIALIAS`, `from torch._six import inf`). Read from the lexer's tokens, so strings and comments never
// count. Pure.
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

const DOT = opCode(".");
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
export function apiUses(text: string, apis: ReadonlySet<string>, notebook = false): ApiUses {
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
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.NAME) continue;
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
    // A chain rooted at an imported name: np.int, Image.ANTIALIAS (not x.np.int, not a bare np).
    if (isOp(k - 1, DOT) || !isOp(k + 1, DOT)) continue;
    const root = bound.get(src(k));
    if (root === undefined) continue;
    const [chain, after] = dotted(k);
    const api = matchOf(root + chain.slice(src(k).length), apis);
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
