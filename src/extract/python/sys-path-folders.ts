// The repo folders a Python file puts on sys.path itself (`sys.path.append('src')`, `sys.path.insert(0, '../src')`,
// `sys.path.append(os.path.join(os.path.dirname(__file__), 'src'))`, `Path(__file__).parent / 'src'`): the
// imports after it are found there. A relative entry is read from the step's working folder, then from the
// file's own folder (an author who ran it from there); one built from `__file__` from the file itself. Entries
// outside the repo (absolute, or climbing above its root) name nothing of it. Pure.
import { joinRel } from "../shell/readme-commands.js";

const ENTRY = /sys\.path\.(?:insert\(\s*[^,()\n]+,|append\()\s*([^\n]*?)\)\s*(?:#.*)?$/gm;
const STRING = /^[rRuU]?(['"])([^'"\n]*)\1$/;

/** A path an expression stands for: from the working folder (`rel`) or already from the repo root. */
type Value = { from: "cwd" | "root"; path: string };

const parent = (v: Value): Value => ({ ...v, path: joinRel(v.path, "..") });

/** The top-level comma-separated arguments of a call's inside. */
function args(inside: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i]!;
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  out.push(inside.slice(start));
  return out.map((a) => a.trim()).filter((a) => a !== "");
}

/** The one call `name(...)` that spans the whole expression: its inside, else null. */
function wholeCall(expr: string, name: RegExp): string | null {
  const m = name.exec(expr);
  if (!m || m.index !== 0 || !expr.endsWith(")")) return null;
  const inside = expr.slice(m[0].length, -1);
  let depth = 0;
  for (const c of inside) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return null;
  }
  return depth === 0 ? inside : null;
}

function valueOf(expr: string, file: string, depth = 0): Value | null {
  const e = expr.trim();
  if (depth > 12 || e === "") return null;
  const s = STRING.exec(e);
  if (s) return s[2]!.startsWith("/") || /^[A-Za-z]:|^~/.test(s[2]!) ? null : { from: "cwd", path: s[2]! };
  if (e === "__file__") return { from: "root", path: file };
  if (/^os\.getcwd\(\)$|^Path\.cwd\(\)$/.test(e)) return { from: "cwd", path: "" };
  // Wrappers that keep the path: str(), abspath(), realpath(), Path(), .resolve(), .absolute().
  for (const wrap of [/^str\(/, /^os\.path\.(?:abspath|realpath|normpath)\(/, /^(?:pathlib\.)?Path\(/]) {
    const inside = wholeCall(e, wrap);
    if (inside !== null) return valueOf(inside, file, depth + 1);
  }
  const dirname = wholeCall(e, /^os\.path\.dirname\(/);
  if (dirname !== null) {
    const v = valueOf(dirname, file, depth + 1);
    return v && parent(v);
  }
  const join = wholeCall(e, /^os\.path\.join\(/);
  if (join !== null) {
    const [first, ...rest] = args(join);
    let v = first === undefined ? null : valueOf(first, file, depth + 1);
    for (const part of rest) {
      const p = STRING.exec(part);
      if (!v || !p) return null;
      v = { ...v, path: joinRel(v.path, p[2]!) };
    }
    return v;
  }
  const method = /^(.*)\.(?:resolve|absolute)\(\)$/.exec(e);
  if (method) return valueOf(method[1]!, file, depth + 1);
  const up = /^(.*)\.parent$/.exec(e);
  if (up) {
    const v = valueOf(up[1]!, file, depth + 1);
    return v && parent(v);
  }
  const ups = /^(.*)\.parents\[(\d)\]$/.exec(e);
  if (ups) {
    let v = valueOf(ups[1]!, file, depth + 1);
    for (let i = 0; v && i <= Number(ups[2]); i++) v = parent(v);
    return v;
  }
  const slash = /^(.*)\/\s*([rRuU]?(['"])[^'"\n]*\3)$/.exec(e);
  if (slash) {
    const v = valueOf(slash[1]!, file, depth + 1);
    return v && { ...v, path: joinRel(v.path, STRING.exec(slash[2]!)![2]!) };
  }
  return null;
}

/**
 * The repo folders `text` (the Python file `file`) adds to sys.path, for a step run from `cwd` ("" or "." for the
 * root); `isDir` says which folders the repo has.
 */
export function sysPathFolders(text: string, file: string, cwd: string, isDir: (p: string) => boolean): string[] {
  if (!text.includes("sys.path")) return [];
  const here = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  const start = cwd === "." ? "" : cwd;
  const out: string[] = [];
  for (const m of text.matchAll(ENTRY)) {
    const v = valueOf(m[1]!, file);
    if (!v) continue;
    const tries = v.from === "root" ? [v.path] : [joinRel(start, v.path), joinRel(here, v.path)];
    const found = tries.find((p) => !p.startsWith("..") && (p === "" || isDir(p)));
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out;
}
