// Location fields of a fact: file and line, plus cell and line in the cell for notebooks.
import type { FactRecord, FactValue, Location } from "../../model/facts.js";
import type { PythonSource } from "../../model/repo-view.js";

function locate(file: { path: string; lineMap?: PythonSource["lineMap"] }, line: number): Location {
  const cell = file.lineMap?.[line - 1];
  return cell ? { file: file.path, line, cell: cell.cell, cellLine: cell.cellLine } : { file: file.path, line };
}

/** A record: the location fields, then `fields` in their order. Built with Object.assign, not an object
 * spread, which costs ten times more and a large repo makes 100,000 records. */
export function recordAt(
  file: { path: string; lineMap?: PythonSource["lineMap"] },
  line: number,
  fields: Record<string, FactValue | undefined>,
): FactRecord {
  return Object.assign(locate(file, line), fields);
}
