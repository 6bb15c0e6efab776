// Paths as the repo sees them: a path written in a file, resolved from that file's folder or from the
// root, as segments; and whether two such paths name the same file, or one lies in the other. Pure.
//
// Unknown parts are `*` (a variable, an f-string field); a path whose start is unknown (absolute, a
// variable root, climbing out of the repo) keeps only its known tail and matches on that tail.

export interface Located {
  segs: string[];
  /** The segments start at the repo root; false: only the tail is known. */
  anchored: boolean;
}

const ABSOLUTE = /^(?:\/|~\/|~$|[A-Za-z]:\/)/;

/** The ways a path written in `fromFile` may land in the repo: from the file's folder and from the root. */
export function locate(path: string, fromFile: string): Located[] {
  const p = path
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/")
    .replace(/\/+$/, "");
  if (p === "" || p === ".") return [];
  if (ABSOLUTE.test(p)) return [tail(p.replace(/^(?:~|[A-Za-z]:)/, "").split("/"))];
  const parts = p.split("/");
  if (parts[0] === "*" || parts[0] === "**" || parts[0]!.startsWith("$")) return [tail(parts)];
  const dir = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : "";
  const out = [normalize(dir ? `${dir}/${p}` : p)];
  if (dir && !p.startsWith("../")) out.push(normalize(p));
  return out.filter(
    (l, i) =>
      l.segs.length > 0 &&
      out.findIndex((o) => o.anchored === l.anchored && o.segs.join("/") === l.segs.join("/")) === i,
  );
}

/** Known segments after the last unknown one at the start. The last segment is the name, a glob's `*` too
 * (`/data/x/ROI_images/*` lists that folder's files), when a known folder stands before it. */
function tail(parts: string[]): Located {
  const segs = parts.filter((s) => s !== "" && s !== "." && s !== "~");
  const unknown = (s: string) => s === "*" || s === "**" || s.startsWith("$") || s === "..";
  let start = 0;
  for (let i = 0; i < segs.length - 1; i++) if (unknown(segs[i]!)) start = i + 1;
  if (start === segs.length - 1 && unknown(segs[start]!)) start = segs.length;
  return { segs: segs.slice(start), anchored: false };
}

function normalize(path: string): Located {
  const out: string[] = [];
  let anchored = true;
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0) out.pop();
      else anchored = false; // climbs out of the repo: only what follows is known
    } else out.push(part);
  }
  return { segs: out, anchored };
}

const globCache = new Map<string, RegExp>();
function glob(seg: string): RegExp {
  let re = globCache.get(seg);
  if (!re) {
    re = new RegExp(
      `^${seg
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    globCache.set(seg, re);
  }
  return re;
}

/** Two segments that may name the same thing, either one holding `*` wildcards. */
export function segmentsMatch(a: string, b: string): boolean {
  if (a === b || a === "*" || b === "*" || a === "**" || b === "**") return true;
  const aw = a.includes("*");
  const bw = b.includes("*");
  if (!aw && !bw) return false;
  return (aw && glob(a).test(b.replace(/\*/g, ""))) || (bw && glob(b).test(a.replace(/\*/g, "")));
}

/** Compare `a` backwards from index `ai` with `b` backwards from `bi`, `n` segments. */
function alignedBack(a: string[], ai: number, b: string[], bi: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!segmentsMatch(a[ai - k]!, b[bi - k]!)) return false;
  return true;
}

/** Do the two paths name the same file? Anchored paths must agree whole; otherwise the known tails must
 * agree over at least two segments (one when either has only one). */
export function sameFile(a: Located, b: Located): boolean {
  if (a.segs.length === 0 || b.segs.length === 0) return false;
  if (a.anchored && b.anchored)
    return (
      a.segs.length === b.segs.length &&
      alignedBack(a.segs, a.segs.length - 1, b.segs, b.segs.length - 1, a.segs.length)
    );
  const n = Math.min(a.segs.length, b.segs.length);
  return alignedBack(a.segs, a.segs.length - 1, b.segs, b.segs.length - 1, n);
}

/** Does `path` lie inside `folder` (not the folder itself)? Anchored both: a prefix. Otherwise the folder's
 * known tail must end at one of the path's folders, agreeing over two segments at least (one when the
 * folder has only one); a path anchored at the root must hold the whole tail. */
export function inside(path: Located, folder: Located): boolean {
  const p = path.segs;
  const f = folder.segs;
  if (f.length === 0 || p.length < 2) return false;
  if (path.anchored && folder.anchored)
    return f.length < p.length && alignedBack(f, f.length - 1, p, f.length - 1, f.length);
  for (let j = p.length - 2; j >= 0; j--) {
    const n = Math.min(f.length, j + 1);
    if ((path.anchored && n < f.length) || n < Math.min(2, f.length)) continue;
    if (alignedBack(f, f.length - 1, p, j, n)) return true;
  }
  return false;
}
