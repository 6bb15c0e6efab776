// Modules a notebook or script brings itself, not from an environment spec: a folder outside the repo it puts on
// sys.path (`sys.path.append('/kaggle/input/ds/tool')`, `sys.path.append(code_dir)`) or moves into (`%cd
// /kaggle/working/Proj`: the kernel imports from its working folder), and a package it installs from a path
// (`!pip install -e /kaggle/working/proj`, `!cd proj && pip install -e .`, `!pip install /kaggle/input/x/pkg-1.0-py3-none-any.whl`).
// An import after such a line is that folder's or install's, not an undeclared package. Pure.

export interface Provider {
  /** Line of the sys.path call, `%cd` or install (the same numbering as the file's imports). */
  line: number;
  /** What it says, for the finding: "puts /kaggle/input/ds/tool on sys.path", "installs ./proj". */
  says: string;
  /** For an install, the names it provides (a wheel's project, a folder's name); absent for a folder on the path. */
  names?: string[];
}

/** `sys.path.append(x)`, `sys.path.insert(0, x)`: the argument as written. */
const ENTRY = /sys\.path\.(?:insert\(\s*[^,()\n]+,|append\()\s*([^\n]*?)\)\s*(?:#.*)?$/gm;
/** A relative string literal (`'src'`, `"../lib"`): a folder of the repo, judged elsewhere. */
const RELATIVE_LITERAL = /^[rRuU]?(['"])(?![/~]|[A-Za-z]:)[^'"{}]*\1$/;
const PIP_INSTALL = /\bpip3?\s+install\s+(.*)$/;
const OPTION_WITH_VALUE =
  /^(?:-[rcfi]|--(?:requirement|constraint|find-links|index-url|extra-index-url|target|prefix))$/;

/** The names a path installs: a wheel's project (`biotite-1.2.0-cp312-...whl` -> biotite), a folder's name and its
 * first word (`boltz-src-minimal` -> boltz_src_minimal, boltz), a glob of wheels its folder's. */
function namesOf(path: string, cwd: string | null): string[] {
  const clean = path.replace(/^['"]|['"]$/g, "").replace(/\/+$/, "");
  const base = clean === "." || clean === "" ? (cwd ?? "").split("/").pop()! : clean.split("/").pop()!;
  const wheel = /^([A-Za-z0-9][\w.]*?)-\d/.exec(base);
  const name = base.endsWith(".whl")
    ? base.includes("*")
      ? (clean.split("/").slice(-2, -1)[0] ?? "")
      : (wheel?.[1] ?? base)
    : base.replace(/\.(?:tar\.gz|zip)$/, "");
  const norm = name.toLowerCase().replace(/[-.]/g, "_");
  const first = norm.split("_")[0]!;
  return [...new Set([norm, ...(first.length >= 3 ? [first] : [])])].filter((n) => n !== "");
}

/** The providers of a file: its Python text (a notebook's flattened cells) and its shell lines. */
export function fileProviders(
  text: string,
  shell: ReadonlyArray<{ line: number; text: string; subshell?: boolean }>,
): Provider[] {
  const out: Provider[] = [];
  if (text.includes("sys.path"))
    for (const m of text.matchAll(ENTRY)) {
      const written = m[1]!.trim();
      if (written === "" || RELATIVE_LITERAL.test(written)) continue;
      out.push({ line: text.slice(0, m.index).split("\n").length, says: `puts ${written} on sys.path` });
    }
  let cwd: string | null = null;
  for (const { line, text: command, subshell } of shell) {
    let here: string | null = cwd;
    for (const part of command.split(/\s*(?:&&|;)\s*/)) {
      const cd = /^cd\s+(\S+)$/.exec(part.trim());
      if (cd) {
        const to = cd[1]!.replace(/^['"]|['"]$/g, "");
        here = to.startsWith("/") || here === null ? to : `${here}/${to}`;
        // A folder outside the repo the kernel moves into: its modules import from there.
        if (to.startsWith("/") && subshell !== true) out.push({ line, says: `moves into ${to}` });
        continue;
      }
      const pip = PIP_INSTALL.exec(part);
      if (!pip) continue;
      const words = pip[1]!.split(/\s+/).filter((w) => w !== "");
      for (const [i, w] of words.entries()) {
        // An option's value (`-r requirements.txt`, `-f wheels/`) is no package; `-e` takes one.
        if (w.startsWith("-") || OPTION_WITH_VALUE.test(words[i - 1] ?? "")) continue;
        if (!/[/.]/.test(w) || /[<>=]/.test(w) || /^(?:https?|git\+)/.test(w)) continue;
        const names = namesOf(w, here);
        if (names.length) out.push({ line, says: `installs ${w}`, names });
      }
    }
    // `%cd x` moves the notebook; `!cd x && ...` only its own line.
    if (subshell !== true) cwd = here;
  }
  return out;
}

/** What provides an import of `top` at `line`, or null: an install of that name before it, else a folder put on
 * the path before it when the name is no known distribution. An import inside a function (`deferred`) runs when
 * the function is called, after any line of the file. */
export function providerOf(
  providers: readonly Provider[],
  top: string,
  line: number,
  knownDistribution: boolean,
  deferred = false,
): Provider | null {
  const name = top.toLowerCase();
  const before = providers.filter((p) => deferred || p.line < line);
  return (
    before.find((p) => p.names?.includes(name)) ??
    (knownDistribution ? null : (before.find((p) => p.names === undefined) ?? null))
  );
}
