// The commands a notebook runs, in cell order: its shell lines (`!python x.py`, `%%bash` bodies), its `%run x.py`
// lines, and the launches of its Python (`os.system('python a.py ' + str(2))`, `subprocess.run(['python', 'b.py'])`)
// with the folder each runs in. Pure: the flattened notebook in.
import type { FlatNotebook } from "../../view/notebook.js";
import { launchedCommands } from "./launches.js";

export interface NotebookRun {
  /** Line of the flattened notebook. */
  line: number;
  text: string;
  /** A `!` line: IPython runs it in a shell of its own, so its `cd` leaves the notebook where it was. */
  subshell?: true;
  /** A launch of the notebook's Python, not a shell line. */
  launched?: true;
  /** A launch's folder relative to the notebook's (launches.ts); null when computed; absent where it stays. */
  folder?: string | null;
}

export function notebookRuns(flat: FlatNotebook): NotebookRun[] {
  const runs = flat.text.split("\n").flatMap((l, i) => {
    const m = /^#run\s+(?:-\w+\s+)*(\S+\.(?:py|ipynb))(.*)$/.exec(l.trim());
    return m ? [{ line: i + 1, text: `python ${m[1]}${m[2]}` }] : [];
  });
  // A launch's own subshell: its `cd` never moves the notebook either.
  const launches = launchedCommands(flat.text).map((l): NotebookRun => ({
    line: l.line,
    text: l.command,
    subshell: true,
    launched: true,
    ...(l.folder !== undefined ? { folder: l.folder } : {}),
  }));
  return [...flat.shell, ...runs, ...launches].sort((a, b) => a.line - b.line);
}

/** A shell line's commands chained by `&&` or `;` (outside quotes), each to run after the one before. */
export function chainedCommands(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "\\") i++;
    else if (c === ";" || (c === "&" && text[i + 1] === "&")) {
      out.push(text.slice(start, i).trim());
      if (c === "&") i++;
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((s) => s !== "");
}
