// Python blocks read line by line, where no parse tree is at hand: a line's indent (tabs as four spaces) and where
// the body under a header line ends. Pure.

/** A line's indent, a tab counted as four spaces. */
export const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;

/** The index of the last line of the body under `lines[header]` (blank and comment lines do not end it); the
 * header's own index when nothing is indented under it. */
export function blockLast(lines: readonly string[], header: number): number {
  const depth = indentOf(lines[header]!);
  let last = header;
  for (let k = header + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.trim() === "" || l.trim().startsWith("#")) continue;
    if (indentOf(l) <= depth) break;
    last = k;
  }
  return last;
}
