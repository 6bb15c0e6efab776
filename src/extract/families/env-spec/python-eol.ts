// When a stated Python version reached its end of life (data/python-eol.json, from the Python Developer's
// Guide): past it, no fixes ship and package indexes stop publishing wheels for it. Pure but for the clock
// it is given.
import { readDataJson } from "../../../io/package.js";

interface EolTable {
  source: string;
  versions: Record<string, string>;
}

let table: EolTable | null = null;

/** The release line a stated version names: "3.6.9" -> "3.6", "==2.7" -> "2.7", a bare "2" -> "2.7"; null
 * for what names no single line ("3", ">=3.8"). */
export function releaseLine(value: string): string | null {
  const m = /^\s*(?:==?|~=)?\s*v?(\d+)(?:\.(\d+))?(?:\.[\d*]+)?\s*$/.exec(value);
  if (!m) return null;
  if (m[2] !== undefined) return `${m[1]}.${m[2]}`;
  return m[1] === "2" ? "2.7" : null;
}

/** The month ("2021-12") the version's line reached its end of life, when that is before `today`; else null. */
export function pastEndOfLife(value: string, today: Date): string | null {
  const line = releaseLine(value);
  if (line === null) return null;
  table ??= readDataJson<EolTable>("python-eol.json");
  const end = table.versions[line];
  if (!end) return null;
  const [year, month] = end.split("-").map(Number) as [number, number];
  // The line is out of support once its end-of-life month is over.
  return Date.UTC(year, month) <= today.getTime() ? end : null;
}
