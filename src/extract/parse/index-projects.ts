// Distributions whose index project is not what a pip line means (data/index-projects.json, each row with its
// source): an unrelated project, a deprecated stub, a system binding, a standard-library backport.
import { readDataJson } from "../../io/package.js";
import type { FactRecord } from "../../model/facts.js";

interface IndexProjectRow {
  name: string;
  problem: string;
  instead: string;
  installFails: boolean;
  /** A backport the standard library shadows: installed, `import` finds the standard module first and nothing breaks. */
  harmless: boolean;
  /** A version spec (regex) for which the row's words are `exceptProblem` and the install may succeed. */
  except?: string;
  exceptProblem?: string;
  /** A version spec (regex) outside which the row does not apply: the releases it names are the only ones at fault
   * (a backport whose old release installs harmlessly and whose later ones refuse a newer Python). */
  onlyFor?: string;
  /** A backport's first Python at fault (exceptPythonFrom: for the except specs); older Pythons install it harmlessly. */
  pythonFrom?: string;
  exceptPythonFrom?: string;
  source: string;
}

let rows: Map<string, IndexProjectRow> | null = null;

function rowOf(name: string): IndexProjectRow | undefined {
  rows ??= new Map(
    readDataJson<{ rows: IndexProjectRow[] }>("index-projects.json").rows.map((r) => [r.name, r] as const),
  );
  return rows.get(name.toLowerCase().replace(/[-_.]+/g, "-"));
}

/** The fields a pip-read package record gets when the table names its distribution; {} otherwise. A URL
 * reference (NVIDIA apex from its repository) or a marker (a backport for old Pythons only) is what fixes it. */
export function indexProjectFields(name: string, spec: string, marker?: string): Partial<FactRecord> {
  const row = rowOf(name);
  if (!row || marker || /^[a-z][a-z0-9+.-]*:/i.test(spec.trim())) return {};
  if (row.onlyFor !== undefined && !new RegExp(row.onlyFor).test(spec.trim())) return {};
  const excepted = row.except !== undefined && new RegExp(row.except).test(spec.trim());
  return {
    indexProblem: excepted && row.exceptProblem ? row.exceptProblem : row.problem,
    indexInstead: row.instead,
    indexInstallFails: row.installFails && !excepted,
    indexSource: row.source,
    ...(row.harmless ? { indexHarmless: true } : {}),
  };
}

/** The first Python ("3.7") on which the row's problem shows for this spec; null when it shows on every Python. */
export function indexProblemPythonFrom(name: string, spec: string): string | null {
  const row = rowOf(name);
  if (!row) return null;
  const excepted = row.except !== undefined && new RegExp(row.except).test(spec.trim());
  return (excepted ? row.exceptPythonFrom : row.pythonFrom) ?? null;
}
