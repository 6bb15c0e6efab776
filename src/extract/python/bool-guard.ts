// Whether Python's short-circuit evaluation reaches one call in a condition: `a or (a is None and ask())` never
// calls `ask()` when `a` is True or False. The condition is read as `or`/`and`/`not`, `is [not] None`, `==`/`!=`
// between literals and names, with the call written as the marker `__REACHED__`; any other operand (a call, a
// subscript) is a value the audit does not know. Pure.

/** A value as the guard sees it: a literal, or null where it is unknown. */
export type GuardValue = "True" | "False" | "None" | "truthy" | "falsy" | null;
/** Whether the marker is evaluated: surely, perhaps, or never. */
export type Reach = "yes" | "maybe" | "no";

export const MARKER = "__REACHED__";

type Node =
  | { t: "or" | "and"; items: Node[] }
  | { t: "not"; x: Node }
  | { t: "cmp"; op: string; l: Node; r: Node }
  | { t: "name"; name: string }
  | { t: "lit"; v: GuardValue }
  | { t: "marker" }
  | { t: "opaque"; marker: boolean };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|([rRbBfFuU]{0,2}(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))|([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)|(==|!=|<=|>=|<|>|[()[\],{}:.+\-*/%]))/y;

function tokenize(text: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return null;
    out.push(m[3] !== undefined ? m[3].replace(/\s+/g, "") : (m[1] ?? m[2] ?? m[4]!));
    at = TOKEN.lastIndex;
  }
  return out;
}

const truth = (v: GuardValue): boolean | null =>
  v === "True" || v === "truthy" ? true : v === "False" || v === "None" || v === "falsy" ? false : null;

function literal(token: string): GuardValue | undefined {
  if (token === "True" || token === "False" || token === "None") return token;
  if (/^\d/.test(token)) return Number(token) === 0 ? "falsy" : "truthy";
  if (/^[rRbBfFuU]{0,2}["']/.test(token)) return token.replace(/^[rRbBfFuU]+/, "").length > 2 ? "truthy" : "falsy";
  return undefined;
}

/** The condition as a tree; null where it does not parse as the operators read here. */
function parse(tokens: readonly string[]): Node | null {
  let i = 0;
  const peek = () => tokens[i];
  const orExpr = (): Node | null => chain("or", andExpr);
  const andExpr = (): Node | null => chain("and", notExpr);
  function chain(op: "or" | "and", next: () => Node | null): Node | null {
    const first = next();
    if (!first) return null;
    const items = [first];
    while (peek() === op) {
      i++;
      const more = next();
      if (!more) return null;
      items.push(more);
    }
    return items.length === 1 ? first : { t: op, items };
  }
  function notExpr(): Node | null {
    if (peek() !== "not") return comparison();
    i++;
    const x = notExpr();
    return x ? { t: "not", x } : null;
  }
  function comparison(): Node | null {
    const l = primary();
    if (!l) return null;
    let op: string | null = null;
    if (peek() === "is") {
      i++;
      op = "is";
      if (peek() === "not") (i++, (op = "is not"));
    } else if (peek() === "not" && tokens[i + 1] === "in") ((i += 2), (op = "not in"));
    else if (["==", "!=", "<", ">", "<=", ">=", "in"].includes(peek() ?? "")) op = tokens[i++]!;
    if (op === null) return l;
    const r = primary();
    return r ? { t: "cmp", op, l, r } : null;
  }
  function primary(): Node | null {
    const token = tokens[i++];
    if (token === undefined) return null;
    let node: Node;
    if (token === "(") {
      const inner = orExpr();
      if (!inner || tokens[i++] !== ")") return null;
      node = inner;
    } else if (token === MARKER) node = { t: "marker" };
    else if (literal(token) !== undefined) node = { t: "lit", v: literal(token)! };
    else if (/^[A-Za-z_]/.test(token) && !["and", "or", "not", "is", "in"].includes(token))
      node = { t: "name", name: token };
    else return null;
    // A call or a subscript after it: a value the audit does not know (the marker may sit inside).
    while (peek() === "(" || peek() === "[" || peek() === ".") {
      if (peek() === ".") {
        i += 2;
        node = { t: "opaque", marker: hasMarker(node) };
        continue;
      }
      const inside = balanced();
      if (inside === null) return null;
      node = { t: "opaque", marker: hasMarker(node) || inside };
    }
    return node;
  }
  /** Skips a bracketed group from its opening token; whether the marker is inside; null when it does not close. */
  function balanced(): boolean | null {
    let depth = 0;
    let marker = false;
    do {
      const token = tokens[i++];
      if (token === undefined) return null;
      if (token === "(" || token === "[" || token === "{") depth++;
      else if (token === ")" || token === "]" || token === "}") depth--;
      else if (token === MARKER) marker = true;
    } while (depth > 0);
    return marker;
  }
  const tree = orExpr();
  return tree && i === tokens.length ? tree : null;
}

function hasMarker(node: Node): boolean {
  switch (node.t) {
    case "marker":
      return true;
    case "opaque":
      return node.marker;
    case "or":
    case "and":
      return node.items.some(hasMarker);
    case "not":
      return hasMarker(node.x);
    case "cmp":
      return hasMarker(node.l) || hasMarker(node.r);
    default:
      return false;
  }
}

/** The dotted names the condition reads: "overwrite", "args.force", "cfg.common.overwrite". */
export function guardNames(condition: string): string[] {
  const tree = parseCondition(condition);
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.t === "name") out.push(n.name);
    else if (n.t === "or" || n.t === "and") n.items.forEach(walk);
    else if (n.t === "not") walk(n.x);
    else if (n.t === "cmp") (walk(n.l), walk(n.r));
  };
  if (tree) walk(tree);
  return [...new Set(out)];
}

