// Choose one concrete Python (major.minor) from what a repo states: an exact version, or a range resolved
// to the documented default (3.11) when it allows it, else the allowed minor nearest to the default; for
// a build, the lowest the range allows that the pinned wheels' tags support (the authors' era, not today's).

import { expand, satisfies, type Version } from "../model/version-clauses.js";

export const DEFAULT_PYTHON = "3.11";
/** Minors with official python:<ver>-slim images worth choosing from. */
const CANDIDATES = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

/** A minor is allowed when its first or a late patch release satisfies every clause. */
function allows(minor: string, clauses: Array<[string, Version, number]>): boolean {
  const [major, min] = minor.split(".").map(Number) as [number, number];
  return [0, 99].some((patch) => clauses.every(([op, v, parts]) => satisfies([major, min, patch], op, v, parts)));
}

/** How a constraint is written: an index's `Requires-Python` (PEP 440 clauses joined by commas, each of
 * which must read) or a repo's own statement (a "python-" prefix, clauses apart by spaces, unreadable
 * clauses skipped, a bare patch version meaning its minor). */
export type ConstraintSyntax = "requires-python" | "stated";

type Constraint = { exact: string } | { clauses: Array<[string, Version, number]> };

/** The one reader of a Python constraint; null when nothing in it reads. */
function readConstraint(text: string, syntax: ConstraintSyntax): Constraint | null {
  if (syntax === "requires-python") {
    const clauses = text
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map(expand);
    if (clauses.length === 0 || clauses.some((c) => c.length === 0)) return null;
    return { clauses: clauses.flat() };
  }
  const stripped = text.trim().replace(/^python-?/i, "");
  const exact = /^(\d+)\.(\d+)(?:\.[\d*]+)?$/.exec(stripped);
  if (exact) return { exact: `${exact[1]}.${exact[2]}` };
  const clauses = stripped
    .split(/\s*,\s*|\s+(?=[<>=!~^])/)
    .filter(Boolean)
    .flatMap(expand);
  return clauses.length > 0 ? { clauses } : null;
}

/** "3.10.12" -> "3.10"; ">=3.9" -> "3.11"; ">=3.8,<3.11" -> "3.10"; "^3.12" -> "3.12"; null when unreadable. */
export function resolvePython(stated: string): string | null {
  const constraint = readConstraint(stated, "stated");
  if (!constraint) return null;
  if ("exact" in constraint) return constraint.exact;
  const { clauses } = constraint;
  if (allows(DEFAULT_PYTHON, clauses)) return DEFAULT_PYTHON;
  const home = CANDIDATES.indexOf(DEFAULT_PYTHON);
  const allowed = CANDIDATES.map((minor, i) => ({ minor, distance: Math.abs(i - home) + (i > home ? 0.5 : 0) }))
    .filter(({ minor }) => allows(minor, clauses))
    .sort((a, b) => a.distance - b.distance);
  return allowed[0]?.minor ?? null;
}

/** Whether a repo's statement names a minor ("3.6", ">=3.6", "3.8.*"); one that names only a major (">=3",
 * "3", "<4") allows every Python 3 alike, so it chooses none by itself. */
export function statesMinor(stated: string): boolean {
  const constraint = readConstraint(stated, "stated");
  if (!constraint) return false;
  return "exact" in constraint || constraint.clauses.some(([, , parts]) => parts >= 2);
}

/** For a build: "^3.9" -> "3.9" (the lowest allowed), narrowed to the Pythons pinned wheels are tagged
 * for (`cp39`) when the range allows one of them; an exact version as it is; null when unreadable or when
 * it names only a major (">=3"). */
export function lowestPython(stated: string, tagged: readonly string[] = []): string | null {
  const constraint = readConstraint(stated, "stated");
  if (!constraint) return null;
  if ("exact" in constraint) return constraint.exact;
  if (!statesMinor(stated)) return null;
  const allowed = CANDIDATES.filter((minor) => allows(minor, constraint.clauses));
  return allowed.find((minor) => tagged.includes(minor)) ?? allowed[0] ?? null;
}

export interface AllowsPythonOptions {
  syntax: ConstraintSyntax;
  /** What an unreadable constraint answers: null (unknown, never a refusal) or false (allows nothing). */
  unreadable: null | false;
}

/** Does a constraint admit this minor (">=3.8" and "3.11"; a repo's "python-3.6.8" and "3.6")? */
export function allowsPython(
  constraint: string,
  minor: string,
  options: AllowsPythonOptions & { unreadable: false },
): boolean;
export function allowsPython(constraint: string, minor: string, options: AllowsPythonOptions): boolean | null;
export function allowsPython(constraint: string, minor: string, options: AllowsPythonOptions): boolean | null {
  const read = readConstraint(constraint, options.syntax);
  if (!read) return options.unreadable;
  return "exact" in read ? read.exact === minor : allows(minor, read.clauses);
}
