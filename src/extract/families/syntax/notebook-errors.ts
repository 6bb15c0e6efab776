// Which of a notebook's syntax errors to report: a cell that lists shell steps without `!` is a document of how the
// solution ran, not broken Python, unless a step runs the notebook; a real error in another cell still counts. Pure.
import type { FactRecord } from "../../../model/facts.js";
import type { PythonSource } from "../../../model/repo-view.js";
import { readmeSaysRuns, shellListing } from "./shell-cells.js";

export interface NotebookErrorAt {
  line: number;
  message: string;
  /** Set when every broken cell is a shell listing and no README step runs the notebook. */
  shell?: { shellCell: string; readmeSays?: true };
}

/** The error to report for a notebook whose first error is `error` and whose parse recovered at `spans`; null when
 * the file has no cells to read. */
export function notebookErrorAt(
  source: PythonSource | null,
  error: { line: number; message: string },
  spans: ReadonlyArray<readonly [number, number]>,
  readmeCommands: readonly FactRecord[],
  path: string,
): NotebookErrorAt | null {
  const lineMap = source?.lineMap;
  if (!source || !lineMap) return null;
  const lines = source.text.split("\n");
  const cellOf = (line: number) => lineMap[line - 1]?.cell;
  const starts = [error.line, ...spans.map(([from]) => from)].sort((a, b) => a - b);
  const seen = new Set<number>();
  let listing: ReturnType<typeof shellListing> = null;
  for (const line of starts) {
    const cell = cellOf(line);
    if (cell === undefined || seen.has(cell)) continue;
    seen.add(cell);
    const cellLines = lines.filter((_, i) => lineMap[i]?.cell === cell);
    const shell = shellListing(cellLines);
    if (shell === null) return cell === cellOf(error.line) ? error : { line, message: "invalid syntax" };
    listing ??= shell;
  }
  if (listing === null) return null;
  const message = `${error.message}: the cell lists shell commands without \`!\` (${listing.first}), which Python cannot run`;
  const name = path.slice(path.lastIndexOf("/") + 1);
  const runByStep = readmeCommands.some(
    (r) => r.script === path || (typeof r.command === "string" && r.command.includes(name)),
  );
  if (runByStep) return { line: error.line, message };
  const commands = readmeCommands.flatMap((r) => (typeof r.command === "string" ? [r.command] : []));
  return {
    line: error.line,
    message,
    shell: { shellCell: listing.first, ...(readmeSaysRuns(listing, commands) ? { readmeSays: true as const } : {}) },
  };
}
