// A setup.py that opens a file the repo does not commit (`open('README.md')` for long_description,
// `parse_requirements('requirements.txt')` for install_requires) stops at FileNotFoundError before setup() runs:
// `pip install .` installs nothing, and the packages it would declare are unknown. Read, never run. Pure.

export interface MissingOpen {
  line: number;
  /** The file it opens, as written (relative to setup.py's folder, where pip runs it). */
  opens: string;
  /** A committed file in that folder whose name differs only in case. */
  nearMatch?: string;
}

/** Calls that read a file named by their first literal argument: open() and the helpers setup.py files define
 * around it (`parse_requirements('requirements.txt')`, `read('README.md')`, `open(os.path.join(here, 'x'))`). */
const OPENS =
  /\b(open|parse_requirements|read_requirements|load_requirements|get_requirements|read|read_file|readme|fetch_requirements)\s*\(\s*(?:os\.path\.join\s*\(\s*(?:[\w.]+|os\.path\.dirname\s*\([^()]*\))\s*,\s*)?(["'])([\w][\w./-]*\.(?:txt|md|rst|in|cfg|toml|py|json))\2/g;

/** The files setup.py `text` (at `file`) opens at its top level, or through a function it calls there, that the
 * repo does not commit. `listDir` names the files of a folder, for a near match; `has` tells a committed path. */
export function missingSetupOpens(
  file: string,
  text: string,
  has: (path: string) => boolean,
  listDir: (dir: string) => readonly string[],
): MissingOpen[] {
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  const lines = text.split("\n");
  const out: MissingOpen[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/.test(line)) continue;
    for (const m of line.matchAll(OPENS)) {
      const name = m[3]!;
      if (seen.has(name) || has(`${dir}${name}`.replace(/^\.\//, ""))) continue;
      if (guarded(text, lines, i, name) || writes(text, name)) continue;
      if (!runsOnSetup(text, lines, i)) continue;
      seen.add(name);
      const lower = name.toLowerCase();
      const nearMatch = listDir(dir.replace(/\/$/, "")).find((p) => p.toLowerCase() === `${dir}${lower}`);
      out.push({ line: i + 1, opens: name, ...(nearMatch ? { nearMatch: nearMatch.slice(dir.length) } : {}) });
    }
  }
  return out;
}

/** setup.py writes the file itself (`open('pkg/version.py', 'w')`, often before it reads it back). */
function writes(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`["']${escaped}["']\\s*,\\s*(?:mode\\s*=\\s*)?["'][wax]`).test(text);
}

/** The open is guarded: a `try:` just above it, or the name checked with exists()/isfile() somewhere. */
function guarded(text: string, lines: readonly string[], at: number, name: string): boolean {
  for (let j = Math.max(0, at - 3); j < at; j++) if (/^\s*try\s*:/.test(lines[j]!)) return true;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:exists|isfile)\\s*\\([^)\\n]*["']${escaped}["']`).test(text);
}

/** The line runs when setup.py runs: at the top level, or in a top-level function called outside its body. */
function runsOnSetup(text: string, lines: readonly string[], at: number): boolean {
  if (!/^\s/.test(lines[at]!)) return true;
  for (let j = at - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (/^\S/.test(line)) {
      const def = /^def\s+(\w+)\s*\(/.exec(line);
      if (!def) return !/^class\s/.test(line); // inside `if`, `with`, `setup(` arguments: it runs
      const calls = text.match(new RegExp(`\\b${def[1]}\\s*\\(`, "g"))?.length ?? 0;
      return calls > 1; // its own `def` line is one
    }
  }
  return true;
}
