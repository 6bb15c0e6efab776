// README commands wrapped without continuations: a block whose line runs a program and whose next lines start
// with options (`--b 2`, `--c 3`) and no `\` before them. Pasted into a shell, those lines fail on their own;
// the author meant one command. The command read as joined, and each wrapped line with the line it continues. Pure.

export interface CodeLine {
  line: number;
  text: string;
}

/** A line that runs a program: python (or a launcher), a shell script, or a script by its path. */
const RUNS =
  /^\s*(?:[$>]\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:(?:[\w.~-]*\/)*python[\d.]*|torchrun|accelerate\s+launch|deepspeed|bash|sh|\.\/[\w./-]+|[\w./-]+\.(?:py|sh))(?:\s|$)/;
/** A line of options only: each `-x` or `--name` followed by at most one value (help output's descriptions have
 * several words after an option). */
const OPTIONS_ONLY = /^\s*(?:--?[A-Za-z][\w.-]*(?:=\S+)?(?:\s+(?!-)[^\s#]+)?\s*)+$/;
/** A line of config overrides only (`train.lr=1e-5 +model.depth=18`): a dotted name is no shell variable, so a
 * shell runs the line as a command of its own. Read in shell scripts, where such lines follow a program's. */
const OVERRIDES_ONLY = /^\s*(?:\+{0,2}[A-Za-z_][\w-]*(?:\.[\w-]+)+=(?:"[^"]*"|'[^']*'|\S+)\s*)+$/;

/** The logical lines of one code block with wrapped option lines joined to the command they continue, and the
 * wrapped lines found. `lines`: after backslash continuations are joined; `overrides`: lines of dotted
 * `key=value` overrides wrap too (a shell script's). */
export function joinWrappedOptions(
  lines: readonly CodeLine[],
  { overrides = false }: { overrides?: boolean } = {},
): {
  lines: CodeLine[];
  wrapped: Array<{ line: number; continues: number }>;
} {
  const out: CodeLine[] = [];
  const wrapped: Array<{ line: number; continues: number }> = [];
  // The command the previous line began (or continued), while option lines may follow it.
  let open: CodeLine | null = null;
  for (const l of lines) {
    const continues = OPTIONS_ONLY.test(l.text) || (overrides && OVERRIDES_ONLY.test(l.text));
    if (open && continues && !/\\\s*$/.test(open.text)) {
      open.text = `${open.text.trimEnd()} ${l.text.trim()}`;
      wrapped.push({ line: l.line, continues: open.line });
      continue;
    }
    const copy = { ...l };
    out.push(copy);
    open = RUNS.test(l.text) && !/(?:^|\s)#/.test(l.text) ? copy : null;
  }
  return { lines: out, wrapped };
}
