// Paths in shell text (scripts, Makefiles, Dockerfiles, .bat, R and MATLAB files, strings given to
// os.system or subprocess, notebook `!` lines): the words that start like a path, the host side of a
// `host:container` mount only. Pure.
import { isDockerfilePath, isMakefilePath, isShellPath } from "../../model/file-kinds.js";

/** A path-like word: after a space, quote, `=`, `(`, `,` or `;`, up to a space, quote or shell operator. */
const WORD = /(?:^|[\s"'=(,;[{])((?:\/|~\/|[A-Za-z]:[\\/])[^\s"'`;,)|&<>\]}]*)/g;

/** A placeholder a reader fills in: `<path to data>`, `<dir>`, `[model name]`, `{output dir}` (brackets and
 * braces only with a space inside, so `[0,1]` and `${X}` stay what they are; no space just inside, so the
 * shell's `[ -f x ]`, `{ a; }` and `<in >out` stay too). */
const PLACEHOLDER = String.raw`<[^<>\s"'](?:[^<>"']*[^<>\s"'])?>|\[[^[\]\s"'][^[\]"']*\s[^[\]"']*[^[\]\s"']\]|\{[^{}\s"'$][^{}"']*\s[^{}"']*[^{}\s"']\}`;
const PLACEHOLDER_IN = new RegExp(PLACEHOLDER);
const WORDS = new RegExp(String.raw`"([^"]*)"|'([^']*)'|((?:${PLACEHOLDER}|\S)+)`, "g");

/** A command line's words, a quoted word as one word without its quotes, a placeholder with spaces one word. */
export function shellWords(text: string): string[] {
  return [...text.matchAll(WORDS)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Whether a word holds a placeholder to fill in (`<path to data>`, `--out=[output dir]`): no file of the repo. */
export function isPlaceholderWord(word: string): boolean {
  return PLACEHOLDER_IN.test(word);
}

export function shellPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[1]!;
    // -v /mnt/ssd/data:/data: the host's folder before the colon; the container's is the repo's own.
    // PYTHONPATH=/home/u/lib:$PYTHONPATH: the first folder of a search path.
    const mount = /^(\/[^:]*):(?:\/|\$)/.exec(word);
    if (mount) word = mount[1]!;
    word = word.replace(/[.:]+$/, "");
    if (word.length >= 2) out.push(word);
  }
  return out;
}

/** The comment marker of a shell-like file, by name; null for a file this scanner does not read. */
export function commentMarker(path: string): RegExp | null {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  // Shell scripts, makefiles and Dockerfiles as the walk names them; job, R and PowerShell scripts besides.
  if (
    isShellPath(path) ||
    isMakefilePath(path) ||
    isDockerfilePath(path) ||
    /\.(?:r|ps1|slurm|sbatch|pbs|qsub|lsf|job)$/.test(name)
  )
    return /^\s*#/;
  if (/\.(?:bat|cmd)$/.test(name)) return /^\s*(?:rem\b|::|@rem\b)/i;
  if (name.endsWith(".m")) return /^\s*%/;
  return null;
}
