// PEP 440 version clauses (`>=1.20`, `==1.19.*`, `~=1.21`, Poetry's ^ and ~, conda's `=1.19`) read into comparisons,
// shared by the Python a repo states (provision/python-version.ts) and the library releases a spec admits. Pure.

export type Version = [number, number, number];

function parse(text: string): Version | null {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Two release numbers ("1.24", "2.0") in release order; one that does not read sorts last. */
export function compareReleases(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return compare(x, y);
}

/** Expand one clause to simple comparisons (PEP 440, Poetry ^ and ~, conda bare versions). */
export function expand(clause: string): Array<[string, Version, number]> {
  const match = /^(===|==|~=|>=|<=|!=|>|<|\^|~|=)?\s*([\d.*]+)$/.exec(clause.trim());
  if (!match) return [];
  const op = match[1] ?? "==";
  const raw = match[2]!;
  const parts = raw.replace(/\.\*$/, "").split(".").length;
  const version = parse(raw);
  if (!version) return [];
  const next = (index: number): Version =>
    index === 0
      ? [version[0] + 1, 0, 0]
      : index === 1
        ? [version[0], version[1] + 1, 0]
        : [version[0], version[1], version[2] + 1];
  if (op === "^")
    return [
      [">=", version, parts],
      ["<", version[0] > 0 ? next(0) : next(1), 3],
    ];
  if (op === "~")
    return [
      [">=", version, parts],
      ["<", parts >= 2 ? next(1) : next(0), 3],
    ];
  if (op === "~=")
    return [
      [">=", version, parts],
      ["<", next(Math.max(0, parts - 2)), 3],
    ];
  if (op === "==" || op === "===" || op === "=") return [["==", version, parts]];
  return [[op, version, parts]];
}

export function satisfies(candidate: Version, op: string, version: Version, parts: number): boolean {
  const cmp = compare(candidate, version);
  switch (op) {
    case ">=":
      return cmp >= 0;
    case ">":
      return cmp > 0;
    case "<=":
      return cmp <= 0;
    case "<":
      return cmp < 0;
    case "!=":
      return parts <= 2 ? !(candidate[0] === version[0] && candidate[1] === version[1]) : cmp !== 0;
    default: // "==": a shorter version matches every release under it
      return (
        candidate[0] === version[0] &&
        (parts < 2 || candidate[1] === version[1]) &&
        (parts < 3 || candidate[2] === version[2])
      );
  }
}

/** Does a version spec (PEP 440 clauses joined by commas: `==1.19.5`, `>=1.20,<2`, `~=1.21`) admit a release at or
 * after `version` ("1.24")? The least such release is `version` itself or one of the clauses' bounds (or just past
 * one), so those are the only candidates to try. Null when a clause does not read (a URL, a wildcard mid-version). */
export function allowsFrom(spec: string, version: string): boolean | null {
  const floor = parse(version);
  const read = spec
    .replace(/\+[\w.]+/g, "") // a local tag (+cu101) says nothing of the release
    .split(/\s*,\s*/)
    .filter(Boolean)
    .map(expand);
  if (!floor || read.length === 0 || read.some((c) => c.length === 0)) return null;
  const clauses = read.flat();
  const candidates: Version[] = [floor];
  for (const [, v] of clauses) if (compare(v, floor) >= 0) candidates.push(v, [v[0], v[1], v[2] + 1]);
  return candidates.some((c) => clauses.every(([op, v, parts]) => satisfies(c, op, v, parts)));
}
