// Flatten a Jupyter notebook's code cells into one Python text, with a map back to cell and line.

export interface FlatNotebook {
  text: string;
  /** Index i holds flattened line i+1's cell (0-based, among all cells) and line in that cell (1-based). */
  lineMap: Array<{ cell: number; cellLine: number }>;
}

export type NotebookResult = { ok: true; notebook: FlatNotebook } | { ok: false; reason: string };

/** IPython magics and shell escapes are not Python: they become comments so parsers skip them. */
function neutraliseMagic(line: string): string {
  const trimmed = line.trimStart();
  if (trimmed.startsWith("%") || trimmed.startsWith("!")) return line.replace(/[%!]/, "#");
  return line;
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
  cells.forEach((cell, index) => {
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (c?.cell_type !== "code") return;
    const source = Array.isArray(c.source) ? c.source.join("") : typeof c.source === "string" ? c.source : "";
    source.split(/\r?\n/).forEach((line, i) => {
      lines.push(neutraliseMagic(line));
      lineMap.push({ cell: index, cellLine: i + 1 });
    });
  });
  return { ok: true, notebook: { text: lines.join("\n"), lineMap } };
}
