// Whether a shell line runs inside a folder cloned from elsewhere: a script that clones a third-party repo,
// `cd`s into it and checks out one of its refs changes that clone, not the audited tree. Pure over the text.
import { cloneOf } from "./cloned-folders.js";

/** The folder a move lands in, from `cwd` (parts from where the script started; "/", "~" or a variable
 * first for a place outside it). */
function moved(cwd: readonly string[], path: string): string[] {
  const p = path.replace(/^["']|["']$/g, "");
  const base = p.startsWith("/") ? ["/"] : /^[~$]/.test(p) ? [] : [...cwd];
  return p.split("/").reduce<string[]>((acc, s) => {
    if (!s || s === ".") return acc;
    if (s === ".." && acc.length > 0 && acc[acc.length - 1] !== "..") return acc.slice(0, -1);
    return [...acc, s];
  }, base);
}

export interface CloneWalk {
  /** Whether the current folder, or `git -C dir` from it, lies inside a clone. */
  inClone(dir?: string | null): boolean;
  /** Feeds one command (a line's part between `;`, `&&`, `||`, `|`) to the walk. */
  step(command: string): void;
  /** Where the walk stands now, to return to after a subshell: `(cd x && ...)` leaves the script where it was. */
  save(): () => void;
}

/** A walk through a script's commands; `cloned`: folders (from the repo root) that documented clones make. */
export function cloneWalk(cloned: Iterable<string> = []): CloneWalk {
  const clones = new Set([...cloned].map((f) => moved([], f).join("/")));
  let cwd: string[] = [];
  let previous: string[] = [];
  const stack: string[][] = [];
  const isClone = (at: readonly string[]): boolean => at.some((_, k) => clones.has(at.slice(0, k + 1).join("/")));
  const go = (to: string[]): void => {
    previous = cwd;
    cwd = to;
  };
  return {
    inClone(dir) {
      return isClone(dir ? moved(cwd, dir) : cwd);
    },
    save() {
      const [at, before, depth] = [cwd, previous, stack.length];
      return () => {
        [cwd, previous] = [at, before];
        stack.length = Math.min(stack.length, depth);
      };
    },
    step(command) {
      const c = command.trim().replace(/^\(+\s*/, "");
      const clone = cloneOf(c);
      if (clone) {
        clones.add(moved(cwd, clone.folder).join("/"));
        return;
      }
      const cd = /^(cd|pushd|popd)\b\s*([^\s)]*)/.exec(c);
      if (!cd) return;
      if (cd[1] === "popd") go(stack.pop() ?? cwd);
      else {
        if (cd[1] === "pushd") stack.push(cwd);
        go(cd[2] === "-" ? previous : moved(cwd, cd[2] || "~"));
      }
    },
  };
}

/** A line's commands, split at `;`, `&&`, `||` and `|`, each with where it ends (quotes are not weighed: a
 * launcher line is plain). */
export function commandsOf(line: string): Array<{ text: string; end: number }> {
  const out: Array<{ text: string; end: number }> = [];
  let start = 0;
  for (const m of line.matchAll(/;|&&|\|\|?/g)) {
    out.push({ text: line.slice(start, m.index), end: m.index! });
    start = m.index! + m[0].length;
  }
  out.push({ text: line.slice(start), end: line.length });
  return out;
}
