// Why a spec cannot install, in words a user acts on (pure): a standard-library module listed as a package,
// a name the index lacks with the names meant ("did you mean"), a version it lacks with its nearest ones, a Python mismatch.
import stdlib from "../../data/python-stdlib.json" with { type: "json" };
import { distributionForName } from "../extract/python/packages.js";

const STDLIB: ReadonlySet<string> = new Set(stdlib.modules.map((m) => m.toLowerCase()));

/** PEP 503's normal form of a distribution name. */
export const normalizeName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** What uv's reason says is missing: a name the index does not have, or a version of one. */
export type Missing = { kind: "name"; name: string } | { kind: "version"; name: string; wanted: string };

/** Read uv's reason for the package it could not find ("X was not found in the package registry", "there is
 * no version of X==1.2"); null when it names neither. */
export function missingIn(reason: string): Missing | null {
  const name = /\b([A-Za-z0-9][\w.-]*?) was not found in the package registry/.exec(reason);
  if (name) return { kind: "name", name: name[1]! };
  const version = /there is no version of ([A-Za-z0-9][\w.-]*?)(?:\[[^\]]*\])?\s*==\s*([^\s,;]+?)(?=[\s,;]|$)/.exec(
    reason,
  );
  if (version) return { kind: "version", name: version[1]!, wanted: version[2]! };
  return null;
}

