// Notebooks whose saved run executed cells out of order: among the executed code cells, in document order,
// the first whose execution count is below the one before it. A top-to-bottom rerun may then not do what the
// saved outputs show. Pure: the notebook's JSON in.

export interface CellInversion {
  /** Cell indexes (from 0, all cells counted) of the earlier cell and the later one that ran before it. */
  earlier: number;
  later: number;
  earlierCount: number;
  laterCount: number;
}

export function cellInversion(json: string): CellInversion | null {
  let cells: unknown;
  try {
    cells = (JSON.parse(json) as { cells?: unknown }).cells;
  } catch {
    return null;
  }
  if (!Array.isArray(cells)) return null;
  let last: { index: number; count: number } | null = null;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index] as { cell_type?: unknown; execution_count?: unknown } | null;
    const count = cell?.cell_type === "code" ? cell.execution_count : null;
    if (typeof count !== "number" || !Number.isFinite(count)) continue;
    if (last !== null && count < last.count)
      return { earlier: last.index, later: index, earlierCount: last.count, laterCount: count };
    last = { index, count };
  }
  return null;
}

/** The inversion in words, cells counted from 1 as Jupyter shows them. */
export function inversionWords(i: CellInversion): string {
  return `cell ${i.earlier + 1} ran as [${i.earlierCount}], then cell ${i.later + 1} as [${i.laterCount}]`;
}