function parseCondition(condition: string): Node | null {
  const tokens = tokenize(condition);
  return tokens && tokens.length <= 400 ? parse(tokens) : null;
}

interface Outcome {
  value: GuardValue;
  reach: Reach;
}

const later = (reach: Reach, certain: boolean): Reach => (reach === "yes" && !certain ? "maybe" : reach);
const joined = (a: Reach, b: Reach): Reach =>
  a === "yes" || b === "yes" ? "yes" : a === "maybe" || b === "maybe" ? "maybe" : "no";

function evaluate(node: Node, env: (name: string) => GuardValue): Outcome {
  switch (node.t) {
    case "marker":
      return { value: null, reach: "yes" };
    case "opaque":
      return { value: null, reach: node.marker ? "maybe" : "no" };
    case "lit":
      return { value: node.v, reach: "no" };
    case "name":
      return { value: env(node.name), reach: "no" };
    case "not": {
      const x = evaluate(node.x, env);
      const t = truth(x.value);
      return { value: t === null ? null : t ? "False" : "True", reach: x.reach };
    }
    case "cmp": {
      const l = evaluate(node.l, env);
      const r = evaluate(node.r, env);
      return { value: compared(node.op, l.value, r.value), reach: joined(l.reach, r.reach) };
    }
    default: {
      // `or` stops at the first truthy operand, `and` at the first falsy one.
      const stopsAt = node.t === "or";
      let reach: Reach = "no";
      let certain = true;
      let value: GuardValue = null;
      for (const item of node.items) {
        const o = evaluate(item, env);
        reach = joined(reach, later(o.reach, certain));
        value = o.value;
        const t = truth(o.value);
        // Operands before it either stopped there with the same truth, or passed on to it.
        if (t === stopsAt) return { value: certain ? value : stopsAt ? "truthy" : "falsy", reach };
        if (t === null) certain = false;
      }
      return { value: certain ? value : null, reach };
    }
  }
}

function compared(op: string, l: GuardValue, r: GuardValue): GuardValue {
  const exact = (v: GuardValue) => v === "True" || v === "False" || v === "None";
  if (op === "is" || op === "is not") {
    if (r !== "None" || l === null) return null;
    return (l === "None") === (op === "is") ? "True" : "False";
  }
  if ((op === "==" || op === "!=") && exact(l) && exact(r)) return (l === r) === (op === "==") ? "True" : "False";
  return null;
}

/** Whether evaluating `condition` (the marker in it) reaches the marker, given the names' values; null when the
 * condition does not parse or holds no marker. */
export function reachesMarker(condition: string, env: (name: string) => GuardValue): Reach | null {
  const tree = parseCondition(condition);
  if (!tree || !hasMarker(tree)) return null;
  return evaluate(tree, env).reach;
}
