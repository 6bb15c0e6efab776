// The lowest Python a repo's spec implies when it states none: a few widely pinned packages' releases need a
// newer Python than their predecessors (their python_requires and wheel tags), and a stated range has a floor. Pure.
import type { FactRecord } from "../../../model/facts.js";

/** Per package, the release from which each Python floor holds (major x 100 + minor), oldest first. */
const FLOORS: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  numpy: [
    ["1.20", 307],
    ["1.22", 308],
    ["1.25", 309],
    ["2.1", 310],
    ["2.3", 311],
  ],
  pandas: [
    ["1.2", 307],
    ["1.4", 308],
    ["2.1", 309],
  ],
  scipy: [
    ["1.6", 307],
    ["1.8", 308],
    ["1.11", 309],
    ["1.14", 310],
  ],
  "scikit-learn": [
    ["1.0", 307],
    ["1.1", 308],
    ["1.4", 309],
    ["1.7", 310],
  ],
  torch: [
    ["1.11", 307],
    ["2.0", 308],
    ["2.5", 309],
  ],
  tensorflow: [
    ["2.7", 307],
    ["2.12", 308],
    ["2.14", 309],
  ],
};

export interface PythonFloor {
  /** major x 100 + minor: 3.8 -> 308 */
  version: number;
  /** What sets it, in a reader's words: "numpy==1.22.0 (requirements.txt)". */
  by: string;
}

const minorOf = (text: string): number | null => {
  const m = /^(\d+)\.(\d+)/.exec(text);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : null;
};

/** The version a spec installs at least: an exact pin, a conda `=` pin, a bare version or a lower bound. */
function lowestRelease(spec: string): number | null {
  const clauses = spec.split(",").map((c) => c.trim());
  for (const clause of clauses) {
    const m = /^(?:===?|=|~=|>=|>|\^|~)?\s*(\d+\.\d+[\w.*+!-]*)$/.exec(clause);
    if (m && !/^(?:<|!=)/.test(clause)) return minorOf(m[1]!);
  }
  return null;
}

/** The Python floor one package pin implies, or null for a package or release the table does not know. */
export function packageFloor(name: string, spec: string): number | null {
  const table = FLOORS[name.toLowerCase().replace(/[_.]/g, "-")];
  const release = lowestRelease(spec);
  if (!table || release === null) return null;
  let floor: number | null = null;
  for (const [from, python] of table) if (release >= minorOf(from)!) floor = python;
  return floor;
}

/** The floor of a stated range (">=3.8", "~=3.9", "^3.10"); exact versions are stated Pythons, not floors. */
function rangeFloor(value: string): number | null {
  const m = /^\s*(?:>=|>|~=|\^|~)\s*(\d+)\.(\d+)/.exec(value.replace(/^python-?/i, ""));
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}

/** The highest Python floor the env-spec records imply, with what sets it; null when none does. */
export function impliedPythonFloor(records: readonly FactRecord[]): PythonFloor | null {
  let best: PythonFloor | null = null;
  for (const r of records) {
    let version: number | null = null;
    let by = "";
    if (r.kind === "package" && typeof r.name === "string" && typeof r.spec === "string") {
      version = packageFloor(r.name, r.spec);
      by = `${r.name}${/^[<>=!~^]/.test(r.spec) ? "" : "=="}${r.spec}`;
    } else if (r.kind === "python-version" && typeof r.value === "string") {
      version = rangeFloor(r.value);
      by = `Python ${r.value.trim()}`;
    }
    if (version !== null && (best === null || version > best.version))
      best = { version, by: typeof r.file === "string" ? `${by} (${r.file})` : by };
  }
  return best;
}

/** 308 -> "3.8" */
export const versionText = (v: number): string => `${Math.floor(v / 100)}.${v % 100}`;
