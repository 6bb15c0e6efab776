// Git refs a launcher checks out before it runs (pure): `git reset --hard <ref>`, `git checkout <ref>` in a
// shell script or a Python string, so the code that runs is that ref's, not the audited tree's. A checkout inside
// a folder cloned from another URL changes that clone, not the audited tree.
import { cloneWalk, commandsOf, type CloneWalk } from "../../shell/clone-cwd.js";

export interface RefCheckout {
  line: number;
  ref: string;
  command: "git reset --hard" | "git checkout";
}

/** `git [-C dir] reset --hard REF` or `git [-C dir] checkout [tags/]REF`, REF a name or a shell variable. */
const CHECKOUT =
  /\bgit\s+(?:-C\s+(\S+)\s+)?(reset\s+--hard|checkout)\s+(?:-q\s+|--quiet\s+|-f\s+|--force\s+)*(?:tags\/)?(\$\{?\w+\}?|[A-Za-z0-9][\w.\/-]{0,100})(?=\s|$|['";&|)])/g;
/** What is no other code: the tree itself, its files, one's own new branch. */
const NOT_A_REF = /^(?:HEAD(?:[~^]\d*)?|-.*|\.|.*\.(?:py|sh|ipynb|ya?ml|json|txt|md|cfg))$/;

/** What runs nothing: a blank, a comment, a message, leaving the script or a loop or a block. */
const RUNS_NOTHING = /^\s*(?:$|#|echo\b|printf\b|exit\b|return\b|done\b|fi\b|esac\b|[})]|popd\b|cd\b|wait\b)/;

/** A checkout of the branch the audit reads with nothing run after it: the script ends back in the audited
 * tree, so no foreign code runs there. */
function returnsHome(lines: readonly string[], i: number, rest: string): boolean {
  const after = rest.replace(/^\s*(?:;|&&|\|\|)?/, "");
  const tail = [after, ...lines.slice(i + 1)].flatMap((l) => l.split(/;|&&|\|\|/));
  return tail.every((part) => RUNS_NOTHING.test(part));
}

/** Feeds a line's commands that end before `upTo` (from `fed` on) to the walk; returns how many are fed. */
function feed(walk: CloneWalk, commands: ReturnType<typeof commandsOf>, fed: number, upTo: number): number {
  let k = fed;
  for (; k < commands.length && commands[k]!.end <= upTo; k++) walk.step(commands[k]!.text);
  return k;
}

/** `home`: the audited branch's names (with main and master, the usual defaults), whose final checkout returns
 * to the audited tree; `cloned`: the folders documented clones make, from the repo root. */
export function refCheckouts(
  text: string,
  python: boolean,
  home: ReadonlySet<string> = new Set(["main", "master"]),
  cloned: Iterable<string> = [],
): RefCheckout[] {
  const out: RefCheckout[] = [];
  const lines = text.split(/\r?\n/);
  const folders = [...cloned];
  // A script's folder carries from line to line; a Python string's commands stand alone.
  let walk = cloneWalk(folders);
  lines.forEach((line, i) => {
    if (line.length > 4096) return;
    const trimmed = line.trimStart();
    if (trimmed.startsWith("#")) return;
    // In Python only a string can run git: a command built for os.system or subprocess.
    if (python && (!/['"]/.test(line) || !line.includes("git"))) return;
    if (python) walk = cloneWalk(folders);
    const commands = commandsOf(line);
    const restore = /^\(.*\)\s*$/.test(trimmed) ? walk.save() : null;
    let fed = 0;
    for (const m of line.matchAll(CHECKOUT)) {
      fed = feed(walk, commands, fed, m.index!);
      const ref = m[3]!;
      if (NOT_A_REF.test(ref) || walk.inClone(m[1] ?? null)) continue;
      if (!python && home.has(ref) && returnsHome(lines, i, line.slice(m.index! + m[0].length))) continue;
      out.push({ line: i + 1, ref, command: m[2]!.startsWith("reset") ? "git reset --hard" : "git checkout" });
    }
    feed(walk, commands, fed, Infinity);
    restore?.();
  });
  return out;
}
