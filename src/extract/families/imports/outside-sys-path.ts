// sys.path entries that put a folder outside the repo on the import path: an absolute literal
// (`sys.path.append("/home/u/libs")`), or a constant the repo's Python builds from one (`PATHS.MODEL_BASE`,
// `f"{CFG.ROOT}/lib"`). Whatever such a folder holds is not in the repo. Pure over the repo view.
import type { RepoView } from "../../../model/repo-view.js";

export interface OutsideEntry {
  /** 1-based line of the sys.path call. */
  line: number;
  /** The argument as written (`PATHS.MODEL_BASE`, `'/opt/x'`). */
  written: string;
  /** The folder it resolves to (unresolved parts after the first as `*`). */
  folder: string;
}

const ENTRY = /sys\.path\.(?:insert\(\s*[^,()\n]+,|append\()\s*([^\n]*?)\)\s*(?:#.*)?$/gm;
const ABSOLUTE = /^(?:\/(?!\*)|~\/|[A-Za-z]:[\\/])/;
const NAME = /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$/;
const STRING = /^([rRfFbBuU]{0,2})(['"])(.*)\2$/;
/** How deep one constant may be built from others (`MODEL_BASE = f"{BASE}x"`, `BASE = ROOT + "/y"`). */
const DEPTH = 4;

type Lookup = (name: string, depth: number) => string | null;

/** The text an expression stands for, with what it cannot read past its start as `*`; null when even its
 * start is unknown. */
function valueOf(expr: string, lookup: Lookup, depth: number): string | null {
  const e = expr
    .trim()
    .replace(/^str\((.*)\)$/, "$1")
    .trim();
  const s = STRING.exec(e);
  if (s) {
    const body = s[3]!;
    if (!/f/i.test(s[1]!)) return body;
    // An f-string: each `{ref}` is the constant it names; the rest is unknown but does not move the start.
    let out = "";
    let at = 0;
    for (const m of body.matchAll(/\{([^{}:!]+)(?:[:!][^{}]*)?\}/g)) {
      out += body.slice(at, m.index);
      const ref = m[1]!.trim();
      const v = NAME.test(ref) ? lookup(ref, depth + 1) : null;
      if (v === null && m.index === 0) return null;
      out += v ?? "*";
      at = m.index + m[0].length;
    }
    return out + body.slice(at);
  }
  if (NAME.test(e)) return lookup(e, depth + 1);
  const join = /^os\.path\.join\((.*)\)$/.exec(e);
  if (join) {
    const [first, ...rest] = join[1]!.split(",");
    const head = valueOf(first!, lookup, depth);
    return head === null
      ? null
      : [head.replace(/\/+$/, ""), ...rest.map((r) => valueOf(r, lookup, depth) ?? "*")].join("/");
  }
  const plus = /^(.+?)\s*\+\s*(.+)$/.exec(e);
  if (plus) {
    const head = valueOf(plus[1]!, lookup, depth);
    return head === null ? null : head + (valueOf(plus[2]!, lookup, depth) ?? "*");
  }
  return null;
}

/** A lookup of module-level and class-level constants by their last name, the file's own first. */
function constantLookup(view: RepoView, own: string): Lookup {
  let sources: { path: string; text: string }[] | null = null;
  const all = () =>
    (sources ??= [...view.python()]
      .filter((p) => !p.path.endsWith(".ipynb"))
      .sort((a, b) => (a.path === own ? -1 : b.path === own ? 1 : 0)));
  const lookup: Lookup = (name, depth) => {
    if (depth > DEPTH) return null;
    const last = name.split(".").pop()!;
    const def = new RegExp(`^[ \\t]*${last}[ \\t]*(?::[^=\\n]+)?=[ \\t]*([^\\n#]+?)[ \\t]*(?:#.*)?$`, "m");
    for (const source of all()) {
      const m = def.exec(source.text);
      if (!m) continue;
      const v = valueOf(m[1]!, lookup, depth);
      if (v !== null) return v;
    }
    return null;
  };
  return lookup;
}

/** The entries of one Python file that put a folder outside the repo on sys.path. */
export function outsideSysPathEntries(view: RepoView, path: string, text: string): OutsideEntry[] {
  if (!text.includes("sys.path")) return [];
  const out: OutsideEntry[] = [];
  let lookup: Lookup | null = null;
  for (const m of text.matchAll(ENTRY)) {
    const written = m[1]!.trim();
    const folder = valueOf(written, (lookup ??= constantLookup(view, path)), 0);
    if (folder === null || !ABSOLUTE.test(folder)) continue;
    out.push({ line: text.slice(0, m.index).split("\n").length, written, folder });
  }
  return out;
}
