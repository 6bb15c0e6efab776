// Flatten a Jupyter notebook's code cells into one Python text, with a map back to cell and line, and the
// shell lines (IPython `!cmd`, `%%bash` cells) kept apart for what reads shell commands.

export interface FlatNotebook {
  text: string;
  /** Index i holds flattened line i+1's cell (0-based, among all cells) and line in that cell (1-based). */
  lineMap: Array<{ cell: number; cellLine: number }>;
  /** Shell commands of the code cells (`!pip install x`, `%%bash` cell lines), continuations joined, at
   * their flattened line. */
  /** Shell lines in order; `subshell` for a `!` line, which IPython runs in a shell of its own, so its `cd` moves
   * nothing after it (`%cd` and automagic `cd` do). */
  shell: Array<{ line: number; text: string; subshell?: true }>;
}

export type NotebookResult = { ok: true; notebook: FlatNotebook } | { ok: false; reason: string };

/** Cell magics whose body is not Python; bash and sh bodies are shell commands. */
const NOT_PYTHON_CELL = /^%%(bash|sh|script|system|html|javascript|js|latex|markdown|svg|perl|ruby|cmd|powershell)\b/;
/** `%%writefile [-a] target`: the body is a file's text, Python only when the target is a .py file. */
const WRITEFILE_CELL = /^%%writefile(?:[ \t]+(?:-a|--append))*(?:[ \t]+(["']?)([^\s"']+)\1)?/;

/** The cell magic a cell's first line opens when its body is not Python (`%%bash`, `%%writefile run.sh`), else null. */
function notPythonCellMagic(firstLine: string): string | null {
  const trimmed = firstLine.trimStart();
  const magic = NOT_PYTHON_CELL.exec(trimmed);
  if (magic) return magic[1]!;
  const written = WRITEFILE_CELL.exec(trimmed);
  return written && !/\.pyw?$/i.test(written[2] ?? "") ? "writefile" : null;
}

/** IPython magics and shell escapes are not Python: they become comments so parsers skip them. */
function neutralise(line: string): string {
  return line.replace(/[%!]|(?=\S)/, "#");
}

/** A line magic or shell escape is one statement to IPython: inside a block (`if x:\n    !mkdir d`) it
 * becomes `pass` with the line as its comment, so the block keeps a body; at the top it is a comment. */
function asStatement(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  return indent === "" ? neutralise(line) : `${indent}pass  ${neutralise(line.slice(indent.length))}`;
}

/** Line magics and shell aliases IPython runs without `%` (automagic, on by default): `cd ../src/`, `ls data`,
 * `pip install x`. A line is one when the name is followed by words, not by Python (`ls = []`, `cd(x)`, `pip.main`). */
const AUTOMAGIC =
  /^(?:cd|ls|ll|pwd|pip|conda|mamba|env|load_ext|reload_ext|autoreload|matplotlib|mkdir|rmdir|cat|cp|mv|rm|less|run|time|timeit|alias|bookmark|pylab|who|whos|reset|cls|clear)(?:\s+(?![=,:;)\]}]|[+\-*/%&|^<>!.]+=|[+\-*/%&|^<>]+(?:\s|$)|(?:if|else|for|in|and|or|is|not)\b)\S.*)?$/;
/** A bare word is Python too (an expression); only these print or move as the magic they stand for. */
const BARE_MAGIC = /^(?:ls|ll|pwd|cd|who|whos|cls|clear)$/;

function isAutomagic(trimmed: string): boolean {
  return AUTOMAGIC.test(trimmed) && (/\s/.test(trimmed) || BARE_MAGIC.test(trimmed));
}

/** A cell's text (or an output's); items that are not strings (a hostile notebook's objects) are left out, never coerced. */
export function cellSource(source: unknown): string {
  if (typeof source === "string") return source;
  if (!Array.isArray(source)) return "";
  return source.filter((part): part is string => typeof part === "string").join("");
}

export function flattenNotebook(json: string): NotebookResult {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const cells = (doc as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return { ok: false, reason: "no `cells` list (nbformat 4 expected)" };
  const lines: string[] = [];
  const lineMap: FlatNotebook["lineMap"] = [];
  const shell: FlatNotebook["shell"] = [];
  cells.forEach((cell, index) => {
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (c?.cell_type !== "code") return;
    const source = cellSource(c.source);
    const cellLines = dedentCell(source.split(/\r?\n/));
    const magicCell = notPythonCellMagic(cellLines[0] ?? "");
    let continued: { line: number; text: string } | null = null;
    cellLines.forEach((line, i) => {
      const flatLine = lines.length + 1;
      const trimmed = line.trimStart();
      let out = line;
      if (magicCell) {
        out = neutralise(line);
        if (i > 0 && /^(bash|sh)$/.test(magicCell)) shell.push({ line: flatLine, text: line });
      } else if (continued) {
        // `!pip install a \` goes on: the next line is part of the same shell command.
        out = neutralise(line);
        continued.text += ` ${trimmed.replace(/\\$/, "").trim()}`;
        if (!/\\\s*$/.test(line)) continued = null;
      } else if (trimmed.startsWith("%") || trimmed.startsWith("!") || isAutomagic(trimmed)) {
        // `cd ../src/` is `%cd ../src/`: it moves the notebook for the cells after it.
        const magic = trimmed.startsWith("%") || trimmed.startsWith("!") ? trimmed : `%${trimmed}`;
        out = asStatement(line.slice(0, line.length - trimmed.length) + magic);
        if (magic.startsWith("!") || /^%(?:pip|conda|sx|system|cd)\b/.test(magic)) {
          const entry: FlatNotebook["shell"][number] = {
            line: flatLine,
            text: magic
              .replace(/^[!%]\s*/, "")
              .replace(/\\\s*$/, "")
              .trim(),
            ...(magic.startsWith("!") ? { subshell: true as const } : {}),
          };
          shell.push(entry);
          if (/\\\s*$/.test(line)) continued = entry;
        }
      } else if (/^\s*[\w.]+\s*=\s*!/.test(line)) {
        // `files = !ls data`: an assignment from a shell command.
        shell.push({ line: flatLine, text: line.slice(line.indexOf("!") + 1).trim() });
      }
      lines.push(out);
      lineMap.push({ cell: index, cellLine: i + 1 });
    });
  });
  return { ok: true, notebook: { text: lines.join("\n"), lineMap, shell } };
}

/** IPython's leading_indent transform: a cell whose first line is indented runs with that indent removed
 * from every line (a block pasted from inside a function parses). */
function dedentCell(lines: string[]): string[] {
  const indent = /^[ \t]+/.exec(lines[0] ?? "")?.[0];
  if (!indent) return lines;
  return lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
}
