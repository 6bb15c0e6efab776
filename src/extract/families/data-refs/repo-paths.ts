// Does a path a program reads exist in the repo? Tries it as written, relative to the reading file, and
// with machine-specific roots stripped (/kaggle/input/<slug>/, /content/drive/..., a home folder).
import type { RepoView } from "../../../model/repo-view.js";

export class RepoPaths {
  private sorted: string[] | null = null;
  private byBase: Map<string, string[]> | null = null;
  private readonly memo = new Map<string, boolean>();
  constructor(private readonly view: RepoView) {}

  exists(path: string, fromFile: string): boolean {
    return this.candidates(path, fromFile).some((c) => {
      let hit = this.memo.get(c);
      if (hit === undefined) this.memo.set(c, (hit = this.matches(c)));
      return hit;
    });
  }

  candidates(path: string, fromFile: string): string[] {
    const p = path.replace(/\\/g, "/").replace(/\/+$/, "");
    const out: string[] = [];
    const kaggle = /^(?:\/kaggle\/input|(?:\.\.\/)+input)\/([^/]+)\/?(.*)$/.exec(p);
    if (kaggle) {
      const [, slug, rest] = kaggle;
      if (rest) out.push(rest, `data/${rest}`, `input/${rest}`);
      out.push(`${slug}/${rest}`, `input/${slug}/${rest}`, `data/${slug}/${rest}`);
      return out.map((c) => c.replace(/\/$/, ""));
    }
    if (p.startsWith("/") || /^[A-Za-z]:\//.test(p) || p.startsWith("~/")) {
      // Machine-specific prefix: any tail of at least one segment may be the repo's copy.
      const parts = p
        .replace(/^[A-Za-z]:/, "")
        .split("/")
        .filter((s) => s && s !== "~");
      for (let i = 1; i < parts.length; i++) out.push(parts.slice(i).join("/"));
      // Or committed beside the reading script (`F:\\stat1.csv` read by `a/run.py`, with `a/stat1.csv` shipped).
      const dir = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : "";
      for (let i = 0; i < parts.length; i++) {
        const tail = parts.slice(i).join("/");
        // A bare pattern (`*`) beside the script names nothing; it would match the script itself.
        if (!/\w/.test(tail.replace(/\*/g, ""))) continue;
        if (dir !== "" || i === parts.length - 1) out.push(dir ? `${dir}/${tail}` : tail);
      }
      return [...new Set(out)];
    }
    const clean = p.replace(/^(?:\.\/)+/, "");
    const dir = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : "";
    out.push(normalize(dir ? `${dir}/${clean}` : clean));
    out.push(clean.replace(/^(?:\.\.\/)+/, ""));
    return out.filter((c) => c !== "" && c !== null) as string[];
  }

  private matches(candidate: string): boolean {
    if (!candidate.includes("*")) return this.view.has(candidate) || this.view.isDir(candidate);
    // A glob: look up by a literal base name, else binary-search the literal prefix, then test the pattern.
    // `**` spans folders, `*` stays within one; a pattern may also end at a folder.
    const re = new RegExp(
      `^${candidate
        .split(/(\*\*\/?|\*)/)
        .map((s) => (s.startsWith("**") ? "(?:.*/)?" : s === "*" ? "[^/]*" : s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
        .join("")}(?:/|$)`,
    );
    const base = candidate.slice(candidate.lastIndexOf("/") + 1);
    if (!base.includes("*")) {
      if (!this.byBase) {
        this.byBase = new Map();
        for (const f of this.view.files()) {
          const name = f.path.slice(f.path.lastIndexOf("/") + 1);
          const list = this.byBase.get(name);
          if (list) list.push(f.path);
          else this.byBase.set(name, [f.path]);
        }
      }
      if ((this.byBase.get(base) ?? []).some((p) => re.test(p))) return true;
      // A folder of the repo under an unknown root (`os.listdir(os.path.join(args.data, "splits"))`): a file in it.
      return this.sortedPaths().some((p) => (p.startsWith(`${base}/`) || p.includes(`/${base}/`)) && re.test(p));
    }
    const prefix = candidate.slice(0, candidate.indexOf("*"));
    this.sorted = this.sortedPaths();
    // Nothing literal before the first wildcard: the pattern needs a literal tail (`**/*.py`) to test every file.
    if (prefix === "") return /[^*/]{2,}$/.test(candidate) && this.sorted.some((p) => re.test(p));
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++)
      if (re.test(this.sorted[i]!)) return true;
    return false;
  }

  private sortedPaths(): string[] {
    return (this.sorted ??= this.view
      .files()
      .map((f) => f.path)
      .sort());
  }
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
