// Git refs a launcher checks out before it runs (pure): `git reset --hard <ref>`, `git checkout <ref>` in a
// shell script or a Python string, so the code that runs is that ref's, not the audited tree's.

export interface RefCheckout {
  line: number;
  ref: string;
  command: "git reset --hard" | "git checkout";
}

/** `git [-C dir] reset --hard REF` or `git [-C dir] checkout [tags/]REF`, REF a name or a shell variable. */
const CHECKOUT =
  /\bgit\s+(?:-C\s+\S+\s+)?(reset\s+--hard|checkout)\s+(?:-q\s+|--quiet\s+|-f\s+|--force\s+)*(?:tags\/)?(\$\{?\w+\}?|[A-Za-z0-9][\w.\/-]{0,100})(?=\s|$|['";&|)])/g;
/** What is no other code: the tree itself, its files, one's own new branch. */
const NOT_A_REF = /^(?:HEAD(?:[~^]\d*)?|-.*|\.|.*\.(?:py|sh|ipynb|ya?ml|json|txt|md|cfg))$/;

export function refCheckouts(text: string, python: boolean): RefCheckout[] {
  const out: RefCheckout[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 4096 || !line.includes("git")) return;
    const trimmed = line.trimStart();
    if (trimmed.startsWith("#")) return;
    // In Python only a string can run git: a command built for os.system or subprocess.
    if (python && !/['"]/.test(line)) return;
    for (const m of line.matchAll(CHECKOUT)) {
      const ref = m[2]!;
      if (NOT_A_REF.test(ref)) continue;
      out.push({ line: i + 1, ref, command: m[1]!.startsWith("reset") ? "git reset --hard" : "git checkout" });
    }
  });
  return out;
}
