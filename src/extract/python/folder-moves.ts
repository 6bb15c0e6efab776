// A file that moves its working folder (`os.chdir("src")`, a notebook's `%cd data`) reads and writes its later
// relative paths under the new folder, not where it began: those paths are rewritten as seen from where the file
// began (`train.csv` after `os.chdir("data")` is `data/train.csv`). Only a folder the code spells (a literal or a
// module constant) moves anything; one it computes leaves the paths as written. Pure.
import type { PyFileIndex } from "./file-index.js";

export interface FolderMove {
  /** The line of the move; it holds for the lines after it up to `until`. */
  line: number;
  until: number;
  /** The folder moved to; "" back where the file began (`os.chdir(start)` after `start = os.getcwd()`); null for
   * one the code computes, after which relative paths are left as written. */
  folder: string | null;
}

const CHDIR = /^([ \t]*)os[ \t]*\.[ \t]*chdir[ \t]*\((.*)\)[ \t]*(?:#.*)?$/;
/** The argument as a literal (group 2) or a bare name (group 3). */
const ARG = /^[ \t]*(?:[rR]?(['"])([^'"\n]*)\1|([A-Za-z_]\w*))[ \t]*$/;
/** Calls whose string arguments are no path of a file (an option's name, a model's). */
const NOT_PATHS = /(?:^|\.)(?:add_argument|option|create_model|\w*KFold)$/;
const MAX_MOVES = 50;
/** `from_pretrained("openai/whisper-large-v2")`: a hub id the library fetches, whatever the working folder; only a
 * path spelled from a folder (`./ckpt`, `../models/x`) moves with it. */
const HUB_LOADER = /(?:^|\.)from_pretrained$/;
const HUB_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;
/** An argument that may name a file: no spaces or separators (`","`, `"a b"` are not). */
const PATH_LIKE = /^(?=[^\s,;:|]*\w)[^\s,;:|]+$/;

/** The `os.chdir(...)` statements of a Python text, each holding to the end of its block (the file, for one at
 * the top level). `constants`: the file's module-level path constants, for `os.chdir(DATA_DIR)`. */
export function chdirMoves(text: string, constants: ReadonlyArray<{ name: string; value: string }>): FolderMove[] {
  if (!text.includes("chdir")) return [];
  const lines = text.split("\n");
  const out: FolderMove[] = [];
  lines.forEach((line, i) => {
    const m = CHDIR.exec(line);
    if (!m || out.length >= MAX_MOVES) return;
    const arg = ARG.exec(m[2]!);
    const name = arg?.[3];
    const back = name !== undefined && new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*os\\.getcwd\\(\\)`, "m").test(text);
    const value = name !== undefined ? constants.find((c) => c.name === name)?.value : arg?.[2];
    const folder = back ? "" : value === undefined || value.includes("*") ? null : value;
    const indent = m[1]!.length;
    let until = lines.length;
    for (let j = i + 1; j < lines.length && indent > 0; j++) {
      const own = lines[j]!;
      if (own.trim() === "" || /^\s*#/.test(own)) continue;
      if (/^[ \t]*/.exec(own)![0].length < indent) {
        until = j;
        break;
      }
    }
    out.push({ line: i + 1, until, folder });
  });
  return out;
}

/** A notebook's `%cd d` (and automagic `cd d`) lines: each moves the notebook for every line after it; a `!cd`
 * runs in a shell of its own and moves nothing. */
export function notebookMoves(shell: PyFileIndex["shell"]): FolderMove[] {
  const out: FolderMove[] = [];
  for (const s of shell ?? []) {
    if ("subshell" in s && s.subshell) continue;
    const m = /^cd[ \t]+(['"]?)([^'"\s;&|$`]+)\1[ \t]*$/.exec(s.text);
    if (m && out.length < MAX_MOVES) out.push({ line: s.line, until: Number.MAX_SAFE_INTEGER, folder: m[2]! });
  }
  return out;
}

/** `path` at `line` as seen from where the file began, after the moves that hold there. */
export function movedPath(moves: readonly FolderMove[], line: number, path: string): string {
  if (/^[/~*$]|^[A-Za-z]:[\\/]|^\w+:\/\//.test(path)) return path;
  let folder: string | null = "";
  for (const m of moves) {
    if (m.line >= line || line > m.until) continue;
    folder = m.folder === null ? null : m.folder === "" ? "" : folder === null ? null : joinFolder(folder, m.folder);
  }
  return folder === null || folder === "" || folder === "." ? path : joinFolder(folder, path);
}

/** The index's relative reads (call arguments) and writes after a move, rewritten under the folder moved to. */
export function applyFolderMoves(index: PyFileIndex, moves: readonly FolderMove[]): void {
  if (moves.length === 0) return;
  for (const call of index.calls) {
    if (NOT_PATHS.test(call.callee)) continue;
    const hub = HUB_LOADER.test(call.callee);
    for (const arg of call.args)
      if (arg.path && PATH_LIKE.test(arg.path) && !(hub && HUB_ID.test(arg.path)))
        arg.path = movedPath(moves, call.line, arg.path);
  }
  for (const write of index.writes) write.path = movedPath(moves, write.line, write.path);
}

/** `a` then `b` as one relative folder (`src` then `../data` is `data`); an absolute `b` stands alone. A path
 * that climbs above where it began keeps its `..`. */
function joinFolder(a: string, b: string): string {
  if (b.startsWith("/")) return b;
  const parts = a === "" ? [] : a.split("/").filter((p, i) => p !== "." && (p !== "" || i === 0));
  const trailing = b.endsWith("/") ? "/" : "";
  for (const p of b.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === ".." && parts.length > 0 && parts[parts.length - 1] !== ".." && parts[parts.length - 1] !== "")
      parts.pop();
    else parts.push(p);
  }
  const joined = parts.join("/");
  return joined === "" ? "." : joined + (joined.endsWith("/") ? "" : trailing);
}
