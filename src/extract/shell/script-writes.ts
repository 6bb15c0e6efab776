// Shell scripts a command writes as it runs (pure): a heredoc (`cat > x.sh <<'EOF'` ... `EOF`, `tee x.sh <<EOF`)
// or echo lines (`echo "python train.py" > x.sh`, then `>> x.sh`). Only literal writers are read: a heredoc's body
// as written, an echo's one quoted string. A later step that runs the script runs those lines; the heredoc's body
// is data to its writer, never commands of its own.

export interface WrittenScript {
  /** The path as the writer names it, relative to the folder it runs in. */
  path: string;
  /** The lines written, each with its line in the writer's file. */
  lines: Array<{ line: number; text: string }>;
}

/** Lines longer than this are not read as writers: the patterns stay linear in a bounded line. */
const MAX_LINE = 4_000;
/** A heredoc body read at most (the plan reads at most 2,000 lines of a script). */
const MAX_BODY = 2_000;
const SCRIPT = String.raw`([\w./-]{1,255}\.(?:sh|bash))`;
const HEREDOC = /^\s*(?:cat|tee)\b.*<<-?\s*(['"]?)(\w{1,64})\1/;
const REDIRECT = new RegExp(String.raw`(>>?)\s*${SCRIPT}(?=\s|$|;)`);
const TEE = new RegExp(String.raw`^\s*tee\s+(-a\s+)?${SCRIPT}(?=\s|$)`);
const ECHO = new RegExp(String.raw`^\s*echo\s+(?:-e\s+)?(?:"([^"\\]*)"|'([^']*)')\s*(>>?)\s*${SCRIPT}\s*;?\s*$`);

/** The scripts `text` writes, in the order written (a `>` starts a script over, a `>>` adds to it), and the lines
 * that are a heredoc's body or its end marker. */
export function scriptWrites(text: string): { scripts: WrittenScript[]; bodyLines: Set<number> } {
  const byPath = new Map<string, WrittenScript>();
  const bodyLines = new Set<number>();
  const write = (path: string, append: boolean, lines: WrittenScript["lines"]) => {
    const had = append ? byPath.get(path) : undefined;
    byPath.delete(path); // the last write orders it
    byPath.set(path, { path, lines: [...(had?.lines ?? []), ...lines] });
  };
  const all = text.split("\n");
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (line.length > MAX_LINE) continue;
    const echo = ECHO.exec(line);
    if (echo) {
      write(echo[4]!, echo[3] === ">>", [{ line: i + 1, text: echo[1] ?? echo[2] ?? "" }]);
      continue;
    }
    const doc = HEREDOC.exec(line);
    if (!doc) continue;
    const redirect = REDIRECT.exec(line);
    const tee = TEE.exec(line);
    const target = redirect?.[2] ?? tee?.[2];
    let end = -1;
    for (let j = i + 1; j < Math.min(all.length, i + 2 + MAX_BODY) && end < 0; j++)
      if (all[j]!.trim() === doc[2]) end = j;
    if (end < 0) continue;
    for (let j = i + 1; j <= end; j++) bodyLines.add(j + 1);
    if (target)
      write(
        target,
        redirect ? redirect[1] === ">>" : Boolean(tee?.[1]),
        all.slice(i + 1, end).map((t, k) => ({ line: i + k + 2, text: t })),
      );
    i = end;
  }
  return { scripts: [...byPath.values()], bodyLines };
}
