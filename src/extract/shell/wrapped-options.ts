// README commands wrapped without continuations: a block whose line runs a program and whose next lines start
// with options (`--b 2`, `--c 3`) and no `\` before them. Pasted into a shell, those lines fail on their own;
// the author meant one command. The command read as joined, and each wrapped line with the line it continues. Pure.

export interface CodeLine {
  line: number;
  text: string;
}

/** A line that runs a program: python (or a launcher), a shell script, or a script by its path. */
const RUNS =
  /^\s*(?:[$>]\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:python[\d.]*|torchrun|accelerate\s+launch|deepspeed|bash|sh|\.\/[\w./-]+|[\w./-]+\.(?:py|sh))(?:\s|$)/;
/** A line of options only: each `-x` or `--name` followed by at most one value (help output's descriptions have
 * several words after an option). */
const OPTIONS_ONLY = /^\s*(?:--?[A-Za-z][\w.-]*(?:=\S+)?(?:\s+(?!-)[^\s#]+)?\s*)+$/;

/** The logical lines of one code block with wrapped option lines joined to the command they continue, and the
 * wrapped lines found. `lines`: after backslash continuations are joined. */
export function joinWrappedOptions(lines: readonly CodeLine[]): {
  lines: CodeLine[];
  wrapped: Array<{ line: number; continues: number }>;
} {
  const out: CodeLine[] = [];
  const wrapped: Array<{ line: number; continues: number }> = [];
  // The command the previous line began (or continued), while option lines may follow it.
  let open: CodeLine | null = null;
  for (const l of lines) {
    if (open && OPTIONS_ONLY.test(l.text) && !/\\\s*$/.test(open.text)) {
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
