// A standard-library backport pinned for the Python the repo states: dataclasses==0.7 beside "Python 3.6.9" in the
// README is what that Python needs, not a pin pip refuses or that shadows the standard library.
import type { FactRecord } from "../../../model/facts.js";
import { indexProblemPythonFrom } from "../../parse/index-projects.js";
import { releaseLine } from "./python-eol.js";

function before(line: string, from: string): boolean {
  const [a, b] = line.split(".").map(Number) as [number, number];
  const [c, d] = from.split(".").map(Number) as [number, number];
  return a < c || (a === c && b < d);
}

/** Drops the index problem of a backport whose fault starts at a Python later than every Python the repo states
 * (each stated version naming one release line); a range or no stated Python leaves it as it is. */
export function clearBackportsForStatedPython(records: FactRecord[]): void {
  const stated = records.filter((r) => r.kind === "python-version" && typeof r.value === "string");
  const lines = stated.map((r) => releaseLine(String(r.value)));
  if (lines.length === 0 || lines.some((l) => l === null)) return;
  for (const r of records) {
    if (typeof r.indexProblem !== "string" || typeof r.name !== "string") continue;
    const from = indexProblemPythonFrom(r.name, typeof r.spec === "string" ? r.spec : "");
    if (from === null || !lines.every((l) => before(l!, from))) continue;
    delete r.indexProblem;
    delete r.indexInstead;
    delete r.indexInstallFails;
    delete r.indexSource;
    delete r.indexHarmless;
  }
}
