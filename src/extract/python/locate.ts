// Location fields of a fact: file and line, plus cell and line in the cell for notebooks.
import type { Location } from "../../model/facts.js";
import type { PythonSource } from "../../model/repo-view.js";

export function locate(file: { path: string; lineMap?: PythonSource["lineMap"] }, line: number): Location {
  const cell = file.lineMap?.[line - 1];
  return cell ? { file: file.path, line, cell: cell.cell, cellLine: cell.cellLine } : { file: file.path, line };
}
