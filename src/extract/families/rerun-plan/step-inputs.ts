// The files a step's command loads as they are, with no program of the repo in between: the sources of `cp` and
// `docker cp` (a local path, not `container:/path`), `psql -f FILE`, and the file after `<` (`psql db < dump.sql`,
// `mysql app < seed.sql`). A dump or seed the repo does not commit and no earlier step writes stops the step.
// Only literal relative paths count: a shell variable, a glob or a placeholder is the reader's own. Pure.
import { shellWords } from "../../shell/shell-words.js";

/** Words a reader fills in or the shell expands: no file of the repo. */
const NOT_LITERAL = /path\/to\/|[<>[\]{}$*?`~]|\byour[_-]|\bxxx|\.\.\.|^-|^\/|^[A-Za-z]:[\\/]/i;

/** A longer line is no copy or load a reader types (and would cost the word split dearly). */
const MAX_LINE = 2000;

/** The relative files the command reads as they are, in order. */
export function stepInputFiles(command: string): string[] {
  if (command.length > MAX_LINE) return [];
  const words = shellWords(command.replace(/\s+#.*$/, ""));
  const out: string[] = [];
  // `< file` (no heredoc `<<`, no process substitution `<(`), with or without a space.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "<" && words[i + 1] !== undefined) out.push(words[i + 1]!);
    else if (/^<[^<(&]/.test(w)) out.push(w.slice(1));
  }
  const bare = words.findIndex((w) => /^(?:sudo|time|nohup)$/.test(w) === false);
  const cmd = words.slice(bare < 0 ? 0 : bare).filter((w) => !/^[<>]|^\d?>/.test(w));
  const head = cmd[0]?.replace(/^.*\//, "");
  if (head === "cp") out.push(...operands(cmd.slice(1)).slice(0, -1));
  else if (head === "docker" && cmd[1] === "cp")
    out.push(
      ...operands(cmd.slice(2))
        .slice(0, -1)
        .filter((p) => !p.includes(":")),
    );
  else if (head === "psql")
    cmd.forEach((w, i) => {
      if (w === "-f" || w === "--file") out.push(cmd[i + 1] ?? "");
      else if (w.startsWith("--file=")) out.push(w.slice("--file=".length));
    });
  return out.filter((p) => p !== "" && !NOT_LITERAL.test(p));
}

/** A command's operands: its words but options, and the redirection words dropped before. */
function operands(words: readonly string[]): string[] {
  return words.filter((w) => !w.startsWith("-"));
}

/** The relative files the command writes as they are: `cp`'s and `docker cp`'s target, `> file`. */
export function stepOutputFiles(command: string): string[] {
  if (command.length > MAX_LINE) return [];
  const words = shellWords(command.replace(/\s+#.*$/, ""));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^\d?>>?$/.test(w) && words[i + 1] !== undefined) out.push(words[i + 1]!);
    else if (/^\d?>>?[^>&]/.test(w)) out.push(w.replace(/^\d?>>?/, ""));
  }
  const bare = words.findIndex((w) => /^(?:sudo|time|nohup)$/.test(w) === false);
  const cmd = words.slice(bare < 0 ? 0 : bare).filter((w) => !/^[<>]|^\d?>/.test(w));
  const head = cmd[0]?.replace(/^.*\//, "");
  const args =
    head === "docker" && cmd[1] === "cp"
      ? operands(cmd.slice(2))
      : /^(?:cp|mv)$/.test(head ?? "")
        ? operands(cmd.slice(1))
        : [];
  if (args.length >= 2) out.push(args[args.length - 1]!);
  return out.filter((p) => p !== "" && !NOT_LITERAL.test(p));
}