/** A distribution name that is a top-level module of Python's standard library (`json`, `argparse`). */
export function isStdlibName(name: string): boolean {
  return STDLIB.has(name.toLowerCase());
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** editDistance when it is at most `limit`, else limit + 1: three rows reused, and a row past the limit ends it
 * (a list as long as PyPI's, hundreds of thousands of names, is scanned in well under a second). */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > limit) return limit + 1;
    [before, previous, row] = [previous, row, before];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** The names of `known` closest to `name` (at most 3, within a third of its length and at most 3 edits). */
export function closestNames(name: string, known: readonly string[]): string[] {
  const wanted = normalizeName(name);
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  const scored = [...new Set(known.map(normalizeName))]
    .filter((k) => k !== wanted && Math.abs(k.length - wanted.length) <= limit)
    .map((k) => ({ k, d: boundedDistance(wanted, k, limit) }))
    .filter((s) => s.d <= limit);
  return scored
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 3)
    .map((s) => s.k);
}

/** The names someone writing `name` likely meant, at most 3: the distribution the import-name tables give for an
 * import name or alias (`sklearn` -> scikit-learn, `opencv` -> opencv-python), then the closest names of the
 * index's list. With the list (`projects`), only names it has; without it (offline, or too large to read), the
 * tables alone. */
export function suggestedNames(name: string, projects: readonly string[] | null): string[] {
  const wanted = normalizeName(name);
  const meant = normalizeName(distributionForName(name));
  const has = projects ? new Set(projects.map(normalizeName)) : null;
  const fromTables = meant !== wanted && (has === null || has.has(meant)) ? [meant] : [];
  const close = projects ? closestNames(name, projects) : [];
  return [...new Set([...fromTables, ...close])].slice(0, 3);
}

export const didYouMean = (names: readonly string[]) =>
  names.length === 1
    ? `did you mean ${names[0]}?`
    : `did you mean ${names.slice(0, -1).join(", ")} or ${names.at(-1)}?`;

/** Version parts for ordering: the release numbers (`1.10.0rc1` -> [1, 10, 0]); a pre-release sorts later here. */
const releaseOf = (v: string) => (/^\d+(?:\.\d+)*/.exec(v)?.[0] ?? "0").split(".").map(Number);

function compareVersions(a: string, b: string): number {
  const [x, y] = [releaseOf(a), releaseOf(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.localeCompare(b);
}

/** The versions the index has just below and just above the one wanted, nearest first (at most 3). */
export function nearestVersions(wanted: string, available: readonly string[]): string[] {
  const sorted = [...new Set(available)].sort(compareVersions);
  const above = sorted.findIndex((v) => compareVersions(v, wanted) > 0);
  const at = above === -1 ? sorted.length : above;
  const below = sorted.slice(Math.max(0, at - 2), at).reverse();
  const after = sorted.slice(at, at + 2);
  const out: string[] = [];
  for (let i = 0; out.length < 3 && (i < below.length || i < after.length); i++) {
    if (below[i]) out.push(below[i]!);
    if (after[i] && out.length < 3) out.push(after[i]!);
  }
  return out;
}

export interface CauseInput {
  /** The resolver's reason. */
  reason: string;
  resolutionClass: "version-missing" | "python-conflict" | "unresolvable";
  /** The Python resolved for, and whether the spec states it (with where). */
  python: { version: string; stated: boolean; source: string };
  /** Names on the index, when its list could be fetched cheaply; null when not. */
  projects: string[] | null;
  /** The versions the index has of the project the reason names; null when not fetched. */
  versions: string[] | null;
  /** Pythons (of those tried) on which the same spec installs. */
  installsOn: string[];
  /** The Pythons tried. */
  tried: string[];
  /** Pythons (of those tried) on which the resolver could not judge the spec. */
  notJudged?: string[];
  /** What the resolve budget left unasked ("judged on Python 3.7-3.9; the resolve budget (120 s) ran out before
   * 3.10-3.13"): the cause names only what was tried. */
  budget?: string;
}

/** The names the spec likely meant where the index lacks the one it names, or a release of it at all. */
export function meantNames(input: Pick<CauseInput, "reason" | "projects" | "versions">): string[] {
  const missing = missingIn(input.reason);
  if (missing?.kind === "name" && !isStdlibName(missing.name)) return suggestedNames(missing.name, input.projects);
  // A name the tables give another distribution for (PyPI's placeholder sklearn, opencv): the name is what is wrong.
  if (missing?.kind === "version") return suggestedNames(missing.name, null);
  return [];
}

/** One sentence naming the cause and what to do, or null when the reason names none of the known causes. */
export function unresolvableCause(input: CauseInput): string | null {
  const missing = missingIn(input.reason);
  const meant = meantNames(input);
  if (missing?.kind === "name") {
    if (isStdlibName(missing.name)) return `${missing.name} is part of Python's standard library: remove it`;
    return meant.length
      ? `the index has no project named ${missing.name}; ${didYouMean(meant)}`
      : `the index has no project named ${missing.name}: check its spelling on the index`;
  }
  if (missing?.kind === "version") {
    const near = input.versions ? nearestVersions(missing.wanted, input.versions) : [];
    const nearest = near.length ? `; the nearest it has: ${near.join(", ")}` : "";
    return `the index has no version ${missing.wanted} of ${missing.name}${nearest}${meant.length ? `; ${didYouMean(meant)}` : ""}`;
  }
  if (input.resolutionClass === "python-conflict") {
    const stated = input.python.stated ? ` (stated in ${input.python.source})` : "";
    const unjudged = input.notJudged ?? [];
    if (input.budget && input.installsOn.length === 0)
      return `Python ${input.python.version}${stated} has no wheels for every pin, nor has any other Python asked (${input.budget})`;
    if (input.budget)
      return `Python ${input.python.version}${stated} does not have every pin; they install on Python ${input.installsOn.join(", ")} (${input.budget})`;
    if (input.installsOn.length === 0 && unjudged.length > 0)
      return `Python ${input.python.version}${stated} has no wheels for every pin, and no other Python from ${input.tried[0]} to ${input.tried.at(-1)} resolved them with wheels only (on Python ${unjudged.join(", ")} the resolver could not judge them)`;
    if (input.installsOn.length === 0)
      return `no Python from ${input.tried[0]} to ${input.tried.at(-1)} has every pin: each was tried, with wheels only and the lines that need a source build left out; the pins need Pythons that do not meet`;
    const lowest = input.installsOn[0]!;
    const direction = compareVersions(lowest, input.python.version) > 0 ? "too old" : "too new";
    return `Python ${input.python.version}${stated} is ${direction} for the pins, which install on Python ${input.installsOn.join(", ")}: state Python ${lowest}`;
  }
  return null;
}
