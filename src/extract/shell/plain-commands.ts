// Commands a README writes as plain lines of prose, outside any code block: "python train.py --fold 0" on a
// line of its own, a list item, or a labelled line ("stage2: python predict.py", "Train: python x.py"). Pure.

/** Lines longer than this are paragraphs, not commands. */
const MAX_LINE = 1000;
/** A list marker, then a label of at most three words ending in a colon ("Train:", "stage 2 (fold 0):"). */
const LEAD = /^\s*(?:(?:\d+[.)]|[-*+])\s+)?(?:\*{0,2}[A-Za-z][\w.()/-]{0,30}(?:\s+[\w.()/-]{1,30}){0,2}:\*{0,2}\s+)?/;
/** A Python interpreter running a script or a module, or a shell running a script; variables may come first. */
const COMMAND =
  /^(?:[A-Za-z_]\w*=\S*\s+)*(?:(?:\/usr)?\/bin\/env\s+)?(?:\S*\/)?(?:(?:python|pypy|ipython)\d?(?:\.\d+)?\s+(?:-[uOBW]\s+)*(?:-m\s+[\w.]+|[\w./-]+\.(?:py|ipynb))|(?:bash|sh)\s+[\w./-]+\.sh|\.\/[\w./-]+\.sh)(?=\s|$)/;

/** The command a prose line holds on its own, label and list marker removed; null for a sentence. */
export function plainCommand(line: string): string | null {
  if (line.length > MAX_LINE || line.includes("`")) return null;
  const rest = line.slice(LEAD.exec(line)![0].length).trim();
  return COMMAND.test(rest) ? rest : null;
}
