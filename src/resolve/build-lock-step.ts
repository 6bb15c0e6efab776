// The lock the build installs, computed as `repro-audit lock` computes it; a note says whether it is used.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildLock, ChosenPython } from "../model/build-lock.js";
import type { Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";
import { buildLockOf } from "./build-lock.js";
import { readAnnotatedPins } from "./lock.js";
import { lockSpec, specToLock } from "./lock-spec.js";
import { releaseFiles } from "./index-pages.js";
import { RANGE_PYTHONS, type SpecToResolve } from "./resolver-input.js";
import { findUv } from "./uv.js";
import { oldestServingAll, pythonsServed } from "./wheel-pythons.js";

/** At most this many exact pins are looked up on the index for the Python their wheels share. */
const MAX_PINS_LOOKED_UP = 64;

export interface BuildLockInput {
  facts: Facts;
  view: RepoView;
  indexUrl: string;
  /** The audited commit's date, or null for today's releases. */
  asOf: string | null;
  /** A resolver other than the one found (tests). */
  uv?: string | null;
  signal?: AbortSignal;
}

export interface BuildLockOutcome {
  lock: BuildLock | null;
  notes: string[];
  /** With no lock, for a spec that states no Python: the Python the build uses instead of the default. */
  python?: ChosenPython;
}

export async function lockForBuild(input: BuildLockInput): Promise<BuildLockOutcome> {
  const spec = specToLock(input.facts, input.view);
  if (!spec) return { lock: null, notes: [] };
  const locked = await lockOrWhy(input, spec);
  if (locked.lock || spec.python.stated) return locked;
  // No lock: the build still should not blame the repo for the default Python when its pins say which.
  const python = await pythonWithoutLock(input, spec);
  if (!python) return locked;
  return {
    ...locked,
    python,
    notes: [
      ...locked.notes,
      `Build: ${spec.file} states no Python; the build uses Python ${python.version}, ${python.source}: state the Python.`,
    ],
  };
}

async function lockOrWhy(input: BuildLockInput, spec: SpecToResolve): Promise<BuildLockOutcome> {
  const uv = input.uv === undefined ? await findUv() : input.uv;
  if (!uv) return { lock: null, notes: [`Build: ${spec.file} installed as written: no resolver to lock it.`] };
  const cacheDir = await mkdtemp(join(tmpdir(), "repro-audit-uv-cache-"));
  try {
    const request = {
      uv,
      indexUrl: input.indexUrl,
      asOf: input.asOf,
      cacheDir,
      ...(input.signal ? { signal: input.signal } : {}),
    };
    let python = spec.python.version;
    let answer = await lockSpec(request, spec);
    // A spec that states no Python and does not lock on the default is locked for the Python the resolve stage
    // found it installs on, so the build does not blame the repo for the audit's own pick.
    const found = answer.outcome !== "resolved" ? installingPython(input.facts, spec) : null;
    const retried = found ? await lockSpec(request, { ...spec, python: { ...spec.python, version: found } }) : null;
    if (found && retried?.outcome === "resolved") [python, answer] = [found, retried];
    if (answer.outcome !== "resolved")
      return {
        lock: null,
        notes: [
          `Build: ${spec.file} installed as written: it does not lock for Python ${spec.python.version} (${answer.reason}).`,
        ],
      };
    const lock = buildLockOf(spec, python, readAnnotatedPins(answer.stdout ?? ""), input.asOf);
    if ("unused" in lock) return { lock: null, notes: [`Build: ${lock.unused}.`] };
    const when = lock.asOf
      ? `with only the releases uploaded before its commit's date, ${lock.asOf}`
      : "with today's releases (no commit date)";
    return {
      lock,
      notes: [
        `Build: installs the lock of ${spec.file} (${lock.pins.length} pins for Python ${lock.python.version}, ${when}), as repro-audit lock writes it.`,
      ],
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** For an unstated spec with no lock: the Python the resolve stage found it installs on (its source-only lines left
 * out), else the oldest Python the wheels of every exact pin serve, per file tag and Requires-Python; else null. */
async function pythonWithoutLock(input: BuildLockInput, spec: SpecToResolve): Promise<ChosenPython | null> {
  const resolved = (input.facts.families["spec-resolution"] ?? []).find(
    (r) => r.file === spec.file && r.status === "resolved" && typeof r.python === "string",
  );
  if (typeof resolved?.python === "string")
    return { version: resolved.python, source: "the Python the resolver found it installs on" };
  const pins = spec.lines
    .filter((l) => !l.url)
    .map((l) => /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*===?\s*([\w.!+-]+)\s*(?:;.*)?$/.exec(l.requirement))
    .filter((m): m is RegExpExecArray => m !== null)
    .slice(0, MAX_PINS_LOOKED_UP);
  const served: string[][] = [];
  for (const [, name, version] of pins) {
    const files = await releaseFiles(input.indexUrl, name!, version, input.signal);
    const pythons = files ? pythonsServed(files, RANGE_PYTHONS) : null;
    if (pythons) served.push(pythons);
  }
  const oldest = oldestServingAll(served, RANGE_PYTHONS);
  return oldest
    ? { version: oldest, source: `the oldest Python the wheels of its ${served.length} pin(s) all serve` }
    : null;
}

/** The Python the resolve stage found an unstated spec installs on, when it is not the default it tried first. */
function installingPython(facts: Facts, spec: SpecToResolve): string | null {
  if (spec.python.stated) return null;
  const record = (facts.families["spec-resolution"] ?? []).find(
    (r) => r.file === spec.file && r.status === "resolved" && typeof r.python === "string",
  );
  const python = record?.python;
  return typeof python === "string" && python !== spec.python.version ? python : null;
}
