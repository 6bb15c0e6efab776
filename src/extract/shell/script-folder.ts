// A shell script's lines read in order, following the moves it makes to its own folder (`cd "$(dirname "$0")"`,
// `cd "$(dirname "${BASH_SOURCE[0]}")"/..`, `pushd $SCRIPT_DIR` after `SCRIPT_DIR=$(cd "$(dirname "$0")"; pwd)`),
// which land where the script lies whatever folder it was started from. Pure.
import { posix } from "node:path";
import { interpretLine, joinRel, type ShellCommand, type ShellEnv } from "./readme-commands.js";

/** What a word of the script stands for: the script file itself, or a folder (from the repo root). */
type Place = { file: true } | { dir: string };

/** `$0`, `${0}`, `$BASH_SOURCE`, `${BASH_SOURCE}`, `${BASH_SOURCE[0]}`: the script's own path. */
const SELF = /^\$(?:0|\{0\}|BASH_SOURCE|\{BASH_SOURCE(?:\[0\])?\})/;
/** `${0%/*}`, `${BASH_SOURCE[0]%/*}`: the script's folder by parameter expansion. */
const SELF_DIR = /^\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}/;
/** Redirections that only silence a command (`> /dev/null`, `&>/dev/null`, `2>&1`). */
const SILENCED = /(?:[12]?>>?|&>)\s*\/dev\/null|2>&1/g;
const MAX_WORD = 1000;

/** The end of the `$(...)` that opens at `start` (the index of its `(`), or -1. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The first word of `text` (quotes dropped, a `$(...)` or backtick group kept whole) and what follows it. */
function firstWord(text: string): { word: string; rest: string } {
  let word = "";
  let i = 0;
  const s = text.trimStart();
  while (i < s.length && !/\s|;|&|\|/.test(s[i]!)) {
    if (s[i] === '"' || s[i] === "'") {
      i++;
      continue;
    }
    if (s.startsWith("$(", i)) {
      const end = closing(s, i + 1);
      if (end < 0) return { word: word + s.slice(i), rest: "" };
      word += s.slice(i, end + 1).replace(/["']/g, "");
      i = end + 1;
      continue;
    }
    if (s[i] === "`") {
      const end = s.indexOf("`", i + 1);
      if (end < 0) return { word: word + s.slice(i), rest: "" };
      word += `$(${s.slice(i + 1, end).replace(/["']/g, "")})`;
      i = end + 1;
      continue;
    }
    word += s[i];
    i++;
  }
  return { word, rest: s.slice(i) };
}

/** The place a word names, where it is built from the script's own path or a variable holding a folder. */
function placeOf(word: string, folder: string, vars: ReadonlyMap<string, string>): Place | null {
  if (word.length > MAX_WORD) return null;
  let head: Place | null = null;
  let rest = "";
  const selfDir = SELF_DIR.exec(word);
  const self = selfDir ? null : SELF.exec(word);
  const variable = /^\$(?:\{(\w+)\}|(\w+))/.exec(word);
  if (word.startsWith("$(")) {
    const end = closing(word, 1);
    if (end < 0) return null;
    head = commandPlace(word.slice(2, end), folder, vars);
    rest = word.slice(end + 1);
  } else if (selfDir) {
    head = { dir: folder };
    rest = word.slice(selfDir[0].length);
  } else if (self) {
    head = { file: true };
    rest = word.slice(self[0].length);
  } else if (variable && vars.has((variable[1] ?? variable[2])!)) {
    head = { dir: vars.get((variable[1] ?? variable[2])!)! };
    rest = word.slice(variable[0].length);
  }
  if (head === null || rest === "") return head;
  return "dir" in head && rest.startsWith("/") ? { dir: joinRel(head.dir, rest.slice(1)) } : null;
}

/** The place a command substitution prints: `dirname X`, `cd X; pwd`, `realpath X`, `readlink -f X`. */
function commandPlace(command: string, folder: string, vars: ReadonlyMap<string, string>): Place | null {
  const text = command.replace(SILENCED, "").trim();
  const dirname = /^dirname\s+(?:--\s+)?/.exec(text);
  if (dirname) {
    const { word, rest } = firstWord(text.slice(dirname[0].length));
    const of = rest.trim() === "" ? placeOf(word, folder, vars) : null;
    if (of === null) return null;
    return "file" in of ? { dir: folder } : { dir: joinRel(of.dir, "..") };
  }
  const resolved = /^(?:realpath|readlink\s+-[efm]+)\s+(?:--\s+)?/.exec(text);
  if (resolved) {
    const { word, rest } = firstWord(text.slice(resolved[0].length));
    return rest.trim() === "" ? placeOf(word, folder, vars) : null;
  }
  const cd = /^cd\s+(?:-P\s+)?(?:--\s+)?/.exec(text);
  if (cd) {
    const { word, rest } = firstWord(text.slice(cd[0].length));
    if (!/^\s*(?:;|&&)\s*pwd(?:\s+-[PL])?\s*$/.test(rest)) return null;
    const to = placeOf(word, folder, vars);
    return to !== null && "dir" in to ? to : null;
  }
  return null;
}

export type ScriptLineReader = (text: string, cwd: string) => { command: ShellCommand | null; cwd: string };

/** Reads the lines of a script that lies in `folder`, in order: each line's command and the folder after it.
 * A move to the script's own folder (or one it names from there) lands there; other lines read as
 * `interpretLine` reads them. */
export function scriptLineReader(folder: string, env: ShellEnv = {}): ScriptLineReader {
  const vars = new Map<string, string>();
  const pushed: string[] = [];
  return (raw, cwd) => {
    const text = raw.trim();
    // `SCRIPT_DIR=$(dirname "$0")`, `export ROOT="$(cd "$(dirname "$0")/.." && pwd)"`: a variable naming a folder.
    const assign = /^(?:export\s+|local\s+|readonly\s+|declare\s+)?([A-Za-z_]\w*)=/.exec(text);
    if (assign) {
      const { word, rest } = firstWord(text.slice(assign[0].length));
      const place = rest.trim() === "" ? placeOf(word, folder, vars) : null;
      if (place !== null && "dir" in place) {
        vars.set(assign[1]!, place.dir);
        return { command: null, cwd };
      }
      vars.delete(assign[1]!);
    }
    const move = /^(cd|pushd)\s+(?:-P\s+)?(?:--\s+)?/.exec(text);
    if (move) {
      const { word, rest } = firstWord(text.slice(move[0].length));
      const place = placeOf(word, folder, vars);
      if (place !== null && "dir" in place) {
        if (move[1] === "pushd") pushed.push(cwd);
        // `cd "$(dirname "$0")" && python x.py`: what follows runs from there; `|| exit` runs nothing.
        const after = /^\s*(?:&&|;)\s*(.*)$/.exec(rest.replace(SILENCED, ""));
        return after?.[1] ? interpretLine(after[1], place.dir, env) : { command: null, cwd: place.dir };
      }
    }
    if (/^popd\b/.test(text) && pushed.length > 0) return { command: null, cwd: pushed.pop()! };
    return interpretLine(withFolders(raw, vars, cwd), cwd, env);
  };
}

/** `python $EXP_DIR/train.py` where EXP_DIR names a folder of the repo: the folder written from the working folder
 * the line runs in, so the program resolves as the script runs it. */
function withFolders(raw: string, vars: ReadonlyMap<string, string>, cwd: string): string {
  if (vars.size === 0) return raw;
  return raw.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a: string | undefined, b: string | undefined) => {
    const dir = vars.get((a ?? b)!);
    return dir === undefined ? all : posix.relative(cwd || ".", dir || ".") || ".";
  });
}
